package io.kafkit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console consumer as a search tool, against a real broker: filters of every kind, their
 * combinations and negations, counts, end bounds, and a group's offsets after a filtered run, on a
 * topic whose contents the test wrote.
 */
class SearchIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final String FORMAT = "%p:%o %k=%s\\n";
  static String topic;
  static long timeBetween;

  /** The records, by partition: (key, value, headers...). */
  @BeforeAll
  static void records() throws Exception {
    topic = cluster.createTopic("search-" + System.nanoTime() % 100000, 2);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      long t0 = System.currentTimeMillis() - 60_000;
      // partition 0: offsets 0-4, timestamps t0 .. t0+4
      send(p, 0, t0, "order-1", utf8("{\"order\":{\"id\":4711,\"paid\":true}}"), "region", "eu-1");
      send(
          p,
          0,
          t0 + 1,
          "order-2",
          utf8("{\"order\":{\"id\":4712,\"paid\":false}}"),
          "region",
          "us-1");
      send(p, 0, t0 + 2, "user-1", utf8("plain text 4711"), "trace", "abc");
      send(p, 0, t0 + 3, null, new byte[] {'a', (byte) 0xff, 'b'});
      send(p, 0, t0 + 4, "user-2", null, "region", "eu-2", "trace", "def");
      // partition 1: offsets 0-2, timestamps t0+10 ..
      send(p, 1, t0 + 10, "order-3", utf8("{\"order\":{\"id\":4713}}"));
      send(p, 1, t0 + 11, "order-4", utf8("{not json 4711"));
      send(p, 1, t0 + 12, "user-3", utf8("x"), "region", "eu-3");
      timeBetween = t0 + 5;
    }
  }

  static void send(
      KafkaProducer<byte[], byte[]> p,
      int partition,
      long timestamp,
      String key,
      byte[] value,
      String... headers)
      throws Exception {
    ProducerRecord<byte[], byte[]> r =
        new ProducerRecord<>(topic, partition, timestamp, key == null ? null : utf8(key), value);
    for (int i = 0; i < headers.length; i += 2) {
      r.headers().add(headers[i], utf8(headers[i + 1]));
    }
    p.send(r).get();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static CliResult search(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--topic",
                topic,
                "--from-beginning",
                "--exit-at-end",
                "--format",
                FORMAT));
    all.addAll(Arrays.asList(args));
    return new CliRunner(() -> ConsoleConsumerCommand.class).run(all.toArray(String[]::new));
  }

  /** The lines printed, sorted (partitions interleave in any order). */
  static List<String> found(String... args) {
    CliResult r = search(args);
    assertEquals(0, r.exitCode(), r.toString());
    return r.out().lines().sorted().toList();
  }

  @Test
  void eachFilterKind() {
    assertEquals(List.of("0:2 user-1=plain text 4711"), found("--filter-value", "^plain"));
    assertEquals(
        List.of(
            "0:0 order-1={\"order\":{\"id\":4711,\"paid\":true}}",
            "0:2 user-1=plain text 4711",
            "1:1 order-4={not json 4711"),
        found("--filter-value", "4711"));
    assertEquals(
        List.of("1:0 order-3={\"order\":{\"id\":4713}}", "1:1 order-4={not json 4711"),
        found("--filter-key", "^order-[34]$"));
    assertEquals(
        List.of("0:2 user-1=plain text 4711", "0:4 user-2="), found("--filter-header", "trace"));
    assertEquals(
        List.of(
            "0:0 order-1={\"order\":{\"id\":4711,\"paid\":true}}", "0:4 user-2=", "1:2 user-3=x"),
        found("--filter-header", "region=^eu-"));
    // a JSON field; a value that is not JSON matches nothing, and is no error
    CliResult json = search("--filter-json", "/order/id=^4711$");
    assertEquals(0, json.exitCode(), json.toString());
    assertEquals("0:0 order-1={\"order\":{\"id\":4711,\"paid\":true}}\n", json.out());
    assertEquals(
        List.of("0:0 order-1={\"order\":{\"id\":4711,\"paid\":true}}"),
        found("--filter-json", "/order/paid=true"));
  }

  @Test
  void combinationsAndNegation() {
    // different flags: and
    assertEquals(
        List.of("0:0 order-1={\"order\":{\"id\":4711,\"paid\":true}}"),
        found("--filter-key", "^order", "--filter-header", "region=^eu"));
    // the same flag repeated: or
    assertEquals(
        List.of("0:2 user-1=plain text 4711", "1:2 user-3=x"),
        found("--filter-value", "^plain", "--filter-value", "^x$"));
    // negation: a null key matches no pattern, so a negated one keeps it
    assertEquals(
        List.of("0:2 user-1=plain text 4711", "0:3 =a\uFFFDb", "0:4 user-2=", "1:2 user-3=x"),
        found("--filter-key", "!^order"));
    assertEquals(
        List.of(
            "0:1 order-2={\"order\":{\"id\":4712,\"paid\":false}}",
            "0:2 user-1=plain text 4711",
            "0:3 =a\uFFFDb",
            "1:0 order-3={\"order\":{\"id\":4713}}",
            "1:1 order-4={not json 4711"),
        found("--filter-header", "!region", "--filter-header", "region=^us"));
    // a JSON field that is missing does not match, so its negation keeps the record
    assertEquals(
        List.of(
            "0:1 order-2={\"order\":{\"id\":4712,\"paid\":false}}",
            "1:0 order-3={\"order\":{\"id\":4713}}"),
        found("--filter-json", "/order/paid=!true"));
  }

  @Test
  void bytesThatAreNotUtf8MatchOnlyDot() {
    assertEquals(List.of("0:3 =a\uFFFDb"), found("--filter-value", "^a.b$"));
    assertEquals(List.of(), found("--filter-value", "^ab$"));
  }

  @Test
  void countsFirstAndMaxMessagesCountMatches() throws Exception {
    CliResult count = search("--filter-value", "4711", "--count");
    assertEquals(0, count.exitCode(), count.toString());
    assertEquals("3\n", count.out());
    assertTrue(
        count.err().contains("Processed a total of 3 messages (matched among 8 read)"),
        count.err());
    CliResult verbose = search("--filter-value", "4711", "--count", "--verbose");
    assertEquals(
        List.of("TOPIC", "PARTITION", "READ", "MATCHED"),
        Arrays.asList(verbose.out().lines().findFirst().orElseThrow().trim().split(" +")));
    assertTrue(verbose.out().contains(topic + " 0         5    2"), verbose.out());
    assertTrue(verbose.out().endsWith("\n3\n"), verbose.out());
    CliResult json =
        new CliRunner(() -> ConsoleConsumerCommand.class)
            .run(
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--topic",
                topic,
                "--from-beginning",
                "--filter-value",
                "4711",
                "--count",
                "--output",
                "json");
    assertEquals(0, json.exitCode(), json.toString());
    JsonNode view = new ObjectMapper().readTree(json.out());
    assertEquals(3, view.get("matched").asLong());
    assertEquals(8, view.get("read").asLong());
    assertEquals(2, view.get("partitions").size());
    // --count without a filter counts everything read
    assertEquals("8\n", search("--count").out());
    // --first and --max-messages count matches, not records read
    assertEquals(1, search("--filter-value", "4711", "--first").out().lines().count());
    assertEquals(2, search("--filter-value", "4711", "--max-messages", "2").out().lines().count());
  }

  @Test
  void endBounds() {
    assertEquals(
        List.of(
            "0:0 order-1={\"order\":{\"id\":4711,\"paid\":true}}",
            "0:1 order-2={\"order\":{\"id\":4712,\"paid\":false}}",
            "1:0 order-3={\"order\":{\"id\":4713}}",
            "1:1 order-4={not json 4711"),
        found("--to-offset", "1"));
    assertEquals(
        List.of(
            "0:0 order-1={\"order\":{\"id\":4711,\"paid\":true}}",
            "1:0 order-3={\"order\":{\"id\":4713}}",
            "1:1 order-4={not json 4711",
            "1:2 user-3=x"),
        found("--to-offset", "0:0"));
    // partition 0's records are before the time, partition 1's after it
    assertEquals(
        5, found("--to-time", java.time.Instant.ofEpochMilli(timeBetween).toString()).size());
    assertTrue(
        found("--to-time", java.time.Instant.ofEpochMilli(timeBetween).toString()).stream()
            .allMatch(l -> l.startsWith("0:")));
    // whichever bound comes first
    assertEquals(
        List.of(
            "0:0 order-1={\"order\":{\"id\":4711,\"paid\":true}}",
            "0:1 order-2={\"order\":{\"id\":4712,\"paid\":false}}"),
        found(
            "--to-offset",
            "1",
            "--to-time",
            java.time.Instant.ofEpochMilli(timeBetween).toString()));
    // without --exit-at-end, the bounds alone end the run
    CliResult alone =
        new CliRunner(() -> ConsoleConsumerCommand.class)
            .run(
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--topic",
                topic,
                "--from-beginning",
                "--to-offset",
                "0",
                "--format",
                FORMAT);
    assertEquals(0, alone.exitCode(), alone.toString());
    assertEquals(2, alone.out().lines().count(), alone.toString());
  }

  /**
   * A --to-time still to come ends a partition at its first record after it, whatever other bound
   * the partition has: here a --to-offset far ahead, and records that arrive while the run waits.
   */
  @Test
  void aTimeStillToComeEndsAPartitionAtTheFirstLaterRecord() throws Exception {
    String future = cluster.createTopic("search-future-" + System.nanoTime() % 100000, 1);
    long now = System.currentTimeMillis();
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      p.send(new ProducerRecord<>(future, 0, now - 60_000, null, utf8("before"))).get();
      String half = java.time.Instant.ofEpochMilli(now + 1_800_000).toString();
      java.util.concurrent.CompletableFuture<CliResult> run =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  new CliRunner(() -> ConsoleConsumerCommand.class)
                      .run(
                          "--bootstrap-server",
                          cluster.bootstrapServers(),
                          "--topic",
                          future,
                          "--from-beginning",
                          "--to-offset",
                          "100",
                          "--to-time",
                          half,
                          "--timeout-ms",
                          "30000"));
      Thread.sleep(2_000); // the run has read "before" and waits
      p.send(new ProducerRecord<>(future, 0, now + 3_600_000, null, utf8("an hour ahead"))).get();
      p.send(new ProducerRecord<>(future, 0, now - 30_000, null, utf8("after it"))).get();
      CliResult r = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.toString());
      assertEquals("before\n", r.out());
    }
  }

  @Test
  void aGroupCommitsWhatItReadNotOnlyWhatMatched() throws Exception {
    String group = "search-group-" + System.nanoTime() % 100000;
    CliResult r = search("--group", group, "--filter-value", "^plain");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("0:2 user-1=plain text 4711\n", r.out());
    try (Admin admin = cluster.admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      assertEquals(5, committed.get(new TopicPartition(topic, 0)).offset());
      assertEquals(3, committed.get(new TopicPartition(topic, 1)).offset());
      long end =
          admin
              .listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest()))
              .all()
              .get()
              .get(new TopicPartition(topic, 0))
              .offset();
      assertEquals(5, end);
    }
    // the next search starts after what was read: nothing is read again
    CliResult again = search("--group", group, "--count");
    assertEquals("0\n", again.out(), again.toString());
  }

  @Test
  void badFiltersAndBoundsAreUsageErrorsInOneLine() {
    String[][] bad = {
      {"--filter-value", "a("},
      {"--filter-json", "order/id=1"},
      {"--filter-json", "/order/id"},
      {"--filter-header", "=x"},
      {"--to-offset", "x"},
      {"--to-offset", "0:-1"},
      {"--to-time", "yesterday"},
      {"--first", "--max-messages", "3"}
    };
    for (String[] args : bad) {
      CliResult r = search(args);
      assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r);
      assertEquals("", r.out());
      List<String> lines = r.err().lines().toList();
      assertTrue(lines.size() <= 2, r.toString());
      assertFalse(r.err().contains("\tat "), r.toString());
    }
  }
}
