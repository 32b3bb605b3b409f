package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigOp.OpType;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** kafkit transactions against Apache's TransactionsCommand 4.4.0, on an open transaction. */
class TransactionsIT {
  static final String APACHE = "org.apache.kafka.tools.TransactionsCommand";
  static final KafkaCluster cluster = KafkaCluster.single();

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> TransactionsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  static void assertSameAsApache(String... args) {
    CliResult a = apache(args);
    CliResult k = kafkit(args);
    String what = String.join(" ", args) + "\napache:\n" + a + "\nkafkit:\n" + k;
    assertEquals(a.out(), k.out(), what);
    assertEquals(a.exitCode(), k.exitCode(), what);
  }

  static KafkaProducer<byte[], byte[]> transactional(String id) {
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                id),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    producer.initTransactions();
    return producer;
  }

  @Test
  void listsDescribesFindsAndAbortsAsApache() throws Exception {
    String topic = cluster.createTopic("tx", 2);
    try (KafkaProducer<byte[], byte[]> committed = transactional("tx-committed");
        KafkaProducer<byte[], byte[]> open = transactional("tx-open")) {
      committed.beginTransaction();
      committed.send(new ProducerRecord<>(topic, 0, null, "a".getBytes()));
      committed.commitTransaction();
      open.beginTransaction();
      open.send(new ProducerRecord<>(topic, 0, null, "b".getBytes()));
      open.send(new ProducerRecord<>(topic, 1, null, "c".getBytes()));
      open.flush();

      String broker;
      try (Admin admin = cluster.admin()) {
        broker = String.valueOf(admin.describeCluster().nodes().get().iterator().next().id());
      }
      assertSameAsApache("list", "--transactional-id-pattern", "tx-.*");
      assertSameAsApache("list", "--duration-filter", "3600000");
      assertSameAsApache("describe-producers", "--topic", topic, "--partition", "0");
      assertSameAsApache(
          "describe-producers", "--topic", topic, "--partition", "1", "--broker-id", broker);
      // an open transaction its coordinator knows is not hanging, however old
      assertSameAsApache("find-hanging", "--topic", topic, "--max-transaction-timeout", "0");
      assertSameAsApache("find-hanging", "--broker-id", broker, "--max-transaction-timeout", "0");

      // describe: the same cells but the duration, which moves between the two runs
      CliResult a = apache("describe", "--transactional-id", "tx-open");
      CliResult k = kafkit("describe", "--transactional-id", "tx-open");
      assertEquals(cells(a.out()), cells(k.out()), a + "\n" + k);
      assertTrue(k.out().contains("\tOngoing"), k.out());

      CliResult missing = kafkit("describe", "--transactional-id", "tx-none");
      assertEquals(1, missing.exitCode(), missing.toString());
      assertTrue(
          missing
              .err()
              .startsWith(
                  "Error: Failed to describe transaction state of transactional-id `tx-none`: "),
          missing.err());

      // abort the open transaction on partition 1 by its start offset
      CliResult noSuch =
          kafkit("abort", "--topic", topic, "--partition", "1", "--start-offset", "99");
      assertEquals(1, noSuch.exitCode(), noSuch.toString());
      assertEquals(
          "Error: Could not find any open transactions starting at offset 99 on partition "
              + topic
              + "-1\n",
          noSuch.err());
      CliResult abort =
          kafkit("abort", "--topic", topic, "--partition", "1", "--start-offset", "0");
      assertEquals(0, abort.exitCode(), abort.toString());
      assertEquals("", abort.out());
      try (Admin admin = cluster.admin()) {
        TopicPartition tp = new TopicPartition(topic, 1);
        List<ProducerState> producers =
            admin.describeProducers(List.of(tp)).partitionResult(tp).get().activeProducers();
        assertTrue(
            producers.stream().noneMatch(p -> p.currentTransactionStartOffset().isPresent()),
            producers.toString());
      }
    }
    CliResult fenced = kafkit("forceTerminateTransaction", "--transactionalId", "tx-open");
    assertEquals(0, fenced.exitCode(), fenced.toString());
    CliResult after = kafkit("describe", "--transactional-id", "tx-open");
    assertTrue(!after.out().contains("Ongoing"), after.out());

    // nothing hangs: --abort-hanging aborts nothing, and says nothing but the table
    CliResult none =
        kafkit(
            "find-hanging",
            "--topic",
            topic,
            "--max-transaction-timeout",
            "0",
            "--abort-hanging",
            "--dry-run");
    assertEquals(0, none.exitCode(), none.toString());
    assertEquals("", none.err());
  }

  /**
   * A real hanging transaction: a record written in a transaction its coordinator never heard of,
   * on a broker that does not verify transactions. Apache's find-hanging and kafkit's list it
   * alike; kafkit's --abort-hanging shows it (--dry-run), refuses to abort it unasked, and aborts
   * it with --yes, after which read_committed readers get past it.
   */
  @Test
  void findsAndAbortsARealHangingTransaction() throws Exception {
    String topic = cluster.createTopic("tx-hanging", 1);
    TopicPartition tp = new TopicPartition(topic, 0);
    ConfigResource brokers = new ConfigResource(ConfigResource.Type.BROKER, "");
    String verification = "transaction.partition.verification.enable";
    try (Admin admin = cluster.admin()) {
      alter(admin, brokers, new AlterConfigOp(new ConfigEntry(verification, "false"), OpType.SET));
      try (KafkaProducer<byte[], byte[]> producer = transactional("tx-hanging")) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, 0, null, "committed".getBytes())).get();
        producer.commitTransaction();
      }
      TransactionDescription done =
          admin.describeTransactions(List.of("tx-hanging")).description("tx-hanging").get();
      long offset =
          RawTransactionalProduce.send(
              cluster.bootstrapServers(),
              "tx-hanging",
              done.producerId(),
              (short) done.producerEpoch(),
              topic,
              0);
      assertEquals(offset, lastStableOffset(admin, tp));

      String[] find = {"find-hanging", "--topic", topic, "--max-transaction-timeout", "0"};
      assertSameAsApache(find);
      CliResult found = kafkit(find);
      assertEquals(2, found.out().lines().count(), found.toString());
      assertTrue(
          found
              .out()
              .lines()
              .skip(1)
              .findFirst()
              .orElseThrow()
              .matches(
                  topic + " *\\t0 +\\t" + done.producerId() + " +\\t.*\\t" + offset + " +\\t.*"),
          found.out());

      CliResult dryRun = kafkit(with(find, "--abort-hanging", "--dry-run"));
      assertEquals(0, dryRun.exitCode(), dryRun.toString());
      assertEquals(found.out(), dryRun.out());
      assertTrue(dryRun.err().startsWith("Dry run: would abort "), dryRun.err());
      CliResult unasked = kafkit(with(find, "--abort-hanging"));
      assertEquals(1, unasked.exitCode(), unasked.toString());
      assertEquals(1, unasked.err().lines().count(), unasked.toString());
      assertEquals(offset, lastStableOffset(admin, tp), "nothing aborted yet");

      CliResult json = kafkit(with(find, "--output", "json"));
      JsonNode hanging = Json.mapper().readTree(json.out()).get("hanging");
      assertEquals(1, hanging.size(), json.out());
      assertEquals(done.producerId(), hanging.get(0).get("producerId").asLong(), json.out());

      CliResult aborted = kafkit(with(find, "--abort-hanging", "--yes"));
      assertEquals(0, aborted.exitCode(), aborted.toString());
      assertTrue(aborted.err().startsWith("Aborted "), aborted.err());
      // the abort marker follows the record: read_committed readers reach the end
      long end =
          admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
      assertEquals(end, lastStableOffset(admin, tp));
      assertEquals(offset + 2, end);
      CliResult after = apache(find);
      assertEquals(1, after.out().lines().count(), after.toString());
      assertSameAsApache(find);
    } finally {
      try (Admin admin = cluster.admin()) {
        alter(admin, brokers, new AlterConfigOp(new ConfigEntry(verification, ""), OpType.DELETE));
      }
    }
  }

  static String[] with(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  static void alter(Admin admin, ConfigResource resource, AlterConfigOp op) throws Exception {
    admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get();
    // a cluster-wide broker setting reaches the broker through the metadata log
    Thread.sleep(1_000);
  }

  static long lastStableOffset(Admin admin, TopicPartition tp) throws Exception {
    return admin
        .listOffsets(
            Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .partitionResult(tp)
        .get()
        .offset();
  }

  @Test
  void dashVIsTheVersionAsInApachesTool() {
    CliResult version = new CliRunner(() -> TransactionsCommand.class).run("-v");
    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.out().startsWith("kafkit "), version.out());
  }

  @Test
  void usageErrorsInApachesWords() {
    for (String[] bad :
        new String[][] {
          {"find-hanging"},
          {"find-hanging", "--broker-id", "1", "--partition", "1"},
          {"abort", "--topic", "t", "--partition", "0"},
          {"abort", "--topic", "t", "--partition", "0", "--producer-id", "5"}
        }) {
      CliResult a = apache(bad);
      CliResult k = kafkit(bad);
      String what = String.join(" ", bad) + "\napache:\n" + a + "\nkafkit:\n" + k;
      assertEquals(2, k.exitCode(), what);
      assertEquals(
          a.err()
              .lines()
              .filter(l -> !l.startsWith("[") && !l.startsWith("SLF4J:"))
              .findFirst()
              .orElseThrow(),
          k.err().lines().findFirst().orElseThrow().replaceFirst("^Error: ", ""),
          what);
    }
  }

  /** The table's cells, trimmed, without the duration (the 8th column). */
  private static List<String> cells(String table) {
    return table
        .lines()
        .map(l -> Arrays.stream(l.split("\t")).map(String::trim).toList())
        .map(
            c -> String.join("|", c.subList(0, 7)) + "|" + String.join("|", c.subList(8, c.size())))
        .toList();
  }
}
