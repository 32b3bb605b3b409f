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
import io.kafkit.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** producer-perf-test against a real one-broker KRaft cluster, with Apache's as the oracle. */
class ProducerPerfTestIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final AtomicInteger ids = new AtomicInteger();

  static String topic() {
    return cluster.createTopic("perf-" + ids.incrementAndGet(), 2);
  }

  static CliResult perf(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--bootstrap-server";
    all[1] = cluster.bootstrapServers();
    System.arraycopy(args, 0, all, 2, args.length);
    return new CliRunner(() -> ProducerPerfTestCommand.class).run(all);
  }

  @Test
  void sendsTheRecordsAndPrintsApachesFinalLine() {
    String topic = topic();
    CliResult r =
        perf(
            "--topic",
            topic,
            "--num-records",
            "1000",
            "--record-size",
            "100",
            "--throughput",
            "-1");
    assertEquals(0, r.exitCode(), r.toString());
    Matcher total = PerfLines.one(PerfLines.TOTAL, r.out());
    assertEquals("1000", total.group(1));
    assertEquals(r.out().strip(), total.group(), "nothing but the final line: " + r.out());
    List<ConsumerRecord<byte[], byte[]>> records = cluster.read(topic, 1000);
    assertEquals(1000, records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      assertEquals(100, record.value().length);
      assertTrue(new String(record.value(), StandardCharsets.US_ASCII).matches("[A-Z]{100}"));
    }
  }

  @Test
  void sendsTheSameBytesAsApache() {
    String ours = topic();
    String theirs = topic();
    assertEquals(
        0,
        perf(
                "--topic",
                ours,
                "--num-records",
                "50",
                "--record-size",
                "20",
                "--throughput",
                "-1",
                "--command-property",
                "partitioner.class=org.apache.kafka.clients.producer.RoundRobinPartitioner")
            .exitCode());
    CliResult apache =
        ApacheTools.run(
            "org.apache.kafka.tools.ProducerPerformance",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            theirs,
            "--num-records",
            "50",
            "--record-size",
            "20",
            "--throughput",
            "-1");
    assertEquals(0, apache.exitCode(), apache.toString());
    PerfLines.one(PerfLines.TOTAL, apache.out());
    assertEquals(values(theirs, 50), values(ours, 50));
  }

  @Test
  void keysAndSeedsAreApaches() {
    for (List<String> keyed :
        List.of(
            List.of(
                "--key-distribution", "random", "--record-key-range", "7", "--random-seed", "42"),
            List.of("--key-distribution", "range", "--record-key-range", "3"))) {
      String ours = topic();
      String theirs = topic();
      List<String> args =
          new java.util.ArrayList<>(
              List.of("--num-records", "40", "--record-size", "8", "--throughput", "-1"));
      args.addAll(keyed);
      List<String> kafkit = new java.util.ArrayList<>(List.of("--topic", ours));
      kafkit.addAll(args);
      CliResult r = perf(kafkit.toArray(String[]::new));
      assertEquals(0, r.exitCode(), r.toString());
      List<String> apache =
          new java.util.ArrayList<>(
              List.of("--bootstrap-server", cluster.bootstrapServers(), "--topic", theirs));
      apache.addAll(args);
      CliResult a =
          ApacheTools.run(
              "org.apache.kafka.tools.ProducerPerformance", apache.toArray(String[]::new));
      assertEquals(0, a.exitCode(), a.toString());
      Set<String> mine = keyedValues(ours, 40);
      assertEquals(keyedValues(theirs, 40), mine, keyed.toString());
      assertEquals(40, mine.size(), "each record's key and value, all different: " + mine);
    }
  }

  /** Each record as "key=value"; keys decide partitions, so the set is the same for both tools. */
  static Set<String> keyedValues(String topic, int count) {
    Set<String> values = new HashSet<>();
    cluster
        .read(topic, count)
        .forEach(
            r ->
                values.add(
                    new String(r.key(), StandardCharsets.US_ASCII)
                        + "="
                        + new String(r.value(), StandardCharsets.US_ASCII)));
    return values;
  }

  static Set<String> values(String topic, int count) {
    Set<String> values = new HashSet<>();
    cluster
        .read(topic, count)
        .forEach(r -> values.add(new String(r.value(), StandardCharsets.US_ASCII)));
    return values;
  }

  @Test
  void throttledRunsHoldTheRateAndPrintWindowLines() {
    String topic = topic();
    CliResult r =
        perf(
            "--topic",
            topic,
            "--num-records",
            "4000",
            "--payload-monotonic",
            "--throughput",
            "1000",
            "--reporting-interval",
            "1000");
    assertEquals(0, r.exitCode(), r.toString());
    List<Matcher> windows = PerfLines.all(PerfLines.WINDOW, r.out());
    assertTrue(windows.size() >= 2, r.out());
    double rate = Double.parseDouble(PerfLines.one(PerfLines.TOTAL, r.out()).group(3));
    assertTrue(Math.abs(rate - 1000) < 50, "rate " + rate + "\n" + r.out());
    assertEquals(
        1 + windows.size(), r.out().strip().split("\n").length, "only Apache's lines:\n" + r.out());
  }

  @Test
  void holdsTheRateOverTwentySeconds() {
    String topic = topic();
    CliResult r =
        perf(
            "--topic",
            topic,
            "--num-records",
            "100000",
            "--record-size",
            "100",
            "--throughput",
            "5000");
    assertEquals(0, r.exitCode(), r.toString());
    double rate = Double.parseDouble(PerfLines.one(PerfLines.TOTAL, r.out()).group(3));
    assertTrue(Math.abs(rate - 5000) / 5000 < 0.02, "rate " + rate + "\n" + r.out());
    for (Matcher window : PerfLines.all(PerfLines.WINDOW, r.out())) {
      double windowRate = Double.parseDouble(window.group(2));
      assertTrue(
          Math.abs(windowRate - 5000) / 5000 < 0.05, "window " + window.group() + "\n" + r.out());
    }
  }

  @Test
  void payloadFileSplitAtTheDelimiter(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("payloads.txt"), "alpha,beta,gamma");
    String topic = topic();
    CliResult r =
        perf(
            "--topic",
            topic,
            "--num-records",
            "300",
            "--payload-file",
            file.toString(),
            "--payload-delimiter",
            ",",
            "--throughput",
            "-1");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Reading payloads from: " + file.toAbsolutePath()), r.err());
    assertTrue(r.err().contains("Number of records read: 3"), r.err());
    assertEquals(Set.of("alpha", "beta", "gamma"), values(topic, 300));
  }

  @Test
  void monotonicPayloads() {
    String topic = topic();
    assertEquals(
        0,
        perf("--topic", topic, "--num-records", "100", "--payload-monotonic", "--throughput", "-1")
            .exitCode());
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      expected.add(Integer.toString(i));
    }
    assertEquals(expected, values(topic, 100));
  }

  @Test
  void transactionsCommitEveryRecord() {
    String topic = topic();
    CliResult r =
        perf(
            "--topic",
            topic,
            "--num-records",
            "3000",
            "--record-size",
            "50",
            "--throughput",
            "6000",
            "--transaction-duration-ms",
            "100",
            "--transactional-id",
            "perf-tx-" + topic);
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("3000", PerfLines.one(PerfLines.TOTAL, r.out()).group(1));
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
      long committed =
          consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
      // end offsets count the commit markers too: at least one per transaction and partition
      assertTrue(committed > 3000, "end offsets " + committed);
    }
    assertEquals(3000, TopicReader.read(cluster.bootstrapServers(), topic, 3000).size());
  }

  @Test
  void warmupAddsASteadyStateLine() {
    String topic = topic();
    CliResult r =
        perf(
            "--topic",
            topic,
            "--num-records",
            "1500",
            "--warmup-records",
            "500",
            "--record-size",
            "10",
            "--throughput",
            "-1");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(
        r.out()
            .startsWith(
                "Warmup first 500 records. Steady state results will print after the complete test summary.\n"),
        r.out());
    List<Matcher> totals = PerfLines.all(PerfLines.TOTAL, r.out());
    assertEquals(2, totals.size(), r.out());
    assertEquals("1500", totals.get(0).group(1));
    assertEquals(null, totals.get(0).group(2));
    assertEquals("1000", totals.get(1).group(1));
    assertEquals(" steady state", totals.get(1).group(2));
  }

  @Test
  void jsonReport() throws Exception {
    String topic = topic();
    CliResult r =
        perf(
            "--topic",
            topic,
            "--num-records",
            "500",
            "--record-size",
            "10",
            "--throughput",
            "-1",
            "--output",
            "json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(500, json.get("records").asLong());
    assertTrue(json.get("recordsPerSec").asDouble() > 0);
    assertTrue(json.get("mbPerSec").asDouble() > 0);
    JsonNode latency = json.get("latencyMs");
    assertTrue(latency.get("p50").asInt() <= latency.get("p999").asInt());
    assertTrue(latency.get("max").asDouble() >= latency.get("p999").asInt());
    assertEquals(0, json.get("failed").asLong());
    assertFalse(json.has("steadyState"));
  }

  @Test
  void printMetricsPrintsApachesTable() {
    String topic = topic();
    CliResult r =
        perf(
            "--topic",
            topic,
            "--num-records",
            "10",
            "--record-size",
            "10",
            "--throughput",
            "-1",
            "--print-metrics");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().matches("(?s).*\nMetric Name +Value\n.*"), r.out());
    // the client counts a batch again when it resends it (a leader not ready yet on a topic made
    // a moment ago): at least the ten records
    java.util.regex.Matcher sent =
        java.util.regex.Pattern.compile(
                "\nproducer-metrics:record-send-total:\\{client-id=perf-producer-client\\} +: (\\d+)\\.000\n")
            .matcher(r.out());
    assertTrue(sent.find(), r.out());
    assertTrue(Integer.parseInt(sent.group(1)) >= 10, r.out());
  }

  @Test
  void apachesDeprecatedSpellingsWork(@TempDir Path dir) throws Exception {
    String topic = topic();
    Path config =
        Files.writeString(
            dir.resolve("producer.properties"),
            "bootstrap.servers=" + cluster.bootstrapServers() + "\n");
    CliResult r =
        new CliRunner(() -> ProducerPerfTestCommand.class)
            .run(
                "--topic",
                topic,
                "--num-rec",
                "10",
                "--record-size",
                "10",
                "--throughput",
                "-1",
                "--producer-props",
                "acks=1",
                "linger.ms=0",
                "--producer.config",
                config.toString(),
                "--print-metric");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Option --producer-props has been deprecated"), r.err());
    assertTrue(r.err().contains("Option --producer.config has been deprecated"), r.err());
    assertEquals("10", PerfLines.one(PerfLines.TOTAL, r.out()).group(1));
  }

  @Test
  void aRepeatedOptionTakesItsLastValueAsArgparse4jDoes() {
    // Wrapper scripts append their overrides to the arguments they were given.
    CliResult r =
        perf(
            "--topic",
            topic(),
            "--num-records",
            "5",
            "--record-size",
            "10",
            "--throughput",
            "-1",
            "--num-records",
            "7");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("7", PerfLines.one(PerfLines.TOTAL, r.out()).group(1));
  }

  @Test
  void oldAndNewSpellingsOfTheClientConfigAreNotMixed(@TempDir Path dir) throws Exception {
    String config = Files.writeString(dir.resolve("p.properties"), "acks=1\n").toString();
    String topic = topic();
    assertUsage(
        fiveRecords(topic, "--command-config", config, "--producer.config", config),
        "Options --producer.config and --command-config cannot be specified together.");
    assertUsage(
        fiveRecords(topic, "--command-property", "acks=1", "--producer-props", "linger.ms=0"),
        "Options --producer-props and --command-property cannot be specified together.");
    assertUsage(
        fiveRecords(topic, "--command-property", "linger.ms"), "Invalid property: linger.ms");
    assertUsage(
        fiveRecords(topic, "--command-property", "linger.ms=abc"), "Invalid client configuration");
  }

  /** Five records of 10 bytes as fast as possible, with more arguments. */
  static CliResult fiveRecords(String topic, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--topic",
                topic,
                "--num-records",
                "5",
                "--record-size",
                "10",
                "--throughput",
                "-1"));
    args.addAll(List.of(more));
    return perf(args.toArray(new String[0]));
  }

  @Test
  void badInputGetsOneLine(@TempDir Path dir) throws Exception {
    String topic = topic();
    assertUsage(
        perf("--topic", topic, "--num-records", "0", "--record-size", "10", "--throughput", "-1"),
        "--num-records should be greater than zero.");
    assertUsage(
        perf("--topic", topic, "--num-records", "10", "--throughput", "-1"), "--record-size");
    assertUsage(
        perf(
            "--topic",
            topic,
            "--num-records",
            "10",
            "--record-size",
            "1",
            "--payload-monotonic",
            "--throughput",
            "-1"),
        "mutually exclusive");
    assertUsage(
        perf("--topic", topic, "--num-records", "10", "--record-size", "1", "--throughput", "0"),
        "--throughput 0");
    CliResult missing =
        perf(
            "--topic",
            topic,
            "--num-records",
            "10",
            "--payload-file",
            dir.resolve("nope").toString(),
            "--throughput",
            "-1");
    assertFailed(missing, "--payload-file " + dir.resolve("nope") + " does not exist.");
    Path empty = Files.createFile(dir.resolve("empty"));
    assertFailed(
        perf(
            "--topic",
            topic,
            "--num-records",
            "10",
            "--payload-file",
            empty.toString(),
            "--throughput",
            "-1"),
        "holds no payloads");
    Path unreadable = Files.writeString(dir.resolve("secret"), "x");
    unreadable.toFile().setReadable(false);
    if (!Files.isReadable(unreadable)) {
      assertFailed(
          perf(
              "--topic",
              topic,
              "--num-records",
              "10",
              "--payload-file",
              unreadable.toString(),
              "--throughput",
              "-1"),
          "Permission denied");
    }
    assertFailed(
        perf(
            "--topic",
            "no-such-topic",
            "--num-records",
            "10",
            "--record-size",
            "10",
            "--throughput",
            "-1",
            "--connect-timeout",
            "2s"),
        "Topic 'no-such-topic' (or the partition) does not exist");
    assertFailed(
        new CliRunner(() -> ProducerPerfTestCommand.class)
            .run(
                "--bootstrap-server",
                "127.0.0.1:1",
                "--topic",
                topic,
                "--num-records",
                "10",
                "--record-size",
                "10",
                "--throughput",
                "-1",
                "--connect-timeout",
                "2s"),
        "Cannot reach the Kafka cluster at 127.0.0.1:1");
  }

  static void assertUsage(CliResult r, String message) {
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains(message), r.toString());
    assertEquals("", r.out());
  }

  static void assertFailed(CliResult r, String message) {
    assertEquals(1, r.exitCode(), r.toString());
    String[] lines = r.err().strip().split("\n");
    assertTrue(lines[lines.length - 1].contains(message), r.toString());
    assertFalse(r.err().contains("\tat "), r.toString());
  }
}
