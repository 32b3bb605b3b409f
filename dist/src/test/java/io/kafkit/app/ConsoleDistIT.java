package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import io.kafkit.testkit.Ports;
import io.kafkit.testkit.RunningProcess;
import io.kafkit.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console producer and consumer as people and scripts run them: on a terminal, through pipes.
 */
class ConsoleDistIT {
  static final Duration WAIT = Duration.ofSeconds(60);
  // jline turns bracketed paste on right before it shows the prompt: this marks a new prompt.
  static final String PROMPT = "\u001b[?2004h>";
  final DistRunner dist = new DistRunner();
  @TempDir Path tmp;

  static List<String> keyValues(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .map(
            r ->
                new String(r.key(), StandardCharsets.UTF_8)
                    + "="
                    + new String(r.value(), StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void thePromptSurvivesBadLinesAndFailedSendsAndKeepsItsHistory() {
    KafkaCluster cluster = KafkaCluster.single();
    String topic = cluster.createTopic("prompt-" + System.nanoTime() % 100000, 1);
    dist.env("KAFKIT_CONFIG_DIR", tmp.resolve("config").toString());
    String[] args = {
      "console-producer",
      "--bootstrap-server",
      cluster.bootstrapServers(),
      "--topic",
      topic,
      "--reader-property",
      "parse.key=true",
      "--reader-property",
      "key.separator=:",
      "--producer-property",
      "max.request.size=300"
    };
    try (RunningProcess session = dist.startInTerminal("kafkit", args)) {
      session.awaitOutput(PROMPT, 1, WAIT).type("a:1\r").awaitOutput(PROMPT, 2, WAIT);
      session.type("broken\r").awaitOutput("No key separator found on line number 2", 1, WAIT);
      session.type("big:" + "x".repeat(400) + "\r").awaitOutput("message on line 3", 1, WAIT);
      session.type("b:2\r").awaitOutput(PROMPT, 5, WAIT);
      session.type("\u0004"); // Ctrl-D
      CliResult r = session.waitFor(WAIT);
      assertEquals(1, r.exitCode(), "a line was not sent: " + r);
      assertTrue(r.out().contains("Not sent: line 2"), r.out());
    }
    assertEquals(List.of("a=1", "b=2"), keyValues(cluster.read(topic, 2)));

    try (RunningProcess again = dist.startInTerminal("kafkit", args)) {
      again
          .awaitOutput(PROMPT, 1, WAIT)
          .type("\u0010") // Ctrl-P: the previous line
          .awaitOutput("b:2", 1, WAIT);
      again.type("\r").awaitOutput(PROMPT, 2, WAIT);
      again.type("\u0003"); // Ctrl-C leaves too
      CliResult r = again.waitFor(WAIT);
      assertEquals(0, r.exitCode(), r.toString());
    }
    assertEquals(List.of("a=1", "b=2", "b=2"), keyValues(cluster.read(topic, 3)));
  }

  @Test
  void aBrokerRestartDuringAPipeLosesAndDuplicatesNothing() throws Exception {
    Path data = tmp.resolve("broker");
    String port = Integer.toString(Ports.free());
    String controllerPort = Integer.toString(Ports.free());
    String bootstrap = "localhost:" + port;
    CliResult started = dist.startBroker(data, port, controllerPort);
    assertEquals(0, started.exitCode(), started.toString());
    try {
      assertEquals(
          0,
          dist.run("kafkit", "topics", "--bootstrap-server", bootstrap, "--create", "--topic", "r")
              .exitCode());
      int perPhase = 20_000;
      try (RunningProcess pipe =
          dist.start(
              "kafkit", "console-producer", "--bootstrap-server", bootstrap, "--topic", "r")) {
        pipe.type(lines(0, perPhase));
        await(() -> TopicReader.read(bootstrap, "r", 1).size() > 0);
        assertEquals(0, dist.stopBroker(data).exitCode());
        // The producer stops reading while it waits for the broker: write from another thread,
        // as a script upstream keeps writing, while this one restarts the broker.
        java.util.concurrent.CompletableFuture<Void> writer =
            java.util.concurrent.CompletableFuture.runAsync(
                () -> typeOrShow(pipe, lines(perPhase, 3 * perPhase)));
        assertEquals(0, dist.startBroker(data, port, controllerPort).exitCode());
        writer.get(150, java.util.concurrent.TimeUnit.SECONDS);
        pipe.closeInput();
        CliResult r = pipe.waitFor(Duration.ofSeconds(150));
        assertEquals(0, r.exitCode(), r.toString());
      }
      List<ConsumerRecord<byte[], byte[]>> records = TopicReader.read(bootstrap, "r", 3 * perPhase);
      assertEquals(3 * perPhase, records.size(), "nothing lost, nothing duplicated");
      for (int i = 0; i < records.size(); i++) {
        assertEquals("line-" + i, new String(records.get(i).value(), StandardCharsets.UTF_8));
      }
    } finally {
      dist.stopBroker(data);
    }
  }

  @Test
  void aPipeWritingWhileItsBrokerIsDownLongerThanMaxBlockLosesNothing() throws Exception {
    // Lines keep coming while the broker stops, stays down past max.block.ms (10 s) and starts
    // again: with its only broker unreachable the client starts over from the bootstrap servers,
    // its metadata holding no topic, and the pipe must keep the partitions it knows rather than
    // wait for the topic and give up.
    Path data = tmp.resolve("broker");
    String port = Integer.toString(Ports.free());
    String controllerPort = Integer.toString(Ports.free());
    String bootstrap = "localhost:" + port;
    CliResult started = dist.startBroker(data, port, controllerPort);
    assertEquals(0, started.exitCode(), started.toString());
    try {
      assertEquals(
          0,
          dist.run("kafkit", "topics", "--bootstrap-server", bootstrap, "--create", "--topic", "d")
              .exitCode());
      java.util.concurrent.atomic.AtomicBoolean backUp =
          new java.util.concurrent.atomic.AtomicBoolean();
      int total = 60_000;
      try (RunningProcess pipe =
          dist.start(
              "kafkit", "console-producer", "--bootstrap-server", bootstrap, "--topic", "d")) {
        java.util.concurrent.CompletableFuture<Void> writer =
            java.util.concurrent.CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < total; i += 100) {
                    typeOrShow(pipe, lines(i, i + 100));
                    try {
                      // 2,000 lines a second until the broker is back (about 30 s), the rest at
                      // once
                      Thread.sleep(backUp.get() ? 0 : 50);
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                });
        await(() -> TopicReader.read(bootstrap, "d", 1000).size() >= 1000);
        assertEquals(0, dist.stopBroker(data).exitCode());
        Thread.sleep(12_000);
        assertFalse(writer.isDone(), "the writer ended before the broker came back");
        assertEquals(0, dist.startBroker(data, port, controllerPort).exitCode());
        backUp.set(true);
        writer.get(150, java.util.concurrent.TimeUnit.SECONDS);
        pipe.closeInput();
        CliResult r = pipe.waitFor(Duration.ofSeconds(150));
        assertEquals(0, r.exitCode(), r.toString());
      }
      List<ConsumerRecord<byte[], byte[]>> records = TopicReader.read(bootstrap, "d", total);
      assertEquals(total, records.size(), "nothing lost, nothing duplicated");
      for (int i = 0; i < records.size(); i++) {
        assertEquals("line-" + i, new String(records.get(i).value(), StandardCharsets.UTF_8));
      }
    } finally {
      dist.stopBroker(data);
    }
  }

  @Test
  void ctrlCInAPipeSendsEveryLineReadBeforeExiting() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String topic = cluster.createTopic("interrupted-" + System.nanoTime() % 100000, 1);
    try (RunningProcess pipe = startProducer(cluster, topic)) {
      pipe.type(lines(0, 30_000));
      await(() -> TopicReader.read(cluster.bootstrapServers(), topic, 1).size() > 0);
      pipe.interrupt();
      CliResult r = pipe.waitFor(WAIT);
      assertEquals(130, r.exitCode(), r.toString());
      assertTrue(r.err().contains("Interrupted: all 30000 lines read were sent."), r.err());
    }
    assertEquals(30_000, cluster.read(topic, 30_000).size());
  }

  @Test
  void ctrlCInTheMiddleOfAFastPipeSendsEveryLineReadAndNoOther() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String topic = cluster.createTopic("interrupted-busy-" + System.nanoTime() % 100000, 1);
    int total = 5_000_000;
    try (RunningProcess pipe = startProducer(cluster, topic)) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int from = 0; from < total; from += 10_000) {
                    pipe.type(lines(from, from + 10_000));
                  }
                  pipe.closeInput();
                } catch (RuntimeException closedByTheProducer) {
                  // the producer exited on Ctrl-C: the rest of the input is never read
                }
              });
      writer.setDaemon(true);
      writer.start();
      await(() -> TopicReader.read(cluster.bootstrapServers(), topic, 1).size() > 0);
      pipe.interrupt(); // while lines stream in: the reader is parsing and the queue is full
      CliResult r = pipe.waitFor(WAIT);
      assertEquals(130, r.exitCode(), r.toString());
      Matcher m =
          Pattern.compile("Interrupted: all (\\d+) lines read were sent\\.").matcher(r.err());
      assertTrue(m.find(), r.err());
      int sent = Integer.parseInt(m.group(1));
      assertTrue(sent > 0 && sent < total, "interrupted mid-pipe: " + sent);
      List<ConsumerRecord<byte[], byte[]>> records = cluster.read(topic, sent);
      assertEquals(sent, records.size(), "every line read, and no other");
      for (int i = 0; i < sent; i += 997) {
        assertEquals("line-" + i, new String(records.get(i).value(), StandardCharsets.UTF_8));
      }
      assertEquals(
          "line-" + (sent - 1), new String(records.get(sent - 1).value(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void dropInScriptsRoundTripAndCtrlCCommitsWhatWasPrinted() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String topic = cluster.createTopic("scripts-" + System.nanoTime() % 100000, 1);
    String bs = cluster.bootstrapServers();
    try (RunningProcess producer =
        dist.start(
            "kafka-console-producer.sh",
            "--bootstrap-server",
            bs,
            "--topic",
            topic,
            "--property",
            "parse.key=true")) {
      producer.type("k1\tv1\nk2\tv2\n").closeInput();
      assertEquals(0, producer.waitFor(WAIT).exitCode());
    }
    try (RunningProcess consumer =
        dist.start(
            "kafka-console-consumer.sh",
            "--bootstrap-server",
            bs,
            "--topic",
            topic,
            "--group",
            "scripts",
            "--from-beginning",
            "--property",
            "print.key=true")) {
      consumer.awaitOutput("k2\tv2\n", 1, WAIT);
      consumer.interrupt();
      CliResult r = consumer.waitFor(WAIT);
      assertEquals(130, r.exitCode(), r.toString());
      assertEquals("k1\tv1\nk2\tv2\n", r.out());
      assertTrue(r.err().contains("Processed a total of 2 messages"), r.err());
    }
    try (org.apache.kafka.clients.admin.Admin admin = cluster.admin()) {
      long committed =
          admin
              .listConsumerGroupOffsets("scripts")
              .partitionsToOffsetAndMetadata()
              .get()
              .get(new org.apache.kafka.common.TopicPartition(topic, 0))
              .offset();
      assertEquals(2, committed, "Ctrl-C committed what was printed");
    }
  }

  /**
   * console-consumer --output json piped into console-producer --input-format json copies a topic
   * byte for byte: null and binary keys and values, repeated and null headers, timestamps and (same
   * partition count) partitions; a filtered copy into a topic of another partition count with
   * --ignore-partitions.
   */
  @Test
  void jsonLinesCopyATopicByteForByteAndAFilteredPart() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String bs = cluster.bootstrapServers();
    String from = cluster.createTopic("copy-from-" + System.nanoTime() % 100000, 3);
    String to = cluster.createTopic("copy-to-" + System.nanoTime() % 100000, 3);
    String part = cluster.createTopic("copy-part-" + System.nanoTime() % 100000, 1);
    byte[] binary = {0, (byte) 0xff, (byte) 0xc3, 0x28, '\n', '"'};
    try (org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]> p =
        new org.apache.kafka.clients.producer.KafkaProducer<>(
            java.util.Map.of("bootstrap.servers", bs),
            new org.apache.kafka.common.serialization.ByteArraySerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (int i = 0; i < 12; i++) {
        byte[] key =
            i % 4 == 0 ? null : i % 4 == 1 ? binary : ("k" + i).getBytes(StandardCharsets.UTF_8);
        byte[] value =
            i % 3 == 0
                ? null
                : i % 3 == 1
                    ? binary
                    : ("{\"n\": " + i + ", \"t\": \"é\"}").getBytes(StandardCharsets.UTF_8);
        org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> r =
            new org.apache.kafka.clients.producer.ProducerRecord<>(
                from, i % 3, 1_700_000_000_000L + i, key, value);
        r.headers().add("h", ("v" + i).getBytes(StandardCharsets.UTF_8));
        r.headers().add("h", null);
        r.headers().add("bin", binary);
        p.send(r).get();
      }
    }
    CliResult dump =
        dist.run(
            "kafkit",
            "console-consumer",
            "--bootstrap-server",
            bs,
            "--topic",
            from,
            "--from-beginning",
            "--exit-at-end",
            "--output",
            "json");
    assertEquals(0, dump.exitCode(), dump.toString());
    Path lines = tmp.resolve("copy.jsonl");
    java.nio.file.Files.writeString(lines, dump.out());
    CliResult load =
        dist.runWithInput(
            lines,
            "kafkit",
            "console-producer",
            "--bootstrap-server",
            bs,
            "--topic",
            to,
            "--input-format",
            "json");
    assertEquals(0, load.exitCode(), load.toString());
    assertEquals(describe(cluster.read(from, 12)), describe(cluster.read(to, 12)));

    // the filtered part, into a topic of one partition
    CliResult found =
        dist.run(
            "kafkit",
            "console-consumer",
            "--bootstrap-server",
            bs,
            "--topic",
            from,
            "--from-beginning",
            "--exit-at-end",
            "--output",
            "json",
            "--filter-key",
            "^k");
    Path some = tmp.resolve("part.jsonl");
    java.nio.file.Files.writeString(some, found.out());
    assertEquals(6, found.out().lines().count(), found.toString());
    CliResult refused =
        dist.runWithInput(
            some,
            "kafkit",
            "console-producer",
            "--bootstrap-server",
            bs,
            "--topic",
            part,
            "--input-format",
            "json");
    assertEquals(1, refused.exitCode(), "partitions 1 and 2 are not in a one-partition topic");
    CliResult spread =
        dist.runWithInput(
            some,
            "kafkit",
            "console-producer",
            "--bootstrap-server",
            bs,
            "--topic",
            part,
            "--input-format",
            "json",
            "--ignore-partitions");
    assertEquals(0, spread.exitCode(), spread.toString());
    List<ConsumerRecord<byte[], byte[]>> copied = cluster.read(part, 6 + 2);
    assertTrue(
        copied.stream().allMatch(r -> new String(r.key(), StandardCharsets.UTF_8).startsWith("k")),
        describe(copied).toString());
  }

  /** Each record's partition, timestamp, key, value and headers, in a comparable form. */
  private static List<String> describe(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .map(
            r -> {
              StringBuilder b = new StringBuilder();
              b.append(r.partition())
                  .append('|')
                  .append(r.offset())
                  .append('|')
                  .append(r.timestamp());
              b.append('|').append(java.util.Arrays.toString(r.key()));
              b.append('|').append(java.util.Arrays.toString(r.value()));
              for (org.apache.kafka.common.header.Header h : r.headers()) {
                b.append('|')
                    .append(h.key())
                    .append('=')
                    .append(java.util.Arrays.toString(h.value()));
              }
              return b.toString();
            })
        .sorted()
        .toList();
  }

  private static void typeOrShow(RunningProcess process, String text) {
    try {
      process.type(text);
    } catch (java.io.UncheckedIOException e) {
      throw new AssertionError("the producer ended early:\n" + process.errors(), e);
    }
  }

  private RunningProcess startProducer(KafkaCluster cluster, String topic) {
    return dist.start(
        "kafkit",
        "console-producer",
        "--bootstrap-server",
        cluster.bootstrapServers(),
        "--topic",
        topic);
  }

  private static String lines(int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      text.append("line-").append(i).append('\n');
    }
    return text.toString();
  }

  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(100);
    }
  }
}
