package io.kafkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** consumer-perf-test against a real one-broker KRaft cluster, with Apache's as the oracle. */
class ConsumerPerfTestIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final AtomicInteger ids = new AtomicInteger();
  static final Pattern DETAIL =
      Pattern.compile(
          "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d{3}, 0, \\d+\\.\\d{4}, \\d+\\.\\d{4}, \\d+,"
              + " \\d+\\.\\d{4}, \\d+, -?\\d+, -?\\d+\\.\\d{4}, -?\\d+\\.\\d{4}$");
  static String topic;

  @BeforeAll
  static void fill() {
    topic = cluster.createTopic("consumer-perf", 2);
    CliResult r =
        new CliRunner(() -> ProducerPerfTestCommand.class)
            .run(
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--topic",
                topic,
                "--num-records",
                "5000",
                "--record-size",
                "100",
                "--throughput",
                "-1");
    assertEquals(0, r.exitCode(), r.toString());
  }

  static CliResult perf(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--bootstrap-server";
    all[1] = cluster.bootstrapServers();
    System.arraycopy(args, 0, all, 2, args.length);
    return new CliRunner(() -> ConsumerPerfTestCommand.class).run(all);
  }

  @Test
  void consumesAndPrintsApachesHeaderAndResult() {
    CliResult r = perf("--topic", topic, "--num-records", "5000");
    assertEquals(0, r.exitCode(), r.toString());
    String[] lines = r.out().strip().split("\n");
    assertEquals(2, lines.length, r.out());
    assertEquals(PerfLines.CONSUMER_HEADER, lines[0]);
    Matcher m = PerfLines.one(PerfLines.CONSUMER_RESULT, r.out());
    assertEquals("5000", m.group(5));
    assertEquals(String.format(java.util.Locale.ROOT, "%.4f", 5000 * 100 / 1048576.0), m.group(3));
    assertEquals("", r.err());
  }

  @Test
  void sameLayoutAsApache() {
    CliResult apache =
        ApacheTools.run(
            "org.apache.kafka.tools.ConsumerPerformance",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            topic,
            "--num-records",
            "5000");
    assertEquals(0, apache.exitCode(), apache.toString());
    CliResult ours = perf("--topic", topic, "--num-records", "5000");
    assertEquals(apache.out().split("\n")[0], ours.out().split("\n")[0]);
    assertEquals(
        PerfLines.one(PerfLines.CONSUMER_RESULT, apache.out()).group(5),
        PerfLines.one(PerfLines.CONSUMER_RESULT, ours.out()).group(5));
  }

  @Test
  void detailedStatsReplaceTheResultLine() {
    CliResult r =
        perf(
            "--topic",
            topic,
            "--num-records",
            "5000",
            "--show-detailed-stats",
            "--reporting-interval",
            "1");
    assertEquals(0, r.exitCode(), r.toString());
    String[] lines = r.out().strip().split("\n");
    assertEquals(
        "time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,"
            + " fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
        lines[0]);
    assertTrue(lines.length >= 2, r.out());
    for (int i = 1; i < lines.length; i++) {
      assertTrue(DETAIL.matcher(lines[i]).matches(), lines[i]);
    }
    assertTrue(PerfLines.all(PerfLines.CONSUMER_RESULT, r.out()).isEmpty(), r.out());
  }

  @Test
  void timeoutEndsAShortRunWithApachesWarning() {
    CliResult r =
        perf("--topic", topic, "--num-records", "9000", "--timeout", "1000", "--hide-header");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("5000", PerfLines.one(PerfLines.CONSUMER_RESULT, r.out()).group(5));
    assertEquals(1, r.out().strip().split("\n").length, r.out());
    assertEquals(
        "WARNING: Exiting before consuming the expected number of records: timeout (1000 ms) exceeded."
            + " You can use the --timeout option to increase the timeout.",
        r.err().strip());
  }

  @Test
  void theGroupCommitsWhatItConsumed() {
    String group = "perf-group-" + ids.incrementAndGet();
    assertEquals(0, perf("--topic", topic, "--num-records", "5000", "--group", group).exitCode());
    CliResult again =
        perf("--topic", topic, "--num-records", "1", "--group", group, "--timeout", "1500");
    assertEquals(
        "0", PerfLines.one(PerfLines.CONSUMER_RESULT, again.out()).group(5), again.toString());
  }

  @Test
  void apachesDeprecatedSpellingsWork(@TempDir Path dir) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("c.properties"), "bootstrap.servers=" + cluster.bootstrapServers() + "\n");
    CliResult r =
        new CliRunner(() -> ConsumerPerfTestCommand.class)
            .run(
                "-topic",
                topic,
                "--messages",
                "5000",
                "--consumer.config",
                config.toString(),
                "--print-metrics");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(
        r.err().contains("Warning: --messages is deprecated. Use --num-records instead."), r.err());
    assertTrue(
        r.err().contains("Warning: --consumer.config is deprecated. Use --command-config instead."),
        r.err());
    assertEquals("5000", PerfLines.one(PerfLines.CONSUMER_RESULT, r.out()).group(5));
    assertTrue(
        r.out()
            .contains(
                "consumer-fetch-manager-metrics:records-consumed-total:{client-id=perf-consumer-client}"),
        r.out());
  }

  @Test
  void theOldConfigSpellingIsNotMixedWithTheNew(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("c.properties"), "client.rack=a\n");
    assertUsage(
        perf(
            "--topic",
            topic,
            "--num-records",
            "5",
            "--command-config",
            config.toString(),
            "--consumer.config",
            config.toString()),
        "Options --consumer.config and --command-config cannot be specified together.");
  }

  @Test
  void includeRegexAndJson() throws Exception {
    CliResult r = perf("--include", "consumer-pe.*", "--num-records", "5000", "--output", "json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(5000, json.get("records").asLong());
    assertTrue(json.get("complete").asBoolean());
    assertTrue(json.get("fetchRecordsPerSec").asDouble() > 0);
    assertTrue(json.get("startTime").asText().endsWith("Z"), r.out());
    assertFalse(json.has("dateFormat"));
  }

  @Test
  void badInputGetsOneLine() {
    assertUsage(perf("--topic", topic), "--num-records");
    assertUsage(perf("--num-records", "5"), "--topic");
    assertUsage(perf("--topic", topic, "--num-records", "0"), "greater than zero");
    assertUsage(
        perf("--topic", topic, "--num-records", "5", "--date-format", "qqq"),
        "--date-format 'qqq'");
    assertUsage(
        perf("--include", "(", "--num-records", "5"), "--include '(' is not a regular expression");
    assertUsage(
        perf("--topic", topic, "--num-records", "5", "--reporting-interval", "0"),
        "Reporting interval");
    assertFailed(
        perf("--topic", "no-such-topic", "--num-records", "5"),
        "Topic 'no-such-topic' does not exist.");
    assertFailed(
        perf("--include", "nothing-matches-.*", "--num-records", "5"),
        "No topic matches --include");
    assertFailed(
        new CliRunner(() -> ConsumerPerfTestCommand.class)
            .run(
                "--bootstrap-server",
                "127.0.0.1:1",
                "--topic",
                topic,
                "--num-records",
                "5",
                "--connect-timeout",
                "2s"),
        "Cannot reach the Kafka cluster at 127.0.0.1:1");
  }

  static void assertUsage(CliResult r, String message) {
    ProducerPerfTestIT.assertUsage(r, message);
  }

  static void assertFailed(CliResult r, String message) {
    ProducerPerfTestIT.assertFailed(r, message);
    assertEquals(
        List.of(),
        List.of(r.out().strip()).stream().filter(s -> !s.isEmpty()).toList(),
        "no header on failure");
  }
}
