package io.kafkit.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipes into a real one-broker KRaft cluster, read back with a plain consumer. */
class ConsoleProducerIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final AtomicInteger ids = new AtomicInteger();

  static String topic(int partitions) {
    return cluster.createTopic("produce-" + ids.incrementAndGet(), partitions);
  }

  static CliResult produce(String input, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--bootstrap-server";
    all[1] = cluster.bootstrapServers();
    System.arraycopy(args, 0, all, 2, args.length);
    return new CliRunner(() -> ConsoleProducerCommand.class).stdin(input).run(all);
  }

  static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** Lines {@code k<i % 97>\t<i>}: 97 keys, each key's values rising. */
  static String keyedLines(int lines) {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      input.append("k").append(i % 97).append('\t').append(i).append('\n');
    }
    return input.toString();
  }

  static void assertOk(CliResult r) {
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.out(), "nothing on stdout");
  }

  static void assertFails(CliResult r, int code, String text) {
    assertEquals(code, r.exitCode(), r.toString());
    assertTrue(r.err().contains(text), "expected '" + text + "' in:\n" + r);
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
  }

  @Test
  void keysHeadersAndEmptyValuesAsTheGoldenSession() {
    String t = topic(1);
    // ../shared/golden/console-producer-keys-headers.txt, with Apache's deprecated --property.
    CliResult r =
        produce(
            "h1:v1,h2:v2\tkey-0\tvalue-0\nh1:v1\tkey-1\tvalue-1\nh1:v1,h2:\tkey-2\tvalue-2\n"
                + "h3:x\tkey-3\t\nh1:v1\tkey-4\tvalue-4\n",
            "--topic",
            t,
            "--property",
            "parse.key=true",
            "--property",
            "parse.headers=true");
    assertOk(r);
    assertEquals(
        "Warning: --property is deprecated and will be removed in a future version."
            + " Use --reader-property instead.\n",
        r.err());
    List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, 5);
    assertEquals(5, records.size());
    assertEquals("key-0", text(records.get(0).key()));
    assertEquals("value-0", text(records.get(0).value()));
    Header[] h0 = records.get(0).headers().toArray();
    assertEquals("h2", h0[1].key());
    assertEquals("v2", text(h0[1].value()));
    assertEquals("", text(records.get(2).headers().lastHeader("h2").value()));
    assertEquals("", text(records.get(3).value()));
  }

  @Test
  void nullMarkerSendsTombstones() {
    String t = topic(1);
    assertOk(
        produce(
            "k1\tNULL\nk2\tv2\n",
            "--topic",
            t,
            "--reader-property",
            "parse.key=true",
            "--reader-property",
            "null.marker=NULL"));
    List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, 2);
    assertNull(records.get(0).value());
    assertEquals("v2", text(records.get(1).value()));
  }

  @Test
  void jsonInputWithPartitionsAndTimestamps() {
    String t = topic(3);
    assertOk(
        produce(
            "{\"key\":\"a\",\"value\":{\"n\":1},\"partition\":2,\"timestamp\":1700000000000}\n"
                + "{\"value\":\"plain\",\"headers\":{\"h\":\"x\"},\"partition\":1}\n",
            "--topic",
            t,
            "--input-format",
            "json"));
    List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, 2);
    ConsumerRecord<byte[], byte[]> first =
        records.stream().filter(r -> r.partition() == 2).findFirst().orElseThrow();
    assertEquals("{\"n\":1}", text(first.value()));
    assertEquals(1700000000000L, first.timestamp());
    assertTrue(
        records.stream().anyMatch(r -> r.partition() == 1 && r.headers().lastHeader("h") != null));
  }

  @Test
  void aHundredThousandLinesArriveOnceEachInOrder() {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      input.append("line-").append(i).append(" ").append("x".repeat(80)).append('\n');
    }
    // uncompressed and compressed
    for (String codec : List.of("none", "lz4")) {
      String t = topic(1);
      CliResult r = produce(input.toString(), "--topic", t, "--compression-codec", codec, "-v");
      assertEquals(0, r.exitCode(), r.toString());
      assertTrue(r.err().contains("Sent 100000 records"), r.err());
      List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, 100_000);
      assertEquals(100_000, records.size());
      for (int i = 0; i < 100_000; i++) {
        assertTrue(text(records.get(i).value()).startsWith("line-" + i + " "), "record " + i);
      }
    }
  }

  @Test
  void keyedRecordsLandWhereKafkasPartitionerPutsThem() {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      input.append("key-").append(i * 7919).append('\t').append("v").append(i).append('\n');
    }
    String t = topic(7);
    assertOk(produce(input.toString(), "--topic", t, "--reader-property", "parse.key=true"));
    java.util.Set<Integer> used = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : cluster.read(t, 300)) {
      int expected =
          org.apache.kafka.common.utils.Utils.toPositive(
                  org.apache.kafka.common.utils.Utils.murmur2(r.key()))
              % 7;
      assertEquals(expected, r.partition(), text(r.key()));
      used.add(r.partition());
    }
    assertEquals(7, used.size(), "every partition has keys");
  }

  @Test
  void batchesStillOpenDoNotHoldTheMemoryHostage() {
    // 20 partitions, each open batch taking 1 MB of a 4 MB buffer.memory: the fifth partition's
    // batch must not wait for memory that only sending the open ones frees
    String t = topic(20);
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      input.append("k").append(i).append('\t').append("v").append(i).append('\n');
    }
    assertOk(
        produce(
            input.toString(),
            "--topic",
            t,
            "--reader-property",
            "parse.key=true",
            "--batch-size",
            "1000000",
            "--max-memory-bytes",
            "4000000"));
    assertEquals(400, cluster.read(t, 400).size());
  }

  @Test
  void aTopicJustMadeLosesNothingWhileItsLeadersGetReady() {
    // Right after the topic is made, leaders answer NOT_LEADER_OR_FOLLOWER for a moment. A leader
    // that does not know the producer yet takes a first batch whatever its sequence, so a batch
    // sent behind a refused one would be appended before it, and the Java client would retry the
    // refused one as out of order until delivery.timeout.ms (TopicAtStart waits for the leaders).
    // Several runs: without the wait, each one has the race a good chance to show.
    for (int run = 0; run < 3; run++) {
      String t = topic(20);
      int lines = 4000;
      assertOk(
          produce(
              keyedLines(lines),
              "--topic",
              t,
              "--reader-property",
              "parse.key=true",
              "--batch-size",
              "120"));
      List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, lines);
      assertEquals(lines, records.size(), "run " + run);
      java.util.Map<String, Integer> last = new java.util.HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        int value = Integer.parseInt(text(r.value()));
        Integer before = last.put(text(r.key()), value);
        assertTrue(before == null || before < value, "key order: " + before + " then " + value);
      }
    }
  }

  @Test
  void recordsWithoutKeysFillOnePartitionAfterAnother() {
    String t = topic(3);
    // Kafka's partitioner picks the next partition at random after each batch.size bytes, the
    // same one again a third of the time: about ninety picks leave none of three out, where the
    // eighteen of 600 lines did once in some hundred runs
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      input.append("line-").append(i).append(' ').append("y".repeat(40)).append('\n');
    }
    assertOk(produce(input.toString(), "--topic", t, "--batch-size", "2000"));
    List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, 3000);
    assertEquals(3000, records.size());
    assertEquals(3, records.stream().map(ConsumerRecord::partition).distinct().count());
  }

  @Test
  void aRecordOverTheTopicsLimitIsNamedAndTheRestOfItsBatchIsSent() throws Exception {
    // Apache's producer would split a batch holding the large record into itself forever if its
    // batch.size were not capped at the topic's limit; with and without compression
    for (String codec : List.of("none", "lz4")) {
      String t = "produce-limit-" + ids.incrementAndGet();
      try (org.apache.kafka.clients.admin.Admin admin = cluster.admin()) {
        admin
            .createTopics(
                List.of(
                    new org.apache.kafka.clients.admin.NewTopic(t, 1, (short) 1)
                        .configs(java.util.Map.of("max.message.bytes", "2000"))))
            .all()
            .get();
      }
      StringBuilder input = new StringBuilder();
      for (int i = 1; i <= 101; i++) {
        input.append(i == 51 ? "z".repeat(3000) : "small-" + i).append('\n');
      }
      CliResult r = produce(input.toString(), "--topic", t, "--compression-codec", codec);
      assertFails(r, 1, "Not sent: line 51 (1 record):");
      List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, 100);
      assertEquals(100, records.size(), codec);
      for (int i = 0; i < 100; i++) {
        assertEquals("small-" + (i < 50 ? i + 1 : i + 2), text(records.get(i).value()), codec);
      }
    }
  }

  @Test
  void everyCodecAndSyncModeWork() {
    for (String codec : List.of("none", "gzip", "snappy", "lz4", "zstd")) {
      String t = topic(1);
      assertOk(produce("a\nb\n", "--topic", t, "--compression-codec", codec, "--sync"));
      assertEquals(2, cluster.read(t, 2).size(), codec);
    }
  }

  @Test
  void partitionAndFileOptions(@TempDir Path dir) throws Exception {
    String t = topic(3);
    Path file = dir.resolve("in.txt");
    Files.writeString(file, "one\ntwo\nthree");
    assertOk(produce("", "--topic", t, "--partition", "1", "--file", file.toString()));
    List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, 3);
    assertEquals(3, records.size());
    assertTrue(records.stream().allMatch(r -> r.partition() == 1));
    assertEquals("three", text(records.get(2).value()));
  }

  @Test
  void aLineWithoutKeySeparatorStopsTheRunAfterSendingTheLinesBefore() {
    String t = topic(1);
    CliResult r =
        produce("a\t1\nb\t2\nbroken\nc\t3\n", "--topic", t, "--reader-property", "parse.key=true");
    assertFails(r, 1, "No key separator found on line number 3: 'broken'");
    assertTrue(r.err().contains("Lines before it were sent"), r.err());
    assertEquals(2, cluster.read(t, 2).size());
  }

  @Test
  void aBadLineFarIntoAPipeStopsItThereAndNowhereElse() {
    String t = topic(1);
    StringBuilder input = new StringBuilder();
    for (int i = 1; i <= 25_000; i++) {
      input.append(i == 20_001 ? "broken" : "k" + i + "\tv" + i).append('\n');
    }
    CliResult r = produce(input.toString(), "--topic", t, "--reader-property", "parse.key=true");
    assertFails(r, 1, "No key separator found on line number 20001: 'broken'");
    List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, 20_000);
    assertEquals(20_000, records.size(), "the lines before it, and nothing after it");
    assertEquals("v20000", text(records.get(19_999).value()));
  }

  @Test
  void invalidJsonNamesTheLine() {
    CliResult r = produce("{\"value\":1}\n{oops\n", "--topic", topic(1), "--input-format", "json");
    assertFails(r, 1, "Invalid JSON on line number 2");
  }

  @Test
  void unknownTopicStopsAtOnceWithAClearMessage() {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      input.append("v").append(i).append('\n');
    }
    long start = System.nanoTime();
    CliResult r = produce(input.toString(), "--topic", "no-such-topic", "--connect-timeout", "2s");
    assertFails(r, 1, "Topic 'no-such-topic' (or the partition) does not exist");
    assertTrue(r.err().contains("Stopped reading after line"), r.err());
    assertTrue((System.nanoTime() - start) / 1e9 < 20, "one wait, not one per line");
  }

  @Test
  void aRecordTooLargeIsNamedByLineAndTheOthersAreSent() {
    String t = topic(1);
    CliResult r =
        produce(
            "small\n" + "x".repeat(3000) + "\nsmall again\n",
            "--topic",
            t,
            "--producer-property",
            "max.request.size=2000");
    assertFails(r, 1, "Not sent: line 2 (1 record):");
    Set<String> values = new HashSet<>();
    cluster.read(t, 2).forEach(rec -> values.add(text(rec.value())));
    assertEquals(Set.of("small", "small again"), values);
  }

  @Test
  void withSyncAFailedRecordStopsThePipeThereAsApachesDoes() {
    String t = topic(1);
    CliResult r =
        produce(
            "small\n" + "x".repeat(3000) + "\nsmall again\n",
            "--topic",
            t,
            "--producer-property",
            "max.request.size=2000",
            "--sync");
    assertFails(r, 1, "Not sent: line 2 (1 record):");
    assertTrue(r.err().contains("Stopped reading after line 2"), r.err());
    List<ConsumerRecord<byte[], byte[]>> records = cluster.read(t, 1);
    assertEquals(List.of("small"), records.stream().map(rec -> text(rec.value())).toList());
  }

  @Test
  void oldAndNewSpellingsOfOneSettingAreNotMixed(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("p.properties"), "acks=1\n");
    assertFails(
        produce(
            "x\n",
            "--topic",
            "t",
            "--producer.config",
            config.toString(),
            "--command-config",
            config.toString()),
        2,
        "Options --producer.config and --command-config cannot be specified together.");
    assertFails(
        produce(
            "x\n", "--topic", "t", "--producer-property", "acks=1", "--command-property", "acks=1"),
        2,
        "Options --producer-property and --command-property cannot be specified together.");
    assertFails(
        produce(
            "x\n",
            "--topic",
            "t",
            "--property",
            "parse.key=true",
            "--reader-property",
            "parse.key=true"),
        2,
        "Options --property and --reader-property cannot be specified together.");
  }

  @Test
  void unreachableBrokerIsReportedWithinTheTimeout() {
    CliResult r =
        new CliRunner(() -> ConsoleProducerCommand.class)
            .stdin("x\n")
            .run("--bootstrap-server", "127.0.0.1:1", "--topic", "t", "--connect-timeout", "1s");
    assertFails(r, 1, "Cannot reach the Kafka cluster at 127.0.0.1:1");
  }

  @Test
  void usageErrors() {
    assertFails(produce("", "--reader-property", "parse.key=true"), 2, "--topic");
    assertFails(
        produce("", "--topic", "t", "--reader-property", "headers.separator=:"),
        2,
        "headers.separator and headers.key.separator may not be equal");
    assertFails(
        produce("", "--topic", "t", "--compression-codec", "brotli"), 2, "--compression-codec");
    assertFails(produce("", "--topic", "t", "--line-reader", "com.example.Reader"), 2, "json");
    assertFails(produce("x\n", "--topic", "t", "--partition", "-1"), 2, "is not a partition");
    assertFails(
        produce("", "--topic", "t", "--file", System.getProperty("java.io.tmpdir")),
        2,
        "is a directory");
  }
}
