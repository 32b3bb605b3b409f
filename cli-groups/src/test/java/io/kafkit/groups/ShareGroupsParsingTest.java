package io.kafkit.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ShareGroupsParsingTest {
  static CommandLine commandLine() {
    return CommandLines.create(ShareGroupsCommand.class, Environment.of(Map.of(), Path.of(".")));
  }

  static GroupsRequest request(String... args) {
    CommandLine cl = commandLine();
    cl.parseArgs(args);
    return ShareGroupsRequest.of(cl.getCommand());
  }

  @Test
  void deleteOffsetsTakesExactlyOneGroup() {
    CommandLine cl = commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code =
        CommandLines.execute(
            cl, "--delete-offsets", "--group", "a", "--group", "b", "--topic", "orders");
    assertEquals(2, code, err.toString());
    assertEquals(
        "Error: Option [delete-offsets] takes exactly one [group].",
        err.toString().lines().findFirst().orElse(""));
  }

  @Test
  void deleteOffsetsTakesTopicNamesOnlyAsApacheDoes() {
    // Apache's tool sends "orders:0" as a topic name (which no topic has): it never narrows the
    // deletion to partition 0, and it never deletes the offsets of all of "orders"
    assertEquals(
        List.of(
            new GroupsRequest.TopicSpec("orders:0", List.of()),
            new GroupsRequest.TopicSpec("orders:x", List.of()),
            new GroupsRequest.TopicSpec("other", List.of())),
        request(
                "--delete-offsets",
                "--group",
                "g",
                "--topic",
                "orders:0",
                "--topic",
                "orders:x",
                "--topic",
                "other")
            .topics());
    // a reset still reads partitions after the colon
    assertEquals(
        List.of(new GroupsRequest.TopicSpec("orders", List.of(0, 2))),
        request(
                "--reset-offsets",
                "--group",
                "g",
                "--topic",
                "orders:0,2",
                "--to-earliest",
                "--dry-run")
            .topics());
  }
}
