package io.kafkit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The console share consumer against a real cluster, with Apache's as the oracle. */
class ConsoleShareConsumerIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final AtomicInteger ids = new AtomicInteger();

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> ConsoleShareConsumerCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run(
        "org.apache.kafka.tools.consumer.ConsoleShareConsumer", cluster.withBootstrap(args));
  }

  /** A topic of 3 partitions with 10 keyed records in each: k0=v0 ... k29=v29. */
  static String topicWithRecords() {
    String t = cluster.createTopic("share-consume-" + ids.incrementAndGet(), 3);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < 30; i++) {
        p.send(new ProducerRecord<>(t, i % 3, bytes("k" + i), bytes("v" + i)));
      }
      p.flush();
    }
    return t;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A new share group that starts at the earliest records. */
  static String group() {
    String g = "share-consumers-" + ids.incrementAndGet();
    cluster.shareGroupFromEarliest(g);
    return g;
  }

  static Set<String> lines(CliResult r) {
    return new TreeSet<>(r.out().lines().toList());
  }

  @Test
  void printsWhatApachePrintsAndAcknowledgesWhatItPrinted() throws Exception {
    String t = topicWithRecords();
    String[] format = {
      "--formatter-property", "print.key=true", "--formatter-property", "print.partition=true"
    };
    List<String> common =
        new ArrayList<>(List.of("--topic", t, "--max-messages", "30", "--timeout-ms", "30000"));
    common.addAll(List.of(format));

    List<String> k = new ArrayList<>(common);
    k.addAll(List.of("--group", group()));
    CliResult mine = kafkit(k.toArray(String[]::new));
    assertEquals(0, mine.exitCode(), mine.toString());
    assertEquals(30, mine.out().lines().count(), mine.out());
    assertTrue(mine.err().contains("Processed a total of 30 messages"), mine.err());

    List<String> a = new ArrayList<>(common);
    a.addAll(List.of("--group", group()));
    CliResult theirs = apache(a.toArray(String[]::new));
    assertEquals(lines(theirs), lines(mine), "the same lines, in the order the broker gave");

    // Everything was accepted: a second run of the group gets nothing.
    CliResult again = kafkit("--topic", t, "--group", k.get(k.size() - 1), "--timeout-ms", "3000");
    assertEquals(0, again.exitCode(), again.toString());
    assertEquals("", again.out());
  }

  @Test
  void aRecordItCannotFormatNamesTheShareConsumersOwnRemedy() {
    String t = topicWithRecords();
    CliResult r =
        kafkit(
            "--topic",
            t,
            "--group",
            group(),
            "--value-deserializer",
            "org.apache.kafka.common.serialization.IntegerDeserializer",
            "--max-messages",
            "1",
            "--timeout-ms",
            "30000");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains("(--reject-message-on-error rejects such records"), r.err());
    assertTrue(!r.err().contains("--skip-message-on-error"), r.err());
  }

  @Test
  void recordsFetchedButNotPrintedGoToTheNextRun() throws Exception {
    String t = topicWithRecords();
    String g = group();
    CliResult first =
        kafkit("--topic", t, "--group", g, "--max-messages", "5", "--timeout-ms", "30000");
    assertEquals(5, first.out().lines().count(), first.toString());
    CliResult rest =
        kafkit("--topic", t, "--group", g, "--max-messages", "25", "--timeout-ms", "30000");
    assertEquals(25, rest.out().lines().count(), rest.toString());
    Set<String> all = new HashSet<>(first.out().lines().toList());
    all.addAll(rest.out().lines().toList());
    assertEquals(30, all.size(), "each record printed once: " + first.out() + rest.out());
  }

  @Test
  void releasedRecordsComeBackAndRejectedOnesDoNot() throws Exception {
    String t = topicWithRecords();
    String released = group();
    CliResult r =
        kafkit(
            "--topic",
            t,
            "--group",
            released,
            "--max-messages",
            "30",
            "--timeout-ms",
            "30000",
            "--release");
    assertEquals(30, r.out().lines().count(), r.toString());
    CliResult back =
        kafkit(
            "--topic",
            t,
            "--group",
            released,
            "--max-messages",
            "30",
            "--timeout-ms",
            "30000",
            "--formatter-property",
            "print.delivery=true");
    assertEquals(30, back.out().lines().count(), back.toString());
    assertTrue(
        back.out().lines().allMatch(l -> l.startsWith("Delivery:2\t")),
        "delivered a second time: " + back.out());

    String rejected = group();
    CliResult gone =
        kafkit(
            "--topic",
            t,
            "--group",
            rejected,
            "--max-messages",
            "30",
            "--timeout-ms",
            "30000",
            "--reject");
    assertEquals(30, gone.out().lines().count(), gone.toString());
    CliResult none = kafkit("--topic", t, "--group", rejected, "--timeout-ms", "3000");
    assertEquals("", none.out(), "rejected records are not delivered again");
  }

  @Test
  void badInputIsOneLine() {
    CliResult both = kafkit("--topic", "t", "--reject", "--release");
    assertEquals(2, both.exitCode(), both.toString());
    assertTrue(
        both.err().startsWith("Error: At most one of --reject and --release may be specified.\n"),
        both.err());
    CliResult noTopic = kafkit("--group", "g");
    assertEquals(2, noTopic.exitCode(), noTopic.toString());
    assertTrue(noTopic.err().startsWith("Error: --topic is a required argument\n"), noTopic.err());
    CliResult missing = kafkit("--topic", "no-such-topic", "--timeout-ms", "1000");
    assertEquals(1, missing.exitCode(), missing.toString());
    assertTrue(
        missing.err().startsWith("Error: Topic 'no-such-topic' does not exist."), missing.err());
  }
}
