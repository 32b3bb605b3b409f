package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import io.kafkit.testkit.Ports;
import io.kafkit.testkit.RunningProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes and brokers that die: a consumer killed mid-stream, a broker gone under a describe. */
class FailuresDistIT {
  static final Duration WAIT = Duration.ofSeconds(60);
  final DistRunner dist = new DistRunner();
  @TempDir Path tmp;

  static Set<String> lines(String output) {
    Set<String> lines = new HashSet<>();
    output.lines().filter(l -> !l.isEmpty()).forEach(lines::add);
    return lines;
  }

  @Test
  void aConsumerKilledMidStreamResumesFromItsLastCommitAndMissesNothing() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String topic = cluster.createTopic("killed-" + System.nanoTime() % 100000, 3);
    String group = "killed-group-" + topic;
    int total = 600;
    CompletableFuture<Void> producer =
        CompletableFuture.runAsync(
            () -> {
              try (KafkaProducer<byte[], byte[]> p =
                  new KafkaProducer<>(
                      Map.of("bootstrap.servers", cluster.bootstrapServers(), "linger.ms", "0"),
                      new ByteArraySerializer(),
                      new ByteArraySerializer())) {
                for (int i = 0; i < total; i++) {
                  p.send(new ProducerRecord<>(topic, ("v-" + i).getBytes(StandardCharsets.UTF_8)))
                      .get();
                  Thread.sleep(20);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String[] args = {
      "console-consumer",
      "--bootstrap-server",
      cluster.bootstrapServers(),
      "--topic",
      topic,
      "--group",
      group,
      "--from-beginning",
      "--consumer-property",
      "session.timeout.ms=6000"
    };
    Set<String> first;
    try (RunningProcess consumer = dist.start("kafkit", args)) {
      consumer.awaitOutput("v-", 1, WAIT);
      Thread.sleep(7_000); // past the first periodic commit (every 5 s)
      consumer.kill();
      first = lines(consumer.output());
    }
    assertTrue(first.size() > 0 && first.size() < total, "killed mid-stream after " + first.size());
    long committed = committedTotal(cluster, topic, group);
    assertTrue(
        committed > 0 && committed <= first.size(),
        "a periodic commit of what was printed: " + committed);
    producer.get(60, TimeUnit.SECONDS);
    // The killed member holds its partitions until its session times out (6 s here, 45 s by
    // default), as with Apache's consumer; then the new one gets them from the committed offsets.
    String[] again = new String[args.length + 4];
    System.arraycopy(args, 0, again, 0, args.length);
    again[args.length] = "--max-messages";
    again[args.length + 1] = Long.toString(total - committed);
    again[args.length + 2] = "--timeout-ms";
    again[args.length + 3] = "30000";
    CliResult second = dist.run("kafkit", again);
    assertEquals(0, second.exitCode(), second.toString());
    Set<String> seen = new HashSet<>(first);
    seen.addAll(lines(second.out()));
    for (int i = 0; i < total; i++) {
      assertTrue(seen.contains("v-" + i), "v-" + i + " was never printed");
    }
    assertEquals(
        total - committed, lines(second.out()).size(), "the second run starts at the commit");
  }

  static long committedTotal(KafkaCluster cluster, String topic, String group) throws Exception {
    try (var admin = cluster.admin()) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .values()
          .stream()
          .mapToLong(o -> o == null ? 0 : o.offset())
          .sum();
    }
  }

  @Test
  void aBrokerGoneUnderADescribeIsOneLineWithinTheTimeout() throws Exception {
    Path data = tmp.resolve("broker");
    String port = Integer.toString(Ports.free());
    String bootstrap = "localhost:" + port;
    CliResult started = dist.startBroker(data, port, Integer.toString(Ports.free()));
    assertEquals(0, started.exitCode(), started.toString());
    try {
      assertEquals(
          0,
          dist.run(
                  "kafkit",
                  "topics",
                  "--bootstrap-server",
                  bootstrap,
                  "--create",
                  "--topic",
                  "gone")
              .exitCode());
      Map<String, Object> props =
          Map.of(
              ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
              bootstrap,
              ConsumerConfig.GROUP_ID_CONFIG,
              "gone-group");
      try (KafkaConsumer<byte[], byte[]> c =
          new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        c.commitSync(
            Map.of(
                new org.apache.kafka.common.TopicPartition("gone", 0),
                new org.apache.kafka.clients.consumer.OffsetAndMetadata(0)));
      }
    } finally {
      assertEquals(0, dist.stopBroker(data).exitCode());
    }
    for (String[] describe :
        new String[][] {
          {"topics", "--describe", "--topic", "gone"},
          {"consumer-groups", "--describe", "--group", "gone-group"}
        }) {
      String[] args = new String[describe.length + 4];
      System.arraycopy(describe, 0, args, 0, describe.length);
      args[describe.length] = "--bootstrap-server";
      args[describe.length + 1] = bootstrap;
      args[describe.length + 2] = "--connect-timeout";
      args[describe.length + 3] = "3s";
      long start = System.nanoTime();
      CliResult r = dist.run("kafkit", args);
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertEquals(1, r.exitCode(), r.toString());
      assertTrue(seconds < 15, describe[0] + " took " + seconds + " s");
      assertTrue(r.err().contains("Cannot reach the Kafka cluster at " + bootstrap), r.toString());
      assertFalse(r.err().contains("\tat "), r.toString());
    }
  }

  @Test
  void aPipeSurvivesItsLeaderRestartingWithNothingLostOrDuplicated() throws Exception {
    KafkaCluster cluster = KafkaCluster.three();
    String topic = "failover-" + System.nanoTime() % 100000;
    int leader;
    try (Admin admin = cluster.admin()) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 1, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
          .all()
          .get();
      leader =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .get(0)
              .leader()
              .id();
    }
    int total = 100_000;
    AtomicInteger written = new AtomicInteger();
    AtomicBoolean restarted = new AtomicBoolean();
    CliResult produced;
    try (RunningProcess producer =
        dist.start(
            "kafkit",
            "console-producer",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            topic)) {
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                StringBuilder chunk = new StringBuilder();
                for (int i = 0; i < total; i++) {
                  chunk.append("line-").append(i).append('\n');
                  if ((i + 1) % 1000 == 0) {
                    producer.type(chunk.toString());
                    chunk.setLength(0);
                    written.set(i + 1);
                    sleep(40);
                    // the last 40,000 lines wait for the broker to be back
                    while (i + 1 >= 60_000 && !restarted.get()) {
                      sleep(10);
                    }
                  }
                }
                producer.closeInput();
              });
      while (written.get() < 20_000) {
        Thread.sleep(10);
      }
      int beforeRestart = written.get();
      cluster.restartBroker(leader);
      restarted.set(true);
      int afterRestart = written.get();
      writer.get(120, TimeUnit.SECONDS);
      produced = producer.waitFor(Duration.ofSeconds(120));
      assertTrue(afterRestart > beforeRestart, "no line was written while the broker restarted");
    }
    assertEquals(0, produced.exitCode(), produced.toString());
    CliResult consumed =
        dist.run(
            "kafkit",
            "console-consumer",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            topic,
            "--from-beginning",
            "--exit-at-end");
    assertEquals(0, consumed.exitCode(), consumed.err());
    List<String> lines = consumed.out().lines().toList();
    assertEquals(total, lines.size(), "lines consumed back");
    assertEquals(total, new HashSet<>(lines).size(), "distinct lines consumed back");
    for (int i = 0; i < total; i++) {
      if (!lines.get(i).equals("line-" + i)) {
        throw new AssertionError("line " + i + " is '" + lines.get(i) + "': out of order");
      }
    }
  }

  @Test
  void aKeyedPipeThroughARollingRestartLosesDuplicatesAndReordersNothing() throws Exception {
    // every broker restarts in turn while small batches of six partitions are in flight: leaders
    // move under batches already sent, and the producer resends them in order
    KafkaCluster cluster = KafkaCluster.three();
    String topic = "rolling-" + System.nanoTime() % 100000;
    try (Admin admin = cluster.admin()) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 6, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
          .all()
          .get();
    }
    int total = 120_000;
    AtomicInteger written = new AtomicInteger();
    AtomicBoolean restartsDone = new AtomicBoolean();
    CliResult produced;
    try (RunningProcess producer =
        dist.start(
            "kafkit",
            "console-producer",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            topic,
            "--reader-property",
            "parse.key=true",
            "--batch-size",
            "1500")) {
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                StringBuilder chunk = new StringBuilder();
                for (int i = 0; i < total; i++) {
                  chunk.append('k').append(i % 50).append('\t').append(i).append('\n');
                  if ((i + 1) % 1000 == 0) {
                    producer.type(chunk.toString());
                    chunk.setLength(0);
                    written.set(i + 1);
                    sleep(20);
                    // the last 20,000 lines wait for the restarts to end
                    while (i + 1 >= 100_000 && !restartsDone.get()) {
                      sleep(10);
                    }
                  }
                }
                producer.closeInput();
              });
      while (written.get() < 10_000) {
        Thread.sleep(10);
      }
      int beforeRestarts = written.get();
      for (int broker : cluster.kit().brokers().keySet()) {
        cluster.restartBroker(broker);
      }
      restartsDone.set(true);
      int afterRestarts = written.get();
      writer.get(180, TimeUnit.SECONDS);
      produced = producer.waitFor(Duration.ofSeconds(180));
      assertTrue(afterRestarts > beforeRestarts, "no line was written while brokers restarted");
    }
    assertEquals(0, produced.exitCode(), produced.toString());
    List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> records =
        cluster.read(topic, total);
    assertEquals(total, records.size(), "records read back");
    Map<String, Integer> last = new java.util.HashMap<>();
    for (var r : records) {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      int value = Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8));
      Integer before = last.put(key, value);
      if (before != null && before >= value) {
        throw new AssertionError(key + ": " + value + " after " + before);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
