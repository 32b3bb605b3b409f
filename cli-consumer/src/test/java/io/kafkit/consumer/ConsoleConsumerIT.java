package io.kafkit.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console consumer against a real one-broker KRaft cluster, with Apache's as the oracle. */
class ConsoleConsumerIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final AtomicInteger ids = new AtomicInteger();
  static String golden;

  static String topic(int partitions) {
    return cluster.createTopic("consume-" + ids.incrementAndGet(), partitions);
  }

  static CliResult consume(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--bootstrap-server";
    all[1] = cluster.bootstrapServers();
    System.arraycopy(args, 0, all, 2, args.length);
    return new CliRunner(() -> ConsoleConsumerCommand.class).run(all);
  }

  static void produce(
      String topic, Integer partition, String key, byte[] value, String... headers) {
    try (KafkaProducer<byte[], byte[]> p = producer()) {
      send(p, topic, partition, key, value, headers);
    }
  }

  static KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  static void send(
      KafkaProducer<byte[], byte[]> p,
      String topic,
      Integer partition,
      String key,
      byte[] value,
      String... headers) {
    ProducerRecord<byte[], byte[]> r =
        new ProducerRecord<>(
            topic, partition, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    for (int i = 0; i < headers.length; i += 2) {
      r.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    try {
      p.send(r).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static void assertFails(CliResult r, int code, String text) {
    assertEquals(code, r.exitCode(), r.toString());
    assertTrue(r.err().contains(text), "expected '" + text + "' in:\n" + r);
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
  }

  @BeforeAll
  static void goldenTopic() {
    golden = topic(1);
    try (KafkaProducer<byte[], byte[]> p = producer()) {
      send(p, golden, null, "key-0", utf8("value-0"), "h1", "v1", "h2", "v2");
      send(p, golden, null, "key-1", utf8("value-1"), "h1", "v1");
      send(p, golden, null, "key-2", utf8("value-2"), "h1", "v1", "h2", "");
      send(p, golden, null, "key-3", utf8(""), "h3", "x");
      send(p, golden, null, null, utf8("value-4"));
      send(p, golden, null, "k5", null);
      send(p, golden, null, "k6", new byte[] {(byte) 0xff, 0x1b, 'x'});
    }
  }

  @Test
  void defaultOutputIsApachesByteForByte() {
    List<String[]> settings =
        List.of(
            new String[] {},
            new String[] {"print.key=true"},
            new String[] {
              "print.key=true",
              "print.timestamp=true",
              "print.partition=true",
              "print.offset=true",
              "print.headers=true"
            },
            new String[] {"print.value=false", "print.offset=true", "print.headers=true"},
            new String[] {
              "print.key=true",
              "key.separator= | ",
              "line.separator=;",
              "null.literal=NIL",
              "headers.separator=/",
              "print.headers=true",
              "print.delivery=true"
            },
            new String[] {"print.epoch=true", "print.offset=true", "print.key=true"},
            new String[] {"print.epoch=true", "print.value=false"});
    for (String[] props : settings) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--bootstrap-server",
                  cluster.bootstrapServers(),
                  "--topic",
                  golden,
                  "--from-beginning",
                  "--max-messages",
                  "7"));
      for (String p : props) {
        args.add("--formatter-property");
        args.add(p);
      }
      CliResult apache =
          ApacheTools.run(
              "org.apache.kafka.tools.consumer.ConsoleConsumer", args.toArray(new String[0]));
      assertEquals(0, apache.exitCode(), apache.toString());
      CliResult kafkit =
          new CliRunner(() -> ConsoleConsumerCommand.class).run(args.toArray(new String[0]));
      assertEquals(0, kafkit.exitCode(), kafkit.toString());
      byte[] expected = apache.outBytes();
      if (Arrays.asList(props).contains("print.epoch=true")) {
        // Apache's tool always prints NOT_PRESENT; kafkit prints the record's leader epoch.
        expected =
            new String(expected, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("Epoch:NOT_PRESENT", "Epoch:0")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      }
      assertArrayEquals(
          expected,
          kafkit.outBytes(),
          Arrays.toString(props) + "\napache:\n" + apache.out() + "\nkafkit:\n" + kafkit.out());
      assertTrue(kafkit.err().endsWith("Processed a total of 7 messages\n"), kafkit.err());
    }
  }

  @Test
  void twoGroupsEachGetEveryMessageAndAGroupResumesAfterItsCommit() {
    String t = topic(1);
    for (int i = 0; i < 10; i++) {
      produce(t, null, null, utf8("m" + i));
    }
    CliResult a =
        consume("--topic", t, "--group", "ga-" + t, "--from-beginning", "--max-messages", "4");
    assertEquals("m0\nm1\nm2\nm3\n", a.out(), a.toString());
    CliResult b =
        consume("--topic", t, "--group", "gb-" + t, "--from-beginning", "--timeout-ms", "3000");
    assertEquals(10, b.out().lines().count(), b.toString());
    assertTrue(b.err().contains("Processed a total of 10 messages"), b.err());
    CliResult again =
        consume("--topic", t, "--group", "ga-" + t, "--from-beginning", "--timeout-ms", "3000");
    assertEquals("m4\nm5\nm6\nm7\nm8\nm9\n", again.out(), "resumes after the 4 printed: " + again);
  }

  @Test
  void twoConsumersOfOneGroupSplitThePartitions() throws Exception {
    String t = topic(2);
    String group = "split-" + t;
    String[] args = {"--topic", t, "--group", group, "--from-beginning", "--timeout-ms", "8000"};
    CompletableFuture<CliResult> one = CompletableFuture.supplyAsync(() -> consume(args));
    CompletableFuture<CliResult> two = CompletableFuture.supplyAsync(() -> consume(args));
    try (Admin admin = cluster.admin()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        ConsumerGroupDescription d =
            admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        if (d.members().size() == 2
            && d.members().stream().allMatch(m -> m.assignment().topicPartitions().size() == 1)) {
          break;
        }
        assertTrue(System.nanoTime() < deadline, "two members never shared the topic: " + d);
        Thread.sleep(100);
      }
    }
    try (KafkaProducer<byte[], byte[]> p = producer()) {
      for (int i = 0; i < 20; i++) {
        send(p, t, i % 2, null, utf8("r" + i));
      }
    }
    Set<String> first = new HashSet<>(one.get().out().lines().toList());
    Set<String> second = new HashSet<>(two.get().out().lines().toList());
    assertEquals(10, first.size(), one.get().toString());
    assertEquals(10, second.size(), two.get().toString());
    Set<String> all = new HashSet<>(first);
    all.addAll(second);
    assertEquals(20, all.size(), "together every record, none twice");
  }

  @Test
  void partitionAndOffset() {
    String t = topic(2);
    for (int i = 0; i < 5; i++) {
      produce(t, 1, null, utf8("p1-" + i));
    }
    produce(t, 0, null, utf8("p0"));
    CliResult r =
        consume("--topic", t, "--partition", "1", "--offset", "3", "--timeout-ms", "1500");
    assertEquals("p1-3\np1-4\n", r.out(), r.toString());
    CliResult earliest =
        consume("--topic", t, "--partition", "1", "--offset", "earliest", "--max-messages", "1");
    assertEquals("p1-0\n", earliest.out());
  }

  @Test
  void formatStringsJsonAndExitAtEnd() throws Exception {
    CliResult f =
        consume("--topic", golden, "--from-beginning", "--exit-at-end", "--format", "%k=%s@%o\\n");
    assertEquals(0, f.exitCode(), f.toString());
    assertTrue(f.out().startsWith("key-0=value-0@0\nkey-1=value-1@1\n"), f.out());
    assertEquals(7, f.out().lines().count());

    CliResult j =
        consume("--topic", golden, "--from-beginning", "--exit-at-end", "--output", "json");
    List<String> lines = j.out().lines().toList();
    assertEquals(7, lines.size(), j.toString());
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(lines.get(0));
    assertEquals("key-0", first.get("key").asText());
    assertEquals("v2", first.get("headers").get(1).get("value").asText());
    JsonNode binary = mapper.readTree(lines.get(6));
    assertEquals("base64", binary.get("valueEncoding").asText());
    assertArrayEquals(new byte[] {(byte) 0xff, 0x1b, 'x'}, binary.get("value").binaryValue());
    assertTrue(mapper.readTree(lines.get(5)).get("value").isNull());
  }

  @Test
  void fromTime() throws Exception {
    String t = topic(1);
    produce(t, null, null, utf8("old"));
    Thread.sleep(50);
    String cut = java.time.Instant.now().toString();
    Thread.sleep(50);
    produce(t, null, null, utf8("new"));
    CliResult r = consume("--topic", t, "--from-time", cut, "--exit-at-end");
    assertEquals("new\n", r.out(), r.toString());
    CliResult recent = consume("--topic", t, "--from-time", "-10m", "--exit-at-end");
    assertEquals("old\nnew\n", recent.out(), recent.toString());
  }

  @Test
  void clientPropertiesChooseTheIsolationLevelAndWhereAGrouplessRunStarts() throws Exception {
    String t = topic(1);
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "tx-" + t);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      p.initTransactions();
      p.beginTransaction();
      p.send(new ProducerRecord<>(t, utf8("aborted"))).get();
      p.abortTransaction();
      p.beginTransaction();
      p.send(new ProducerRecord<>(t, utf8("committed"))).get();
      p.commitTransaction();
    }
    // auto.offset.reset=earliest starts a run without --group at the beginning, as Apache's
    // throwaway group would; isolation.level=read_committed from the properties is kept.
    CliResult committed =
        consume(
            "--topic",
            t,
            "--command-property",
            "auto.offset.reset=earliest",
            "--command-property",
            "isolation.level=read_committed",
            "--max-messages",
            "1",
            "--timeout-ms",
            "10000");
    assertEquals(0, committed.exitCode(), committed.toString());
    assertEquals("committed\n", committed.out());
    CliResult all =
        consume(
            "--topic",
            t,
            "--command-property",
            "auto.offset.reset=earliest",
            "--max-messages",
            "2",
            "--timeout-ms",
            "10000");
    assertEquals("aborted\ncommitted\n", all.out(), "read_uncommitted by default");
    CliResult flagWins =
        consume(
            "--topic",
            t,
            "--from-beginning",
            "--command-property",
            "isolation.level=read_uncommitted",
            "--isolation-level",
            "read_committed",
            "--max-messages",
            "1",
            "--timeout-ms",
            "10000");
    assertEquals("committed\n", flagWins.out());
    assertFails(
        consume("--topic", t, "--command-property", "auto.offset.reset=none"),
        2,
        "auto.offset.reset=none");
  }

  @Test
  void aFormatterDeserializerWinsOverTheFlagAsInApache() {
    CliResult r =
        consume(
            "--topic",
            golden,
            "--from-beginning",
            "--max-messages",
            "1",
            "--key-deserializer",
            "org.apache.kafka.common.serialization.LongDeserializer",
            "--formatter-property",
            "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
            "--formatter-property",
            "print.key=true");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("key-0\tvalue-0\n", r.out());
  }

  @Test
  void badInput() {
    assertFails(
        consume("--topic", golden, "--offset", "3"),
        2,
        "The partition is required when offset is specified.");
    assertFails(consume("--partition", "0"), 2, "Exactly one of --include/--topic is required.");
    assertFails(
        consume("--topic", golden, "--group", "g", "--partition", "0"),
        2,
        "Options group and partition cannot be specified together.");
    assertFails(consume("--topic", golden, "--format", "%z"), 2, "Unknown token '%z'");
    assertFails(
        consume("--topic", golden, "--partition", "0", "--offset", "soon"),
        2,
        "The provided offset value 'soon' is incorrect.");
    assertFails(
        consume("--topic", "no-such-topic", "--max-messages", "1"),
        1,
        "Topic 'no-such-topic' does not exist");
    assertFails(
        new CliRunner(() -> ConsoleConsumerCommand.class)
            .run("--bootstrap-server", "127.0.0.1:1", "--topic", "t", "--connect-timeout", "1s"),
        1,
        "Cannot reach the Kafka cluster at 127.0.0.1:1");
    assertFails(
        consume(
            "--topic",
            golden,
            "--from-beginning",
            "--command-property",
            "auto.offset.reset=latest"),
        2,
        "Can't simultaneously specify --from-beginning and 'auto.offset.reset=latest'");
    assertFails(
        consume("--topic", golden, "--consumer-property", "a=1", "--command-property", "a=1"),
        2,
        "Options --consumer-property and --command-property cannot be specified together.");
    assertFails(
        consume(
            "--topic",
            golden,
            "--property",
            "print.key=true",
            "--formatter-property",
            "print.key=true"),
        2,
        "Options --property and --formatter-property cannot be specified together.");
  }
}
