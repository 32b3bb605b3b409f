package io.kafkit.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GroupsParsingTest {
  static int usage(String... args) {
    CommandLine cl =
        CommandLines.create(ConsumerGroupsCommand.class, Environment.of(Map.of(), Path.of(".")));
    cl.setErr(new PrintWriter(new StringWriter()));
    return CommandLines.execute(cl, args);
  }

  @Test
  void topicSpecs() {
    assertEquals(new GroupsRequest.TopicSpec("t", List.of()), GroupsRequest.TopicSpec.parse("t"));
    assertEquals(
        new GroupsRequest.TopicSpec("t", List.of(0, 2)), GroupsRequest.TopicSpec.parse("t:0,2"));
    assertThrows(IllegalArgumentException.class, () -> GroupsRequest.TopicSpec.parse("t:x"));
  }

  @Test
  void statesAndTypesAnyCase() {
    assertEquals(
        Set.of(GroupState.STABLE, GroupState.EMPTY),
        GroupsRequest.states("stable, EMPTY", GroupType.CLASSIC, GroupType.CONSUMER));
    assertEquals(Set.of(GroupType.CONSUMER), GroupsRequest.types("Consumer"));
    assertEquals(
        "Invalid state list 'sleepy'. Valid states are: Stable, Dead, Empty",
        assertThrows(
                IllegalArgumentException.class,
                () -> GroupsRequest.states("sleepy", GroupType.SHARE))
            .getMessage());
    assertEquals(
        "Invalid state list 'Stable,Assigning'. Valid states are: Stable, Dead, Empty",
        assertThrows(
                IllegalArgumentException.class,
                () -> GroupsRequest.states("Stable,Assigning", GroupType.SHARE))
            .getMessage());
    assertEquals(Set.of(GroupState.NOT_READY), GroupsRequest.states("notready", GroupType.STREAMS));
    assertThrows(IllegalArgumentException.class, () -> GroupsRequest.types("share-ish"));
  }

  @Test
  void dateTimes() {
    assertEquals(
        Instant.parse("2026-01-02T03:04:05.006Z").toEpochMilli(),
        ResetTarget.dateTime("2026-01-02T03:04:05.006Z"));
    assertEquals(
        Instant.parse("2026-01-02T01:04:05Z").toEpochMilli(),
        ResetTarget.dateTime("2026-01-02T03:04:05+02:00"));
    KafkitException e =
        assertThrows(KafkitException.class, () -> ResetTarget.dateTime("yesterday"));
    assertTrue(e.getMessage().contains("YYYY-MM-DDTHH:mm:SS.sss"));
  }

  static Map<String, Map<TopicPartition, Long>> plan(Path file, List<String> groups) {
    ResetOptions options = new ResetOptions();
    options.fromFile = file;
    return ResetTarget.of(options, groups).fromFile;
  }

  @Test
  void aPlansNumbersAreTrimmedAndItsNamesAreNotAsApachesReaderDoes(@TempDir Path dir)
      throws IOException {
    Path oneGroup = Files.writeString(dir.resolve("one.csv"), "orders, 0, 3\norders,1 ,\t4 \r\n");
    assertEquals(
        Map.of(
            "g", Map.of(new TopicPartition("orders", 0), 3L, new TopicPartition("orders", 1), 4L)),
        plan(oneGroup, List.of("g")));
    Path groups = Files.writeString(dir.resolve("many.csv"), "g, orders, 0, 3\n h,orders,1,4\n");
    assertEquals(
        Map.of(
            "g", Map.of(new TopicPartition(" orders", 0), 3L),
            " h", Map.of(new TopicPartition("orders", 1), 4L)),
        plan(groups, List.of("g", "h")));
    Path empty = Files.writeString(dir.resolve("empty.csv"), "\n");
    KafkitException nothing = assertThrows(KafkitException.class, () -> plan(empty, List.of("g")));
    assertEquals(ExitCodes.FAILED, nothing.exitCode());
    assertEquals(
        "The file " + empty + " is empty: it has no offsets to reset.", nothing.getMessage());
    Path quoted = Files.writeString(dir.resolve("quoted.csv"), "orders, \"0\", 3\n");
    assertEquals(
        ExitCodes.USAGE,
        assertThrows(KafkitException.class, () -> plan(quoted, List.of("g"))).exitCode());
  }

  @Test
  void optionRulesAreUsageErrors() {
    assertEquals(2, usage("--describe"));
    assertEquals(2, usage("--describe", "--group", "g", "--offsets", "--members"));
    assertEquals(2, usage("--reset-offsets", "--group", "g", "--topic", "t"));
    assertEquals(
        2,
        usage("--reset-offsets", "--group", "g", "--topic", "t", "--to-earliest", "--to-latest"));
    assertEquals(
        2,
        usage(
            "--reset-offsets",
            "--group",
            "g",
            "--all-topics",
            "--to-earliest",
            "--execute",
            "--dry-run"));
    assertEquals(2, usage("--delete-offsets", "--group", "g"));
    assertEquals(2, usage("--list", "--type", "bogus"));
    assertEquals(2, usage("--list", "--type", "share"));
    assertEquals(2, usage("--list", "--group", "g"));
  }

  /** The request of a command line that parses, and what it printed on stderr. */
  static String notes(String... args) {
    Environment environment = Environment.of(Map.of(), Path.of("."));
    ConsumerGroupsCommand command = new ConsumerGroupsCommand(environment);
    CommandLine cl = CommandLines.create(command, environment);
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.parseArgs(args);
    GroupsRequest.of(command);
    return err.toString();
  }

  @Test
  void resetOptionsOutsideAResetAreIgnoredWithANoteAsApacheIgnoresThem() {
    String note = "Note: the reset options apply to --reset-offsets only; they are ignored here.\n";
    assertEquals(note, notes("--describe", "--group", "g", "--all-topics"));
    assertEquals(note, notes("--describe", "--group", "g", "--to-earliest", "--execute"));
    assertEquals(note, notes("--delete", "--group", "g", "--all-topics"));
    assertEquals(note, notes("--list", "--dry-run"));
    assertEquals("", notes("--describe", "--group", "g"));
    assertEquals(
        "Invalid types list 'classic,share'. Valid types are: Consumer, Classic",
        assertThrows(IllegalArgumentException.class, () -> GroupsRequest.types("classic,share"))
            .getMessage());
  }
}
