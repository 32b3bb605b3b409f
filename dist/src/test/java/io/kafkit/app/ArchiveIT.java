package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import io.kafkit.testkit.RunningProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published archives as a user gets them: the .tar.gz unpacked into an empty directory, and
 * every drop-in script in it run against a real broker; the .zip holding the same files.
 */
class ArchiveIT {
  static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir Path tmp;

  static Path archive(String suffix) throws Exception {
    Path target = Path.of(System.getProperty("kafkit.dist.home")).getParent();
    try (var files = Files.list(target)) {
      return files
          .filter(
              f ->
                  f.getFileName()
                      .toString()
                      .matches("kafkit-[^-]+(-SNAPSHOT)?" + suffix.replace(".", "\\.")))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no kafkit-VERSION" + suffix + " in " + target));
    }
  }

  @Test
  void everyDropInScriptRunsFromTheUnpackedTarball() throws Exception {
    Process tar =
        new ProcessBuilder("tar", "-xzf", archive(".tar.gz").toString(), "-C", tmp.toString())
            .inheritIO()
            .start();
    assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0);
    Path home;
    try (var dirs = Files.list(tmp)) {
      home = dirs.findFirst().orElseThrow();
    }
    DistRunner dist = new DistRunner(home);
    KafkaCluster cluster = KafkaCluster.single();
    String bs = cluster.bootstrapServers();
    String topic = cluster.createTopic("archive-" + System.nanoTime() % 100000, 1);

    CliResult topics = dist.run("kafka-topics.sh", "--bootstrap-server", bs, "--list");
    assertEquals(0, topics.exitCode(), topics.toString());
    assertTrue(topics.out().lines().anyMatch(topic::equals), topics.out());

    try (RunningProcess producer =
        dist.start("kafka-console-producer.sh", "--bootstrap-server", bs, "--topic", topic)) {
      producer.type("hello from the tarball\n").closeInput();
      assertEquals(0, producer.waitFor(WAIT).exitCode());
    }
    CliResult consumer =
        dist.run(
            "kafka-console-consumer.sh",
            "--bootstrap-server",
            bs,
            "--topic",
            topic,
            "--from-beginning",
            "--max-messages",
            "1",
            "--group",
            "archive-group");
    assertEquals(0, consumer.exitCode(), consumer.toString());
    assertEquals("hello from the tarball\n", consumer.out());

    CliResult groups = dist.run("kafka-consumer-groups.sh", "--bootstrap-server", bs, "--list");
    assertTrue(groups.out().lines().anyMatch("archive-group"::equals), groups.toString());

    CliResult producerPerf =
        dist.run(
            "kafka-producer-perf-test.sh",
            "--bootstrap-server",
            bs,
            "--topic",
            topic,
            "--num-records",
            "100",
            "--record-size",
            "10",
            "--throughput",
            "-1");
    assertTrue(producerPerf.out().startsWith("100 records sent"), producerPerf.toString());
    CliResult consumerPerf =
        dist.run(
            "kafka-consumer-perf-test.sh",
            "--bootstrap-server",
            bs,
            "--topic",
            topic,
            "--num-records",
            "101");
    assertEquals(0, consumerPerf.exitCode(), consumerPerf.toString());
    assertEquals("101", consumerPerf.out().strip().split("\n")[1].split(", ")[4]);

    Path segment = cluster.partitionDir(topic, 0).resolve("00000000000000000000.log");
    CliResult dump =
        dist.run("kafka-dump-log.sh", "--files", segment.toString(), "--print-data-log");
    assertEquals(0, dump.exitCode(), dump.toString());
    assertTrue(dump.out().contains("payload: hello from the tarball"), dump.out());

    for (String page : List.of("kafkit.1", "kafkit-topics.1", "kafkit-dump-log.1")) {
      assertTrue(Files.exists(home.resolve("man/man1/" + page)), page);
    }
    assertTrue(Files.exists(home.resolve("completion/kafkit.bash")));
  }

  @Test
  void theZipHoldsTheSameFiles() throws Exception {
    Set<String> zipped = new HashSet<>();
    try (ZipFile zip = new ZipFile(archive(".zip").toFile())) {
      zip.stream()
          .map(e -> e.getName().substring(e.getName().indexOf('/') + 1))
          .forEach(zipped::add);
    }
    Path home = Path.of(System.getProperty("kafkit.dist.home"));
    try (var files = Files.walk(home)) {
      files
          .filter(Files::isRegularFile)
          .map(f -> home.relativize(f).toString())
          .forEach(f -> assertTrue(zipped.contains(f), f + " is not in the zip"));
    }
  }
}
