package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import io.kafkit.testkit.RunningProcess;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The perf tests as scripts and people run them: drop-in scripts, a terminal, Ctrl-C. */
class PerfDistIT {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final Pattern TOTAL =
      Pattern.compile("(?m)^(\\d+) records sent, \\d+\\.\\d{6} records/sec .* ms 99\\.9th\\.$");
  static final KafkaCluster cluster = KafkaCluster.single();
  final DistRunner dist = new DistRunner();

  static String topic(String prefix) {
    return cluster.createTopic(prefix + "-" + System.nanoTime() % 100000, 1);
  }

  static long endOffset(String topic) {
    try (Admin admin = cluster.admin()) {
      TopicPartition partition = new TopicPartition(topic, 0);
      return admin
          .listOffsets(Map.of(partition, OffsetSpec.latest()))
          .partitionResult(partition)
          .get()
          .offset();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void dropInScriptsProduceAndConsume() {
    String topic = topic("perf-dropin");
    CliResult produced =
        dist.run(
            "kafka-producer-perf-test.sh",
            "--topic",
            topic,
            "--num-records",
            "20000",
            "--record-size",
            "100",
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + cluster.bootstrapServers(),
            "acks=all");
    assertEquals(0, produced.exitCode(), produced.toString());
    Matcher total = TOTAL.matcher(produced.out());
    assertTrue(total.find(), produced.out());
    assertEquals("20000", total.group(1));
    CliResult consumed =
        dist.run(
            "kafka-consumer-perf-test.sh",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            topic,
            "--messages",
            "20000");
    assertEquals(0, consumed.exitCode(), consumed.toString());
    String[] lines = consumed.out().strip().split("\n");
    assertEquals(2, lines.length, consumed.out());
    assertTrue(lines[0].startsWith("start.time, end.time, data.consumed.in.MB"), consumed.out());
    assertEquals("20000", lines[1].split(", ")[4], consumed.out());
  }

  @Test
  void aTerminalGetsALiveLineInsteadOfWindowLines() {
    String topic = topic("perf-live");
    try (RunningProcess run =
        dist.startInTerminal(
            "kafkit",
            "producer-perf-test",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            topic,
            "--num-records",
            "6000",
            "--record-size",
            "10",
            "--throughput",
            "2000",
            "--reporting-interval",
            "500")) {
      CliResult r = run.waitFor(WAIT);
      assertEquals(0, r.exitCode(), r.toString());
      assertTrue(r.out().contains("/6,000 records sent"), r.out());
      assertTrue(r.out().contains("\r["), r.out());
      Matcher total = TOTAL.matcher(r.out().replace("\r\n", "\n"));
      assertTrue(total.find(), r.out());
      assertFalse(r.out().contains("ms max latency."), "no window lines:\n" + r.out());
    }
  }

  @Test
  void ctrlCReportsWhatWasAcknowledged() {
    String topic = topic("perf-interrupted");
    try (RunningProcess run =
        dist.start(
            "kafkit",
            "producer-perf-test",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            topic,
            "--num-records",
            "1000000",
            "--record-size",
            "10",
            "--throughput",
            "5000",
            "--reporting-interval",
            "500")) {
      run.awaitOutput("ms max latency.", 2, WAIT);
      run.interrupt();
      CliResult r = run.waitFor(WAIT);
      assertEquals(130, r.exitCode(), r.toString());
      Matcher total = TOTAL.matcher(r.out());
      assertTrue(total.find(), r.out());
      long acknowledged = Long.parseLong(total.group(1));
      assertTrue(acknowledged > 0 && acknowledged < 1_000_000, r.out());
      assertEquals(
          acknowledged, endOffset(topic), "every record sent was acknowledged and counted");
    }
  }
}
