package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The assembled launcher and drop-in scripts, run as real processes. */
class LauncherIT {
  final DistRunner dist = new DistRunner();

  @Test
  void helpListsEveryToolAndTheExitCodes() {
    CliResult r = dist.run("kafkit", "--help");
    assertEquals(0, r.exitCode(), r.toString());
    for (String tool :
        Tools.ALL.stream().map(Tools.Tool::name).filter(name -> !name.startsWith("__")).toList()) {
      assertTrue(r.out().contains("\n  " + tool + " "), tool + " missing in\n" + r.out());
      CliResult help = dist.run("kafkit", tool, "--help");
      assertEquals(0, help.exitCode(), help.toString());
      assertEquals("", help.err(), "nothing on stderr for " + tool + " --help");
    }
    assertFalse(r.out().contains("__complete"), "the completion helper stays hidden");
    assertTrue(r.out().contains("Exit codes:"), r.out());
    CliResult topics = dist.run("kafkit", "topics", "--help");
    assertEquals(0, topics.exitCode(), topics.toString());
    assertTrue(topics.out().contains("--bootstrap-server"), topics.out());
  }

  @Test
  void binHoldsTheLauncherAndADropInForEachRegisteredScript() throws Exception {
    Path bin = dist.home().resolve("bin");
    Set<String> expected = new TreeSet<>(Tools.dropIns().keySet());
    expected.add("kafkit");
    Set<String> files = new TreeSet<>();
    try (Stream<Path> listing = Files.list(bin)) {
      listing.forEach(file -> files.add(file.getFileName().toString()));
    }
    assertEquals(expected, files);
    for (String file : files) {
      assertTrue(Files.isExecutable(bin.resolve(file)), file);
    }
    Map<String, String> flags =
        ToolsTest.withDefault(Generate.launcherFlags(Files.readString(bin.resolve("kafkit"))));
    assertEquals(ToolsTest.expectedFlags(), flags);
  }

  @Test
  void kafkaOptsAndKafkaHeapOptsReachTheJvmAsInApachesScripts() {
    CliResult heap =
        new DistRunner().env("KAFKA_HEAP_OPTS", "-Xmx300m").run("kafka-topics.sh", "--version");
    assertEquals(0, heap.exitCode(), heap.toString());
    CliResult opts =
        new DistRunner()
            .env("KAFKA_OPTS", "-Djava.security.auth.login.config=/x -XX:+NoSuchKafkitFlag")
            .run("kafka-topics.sh", "--version");
    assertEquals(1, opts.exitCode(), opts.toString());
    assertTrue(opts.err().contains("NoSuchKafkitFlag"), opts.err());
  }

  @Test
  void versionNamesKafkitAndTheKafkaClient() {
    CliResult r = dist.run("kafkit", "--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().matches("kafkit \\S+ \\(Kafka client 4\\.4\\.0\\)\n"), r.out());
  }

  @Test
  void mistypedSubcommandGetsASuggestionAndExitTwo() {
    CliResult r = dist.run("kafkit", "topcs", "--list");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("Did you mean: kafkit topics"), r.err());
  }

  @Test
  void noSubcommandIsAUsageError() {
    CliResult r = dist.run("kafkit");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().contains("Usage: kafkit"), r.err());
  }

  @Test
  void dropInScriptRunsTheMatchingTool() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    try (Admin admin = cluster.admin()) {
      admin.createTopics(List.of(new NewTopic("dropin", 1, (short) 1))).all().get();
    }
    CliResult r =
        dist.run("kafka-topics.sh", "--bootstrap-server", cluster.bootstrapServers(), "--list");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().lines().anyMatch("dropin"::equals), r.out());
  }

  @Test
  void scriptsWorkThroughASymlink() throws Exception {
    Path link = Files.createTempDirectory("kafkit-link").resolve("kafkit");
    Files.createSymbolicLink(link, dist.home().resolve("bin/kafkit"));
    Process p = new ProcessBuilder(link.toString(), "--version").start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor());
    assertTrue(out.startsWith("kafkit "), out);
  }
}
