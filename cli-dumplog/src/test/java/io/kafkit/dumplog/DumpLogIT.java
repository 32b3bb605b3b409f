package io.kafkit.dumplog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * dump-log on files a real broker wrote, compared byte for byte with Apache's DumpLogSegments run
 * on the same files.
 */
class DumpLogIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final AtomicInteger ids = new AtomicInteger();

  static String topic(String prefix, Map<String, String> configs) {
    String name = prefix + "-" + ids.incrementAndGet();
    try (Admin admin = cluster.admin()) {
      admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(configs))).all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return name;
  }

  static KafkaProducer<byte[], byte[]> producer(String... props) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "100");
    for (int i = 0; i < props.length; i += 2) {
      p.put(props[i], props[i + 1]);
    }
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  static ProducerRecord<byte[], byte[]> record(
      String topic, String key, String value, String... headers) {
    ProducerRecord<byte[], byte[]> r =
        new ProducerRecord<>(
            topic, 0, key == null ? null : bytes(key), value == null ? null : bytes(value));
    for (String h : headers) {
      r.headers().add(h, bytes("v-" + h));
    }
    return r;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Path segment(String topic) {
    return cluster.partitionDir(topic, 0).resolve("00000000000000000000.log");
  }

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> DumpLogCommand.class).run(args);
  }

  static CliResult apache(String... args) {
    return ApacheTools.run("org.apache.kafka.tools.DumpLogSegments", args);
  }

  /** Both tools, same arguments: the same stdout, and the same stderr where Apache has one. */
  static CliResult same(String... args) {
    CliResult theirs = apache(args);
    CliResult ours = kafkit(args);
    assertEquals(
        theirs.out(),
        ours.out(),
        "stdout of dump-log " + String.join(" ", args) + "\nApache's stderr: " + theirs.err());
    return ours;
  }

  @Test
  void plainKeysHeadersNullsAndEveryCodecAsApache() throws Exception {
    String topic = topic("codecs", Map.of());
    for (String codec : new String[] {"none", "gzip", "snappy", "lz4", "zstd"}) {
      try (KafkaProducer<byte[], byte[]> p =
          producer(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec)) {
        p.send(record(topic, "key-" + codec, "value-" + codec, "h1", "h2"));
        p.send(record(topic, null, "keyless é ✓", "h3"));
        p.send(record(topic, "k", ""));
        p.send(record(topic, "tombstone", null));
        p.flush();
      }
    }
    String file = segment(topic).toString();
    CliResult r = same("--files", file, "--print-data-log");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("compresscodec: zstd"), r.out());
    same("--files", file);
    same("--files", file, "--deep-iteration");
    same("--files", file, "--print-data-log", "--skip-record-metadata");
    same("--files", file, "--max-bytes", "400");
  }

  @Test
  void transactionsAndControlRecordsAsApache() throws Exception {
    String topic = topic("txn", Map.of());
    try (KafkaProducer<byte[], byte[]> p =
        producer(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dump-" + topic)) {
      p.initTransactions();
      p.beginTransaction();
      p.send(record(topic, "a", "committed"));
      p.commitTransaction();
      p.beginTransaction();
      p.send(record(topic, "b", "aborted"));
      p.flush();
      p.abortTransaction();
      p.beginTransaction();
      p.send(record(topic, "c", "committed again"));
      p.commitTransaction();
    }
    Path dir = cluster.partitionDir(topic, 0);
    CliResult r =
        same("--files", dir.resolve("00000000000000000000.log").toString(), "--print-data-log");
    assertTrue(r.out().contains("endTxnMarker: ABORT"), r.out());
    assertTrue(r.out().contains("endTxnMarker: COMMIT"), r.out());
    List<String> states = new ArrayList<>();
    int biggest = 0;
    for (int p = 0; p < 50; p++) {
      Path log = cluster.partitionDir("__transaction_state", p).resolve("00000000000000000000.log");
      states.add(log.toString());
      biggest = Math.max(biggest, (int) Files.size(log));
    }
    CliResult state =
        same(
            "--files",
            String.join(",", states),
            "--transaction-log-decoder",
            "--max-bytes",
            Integer.toString(biggest));
    assertTrue(state.out().contains("\"transactionalId\":\"dump-" + topic + "\""), state.out());
    Path txnIndex = dir.resolve("00000000000000000000.txnindex");
    assertTrue(Files.exists(txnIndex));
    CliResult t = same("--files", txnIndex.toString());
    assertTrue(t.out().contains("version: 0 producerId: "), t.out());
  }

  @Test
  void indexesAndTheirVerificationAsApache() throws Exception {
    String topic = topic("indexed", Map.of());
    try (KafkaProducer<byte[], byte[]> p = producer(ProducerConfig.LINGER_MS_CONFIG, "0")) {
      for (int i = 0; i < 60; i++) {
        p.send(record(topic, "k" + i, "x".repeat(1000))).get();
      }
    }
    Path dir = cluster.partitionDir(topic, 0);
    String index = dir.resolve("00000000000000000000.index").toString();
    String timeIndex = dir.resolve("00000000000000000000.timeindex").toString();
    CliResult r = same("--files", index);
    assertTrue(r.out().contains("offset: "), r.out());
    same("--files", timeIndex);
    same("--files", index, "--verify-index-only");
    same("--files", index + "," + timeIndex, "--index-sanity-check");
  }

  @Test
  void producerSnapshotAfterARoll() throws Exception {
    String topic = topic("rolled", Map.of("segment.ms", "100"));
    try (KafkaProducer<byte[], byte[]> p = producer(ProducerConfig.LINGER_MS_CONFIG, "0")) {
      p.send(record(topic, "a", "1")).get();
      Thread.sleep(300);
      p.send(record(topic, "b", "2")).get();
    }
    Path dir = cluster.partitionDir(topic, 0);
    Path snapshot;
    try (var files = Files.list(dir)) {
      snapshot = files.filter(f -> f.toString().endsWith(".snapshot")).findFirst().orElseThrow();
    }
    CliResult r = same("--files", snapshot.toString());
    assertTrue(r.out().contains("producerId: "), r.out());
    assertTrue(
        r.out().contains(" firstSequence: 0 lastSequence: 0 lastOffset: 0 offsetDelta: 0"),
        r.out());
  }

  @Test
  void consumerOffsetsAndClusterMetadataDecoders() throws Exception {
    String topic = topic("offsets", Map.of());
    String group = "dump-group-" + topic;
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            group);
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(42, "meta")));
    }
    List<String> logs = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      Path log = cluster.partitionDir("__consumer_offsets", p).resolve("00000000000000000000.log");
      logs.add(log.toString());
    }
    String files = String.join(",", logs);
    int size = logs.stream().mapToInt(f -> (int) new java.io.File(f).length()).max().orElseThrow();
    CliResult r =
        same("--files", files, "--offsets-decoder", "--max-bytes", Integer.toString(size));
    assertTrue(r.out().contains("\"group\":\"" + group + "\""), r.out());
    assertTrue(r.out().contains("\"offset\":42"), r.out());
    Path metadata =
        cluster.partitionDir("__cluster_metadata", 0).resolve("00000000000000000000.log");
    String bytes = Long.toString(Files.size(metadata));
    CliResult m =
        same("--files", metadata.toString(), "--cluster-metadata-decoder", "--max-bytes", bytes);
    assertTrue(m.out().contains("\"type\":\"TOPIC_RECORD\""), m.out());
    assertTrue(m.out().contains("\"name\":\"" + topic + "\""), m.out());
  }

  @Test
  void compactedSegmentAsApache() throws Exception {
    String topic =
        topic(
            "compacted",
            Map.of(
                "cleanup.policy", "compact",
                "segment.ms", "100",
                "min.cleanable.dirty.ratio", "0.01",
                "min.compaction.lag.ms", "0",
                "delete.retention.ms", "60000"));
    try (KafkaProducer<byte[], byte[]> p = producer(ProducerConfig.LINGER_MS_CONFIG, "0")) {
      for (int round = 0; round < 3; round++) {
        for (int k = 0; k < 4; k++) {
          p.send(record(topic, "key-" + k, "round-" + round, "h")).get();
        }
      }
      p.send(record(topic, "key-0", null)).get();
      Thread.sleep(300);
      p.send(record(topic, "key-9", "rolls the segment")).get();
    }
    Path first = segment(topic);
    long deadline = System.nanoTime() + 60_000_000_000L;
    CliResult summary;
    do {
      Thread.sleep(200);
      summary = kafkit("--files", first.toString(), "--summary");
    } while (!summary.out().contains("  records:       4\n") && System.nanoTime() < deadline);
    assertTrue(
        summary.out().contains("  records:       4\n"),
        "the cleaner kept the last of each key:\n" + summary.out());
    CliResult r = same("--files", first.toString(), "--print-data-log");
    assertTrue(r.out().contains("payload: round-2"), r.out());
    assertTrue(r.err().contains("Non-consecutive offsets in "), r.err());
  }

  @Test
  void summaryJsonAndOffsetRange() throws Exception {
    String topic = topic("summary", Map.of());
    try (KafkaProducer<byte[], byte[]> p = producer(ProducerConfig.LINGER_MS_CONFIG, "0")) {
      for (int i = 0; i < 10; i++) {
        p.send(record(topic, "k" + i, "value-" + i)).get();
      }
    }
    String file = segment(topic).toString();
    CliResult s = kafkit("--files", file, "--summary");
    assertEquals(0, s.exitCode(), s.toString());
    assertTrue(
        s.out().contains("  batches:       10 (transactional: 0, control: 0, invalid CRC: 0)\n"),
        s.out());
    assertTrue(s.out().contains("  records:       10\n"), s.out());
    assertTrue(s.out().contains("  offsets:       0 to 9\n"), s.out());
    var summaryJson =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(kafkit("--files", file, "--summary", "--output", "json").out());
    assertEquals(10, summaryJson.get("records").asLong());
    assertEquals(10, summaryJson.get("batchesByCompression").get("none").asLong());
    CliResult json =
        kafkit(
            "--files",
            file,
            "--print-data-log",
            "--output",
            "json",
            "--start-offset",
            "3",
            "--end-offset",
            "4");
    assertEquals(0, json.exitCode(), json.toString());
    String[] lines = json.out().strip().split("\n");
    assertEquals(2, lines.length, json.out());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[0]);
    assertEquals(3, tree.get("baseOffset").asLong());
    assertEquals("value-3", tree.get("records").get(0).get("value").asText());
    CliResult range = kafkit("--files", file, "--start-offset", "8");
    assertTrue(
        range.out().contains("baseOffset: 8 ") && !range.out().contains("baseOffset: 7 "),
        range.out());
  }

  @Test
  void integerAndLongDecodersReadTheFirstBytesAsApachesDo() throws Exception {
    String topic = topic("decoders", Map.of());
    try (KafkaProducer<byte[], byte[]> p = producer(ProducerConfig.LINGER_MS_CONFIG, "0")) {
      for (int i = 0; i < 3; i++) {
        p.send(record(topic, "key-number-" + i, "a value of more than eight bytes " + i)).get();
      }
    }
    String file = segment(topic).toString();
    CliResult ints =
        same(
            "--files",
            file,
            "--print-data-log",
            "--value-decoder-class",
            "org.apache.kafka.tools.api.IntegerDecoder");
    assertTrue(ints.out().contains(" payload: 1629517409"), ints.out()); // "a va"
    same(
        "--files",
        file,
        "--print-data-log",
        "--key-decoder-class",
        "org.apache.kafka.tools.api.LongDecoder",
        "--value-decoder-class",
        "org.apache.kafka.tools.api.LongDecoder");
  }

  @Test
  void aHealthyPartitionDirectoryExitsZeroAndABadCrcAlone(
      @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    String topic = topic("whole-dir", Map.of());
    try (KafkaProducer<byte[], byte[]> p = producer(ProducerConfig.LINGER_MS_CONFIG, "0")) {
      for (int i = 0; i < 5; i++) {
        p.send(record(topic, "k" + i, "value-" + i)).get();
      }
    }
    // Every file of a live partition: the active segment's preallocated indexes (whose empty
    // first time-index slot Apache reports as a mismatch), partition.metadata and the
    // leader-epoch checkpoint (which Apache skips with a note). Nothing there is damaged.
    List<String> files;
    try (var listing = Files.list(cluster.partitionDir(topic, 0))) {
      files = listing.map(Path::toString).sorted().toList();
    }
    String joined = String.join(",", files);
    CliResult whole = same("--files", joined);
    assertEquals(0, whole.exitCode(), whole.toString());
    assertTrue(whole.err().contains("Ignoring unknown file "), whole.err());

    byte[] flipped = Files.readAllBytes(segment(topic));
    flipped[flipped.length - 3] ^= 0x55;
    Path badCrc = Files.write(tmp.resolve("00000000000000000000.log"), flipped);
    CliResult crc = same("--files", badCrc.toString());
    assertTrue(crc.out().contains("isvalid: false"), crc.out());
    assertEquals(1, crc.exitCode(), "a damaged batch fails the run: " + crc);
    assertTrue(crc.err().contains("fails its CRC check"), crc.err());
  }

  @Test
  void damagedFilesAreReportedAndTheRestStillDumped(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    String topic = topic("damaged", Map.of());
    try (KafkaProducer<byte[], byte[]> p = producer(ProducerConfig.LINGER_MS_CONFIG, "0")) {
      for (int i = 0; i < 5; i++) {
        p.send(record(topic, "k" + i, "value-" + i)).get();
      }
    }
    byte[] good = Files.readAllBytes(segment(topic));
    Path goodCopy = Files.write(tmp.resolve("00000000000000000000.log"), good);
    Path truncatedDir = Files.createDirectories(tmp.resolve("truncated"));
    Path truncated =
        Files.write(
            truncatedDir.resolve("00000000000000000000.log"),
            java.util.Arrays.copyOf(good, good.length - 7));
    Path badCrcDir = Files.createDirectories(tmp.resolve("crc"));
    byte[] flipped = good.clone();
    flipped[good.length - 3] ^= 0x55;
    Path badCrc = Files.write(badCrcDir.resolve("00000000000000000000.log"), flipped);
    Path empty =
        Files.createFile(
            Files.createDirectories(tmp.resolve("empty")).resolve("00000000000000000000.log"));
    Path unreadable =
        Files.write(
            Files.createDirectories(tmp.resolve("secret")).resolve("00000000000000000000.log"),
            good);
    unreadable.toFile().setReadable(false);
    Path missing = tmp.resolve("missing/00000000000000000000.log");
    Path badIndex =
        Files.write(
            tmp.resolve("00000000000000000000.index"), new byte[] {0, 0, 0, 9, 0, 0, 1, 0, 0, 0});

    CliResult r =
        kafkit(
            "--files",
            String.join(
                ",",
                truncated.toString(),
                badCrc.toString(),
                empty.toString(),
                tmp.toString(),
                missing.toString(),
                unreadable.toString(),
                badIndex.toString(),
                goodCopy.toString(),
                tmp.resolve("notes.txt").toString()),
            "--deep-iteration");
    assertEquals(1, r.exitCode(), r.toString());
    assertFalse(r.err().contains("\tat "), r.toString());
    assertTrue(
        r.out().contains("Found 70 invalid bytes at the end of 00000000000000000000.log"), r.out());
    assertTrue(r.out().contains("isvalid: false"), r.out());
    assertTrue(r.err().contains("Error: " + tmp + ": is a directory"), r.err());
    assertTrue(r.err().contains("Error: " + missing + ": no such file."), r.err());
    if (!Files.isReadable(unreadable)) {
      assertTrue(r.err().contains("Error: " + unreadable + ": permission denied."), r.err());
    }
    assertTrue(r.err().contains("Ignoring unknown file " + tmp.resolve("notes.txt")), r.err());
    assertTrue(r.err().contains("Mismatches in :" + badIndex), r.err());
    String last =
        r.out()
            .substring(
                r.out().lastIndexOf("Dumping " + goodCopy),
                r.out().indexOf("Dumping " + tmp.resolve("notes.txt")));
    assertEquals(
        12, last.strip().split("\n").length, "the good file after the bad ones, whole:\n" + last);
  }
}
