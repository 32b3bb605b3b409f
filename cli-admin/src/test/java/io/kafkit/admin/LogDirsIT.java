package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** kafkit log-dirs against Apache's LogDirsCommand 4.4.0 on the same 1- and 3-broker clusters. */
class LogDirsIT {
  static final String APACHE = "org.apache.kafka.tools.LogDirsCommand";
  static final AtomicInteger ids = new AtomicInteger();

  /** A topic of {@code partitions} partitions holding {@code records} records spread over them. */
  static String topic(KafkaCluster cluster, int partitions, int records) throws Exception {
    String t = cluster.createTopic("dirs-" + ids.incrementAndGet(), partitions);
    Properties props = new Properties();
    props.put("bootstrap.servers", cluster.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(t, i % partitions, null, "value-" + i));
      }
    }
    return t;
  }

  static CliResult kafkit(KafkaCluster cluster, String... args) {
    return new CliRunner(() -> LogDirsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(KafkaCluster cluster, String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  @Test
  void describeIsApachesLinesAndDocument() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String a = topic(cluster, 3, 30);
    String b = topic(cluster, 5, 7);
    String[] args = {"--describe", "--topic-list", a + "," + b};
    CliResult theirs = apache(cluster, args);
    CliResult ours = kafkit(cluster, args);
    assertEquals(0, theirs.exitCode(), theirs.toString());
    assertEquals(0, ours.exitCode(), ours.toString());
    assertEquals(theirs.out(), ours.out());
    assertEquals("", ours.err());
    assertTrue(ours.out().startsWith("Querying brokers for log directories information\n"));
    JsonNode document =
        Json.mapper().readTree(ours.out().lines().skip(2).findFirst().orElseThrow());
    assertEquals(8, document.at("/brokers/0/logDirs/0/partitions").size(), ours.out());
  }

  @Test
  void threeBrokersAndABrokerListAsApache() throws Exception {
    KafkaCluster cluster = KafkaCluster.three();
    String t = topic(cluster, 4, 40);
    for (String[] args :
        new String[][] {
          {"--describe", "--topic-list", t},
          {"--describe", "--topic-list", t, "--broker-list", "1,2"},
          {"--describe", "--broker-list", "2", "--topic-list", "no-such-topic"},
        }) {
      CliResult theirs = apache(cluster, args);
      CliResult ours = kafkit(cluster, args);
      assertEquals(0, ours.exitCode(), ours.toString());
      assertEquals(theirs.out(), ours.out(), String.join(" ", args));
    }
  }

  @Test
  void aBrokerTheClusterLacksIsApachesErrorLine() {
    KafkaCluster cluster = KafkaCluster.three();
    String[] args = {"--describe", "--broker-list", "1,7"};
    CliResult theirs = apache(cluster, args);
    CliResult ours = kafkit(cluster, args);
    assertEquals(1, theirs.exitCode(), theirs.toString());
    assertEquals(1, ours.exitCode(), ours.toString());
    assertEquals(theirs.out(), ours.out());
    String line =
        "ERROR: The given brokers do not exist from --broker-list: 7. Current existent brokers:"
            + " 0,1,2\n";
    assertTrue(theirs.err().endsWith(line), theirs.err()); // after the oracle's SLF4J notes
    assertEquals(line, ours.err());
  }

  @Test
  void outputJsonIsApachesDocumentAlone() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String t = topic(cluster, 2, 10);
    CliResult theirs = apache(cluster, "--describe", "--topic-list", t);
    CliResult ours = kafkit(cluster, "--describe", "--topic-list", t, "--output", "json");
    assertEquals(0, ours.exitCode(), ours.toString());
    assertEquals(theirs.out().lines().skip(2).toList(), ours.out().lines().toList());
  }

  @Test
  void aTerminalGetsATableWithTotals() throws Exception {
    KafkaCluster cluster = KafkaCluster.three();
    String t = topic(cluster, 2, 100);
    CliResult ours =
        new CliRunner(() -> LogDirsCommand.class)
            .stdoutTerminal()
            .run(cluster.withBootstrap("--describe", "--topic-list", t));
    assertEquals(0, ours.exitCode(), ours.toString());
    var lines = ours.out().lines().toList();
    assertTrue(
        lines.get(0).matches("BROKER +DIR +PARTITION +SIZE +OFFSET-LAG +FUTURE"), ours.out());
    // two partitions of three replicas each: six replica lines, one per broker and partition
    assertEquals(
        6,
        lines.stream().filter(l -> l.matches("[0-2] +\\S+ +" + t + "-[01] +.*")).count(),
        ours.out());
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("[0-2] +\\S+ +" + t + "-0 +[0-9.]+ (B|KiB) +0 +no")),
        ours.out());
    assertTrue(lines.contains(""), ours.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("BROKER +REPLICAS +SIZE")), ours.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches(t + " +6 +[0-9.]+ (B|KiB)")), ours.out());
    assertTrue(ours.out().indexOf("Querying") < 0, ours.out());
  }

  @Test
  void badInputIsOneLine() {
    KafkaCluster cluster = KafkaCluster.single();
    CliResult list = kafkit(cluster, "--describe", "--broker-list", "0,x");
    assertEquals(2, list.exitCode(), list.toString());
    assertTrue(
        list.err().startsWith("Error: --broker-list takes broker ids as \"0,1,2\", not '0,x'."),
        list.err());
    CliResult describe = kafkit(cluster, "--broker-list", "0");
    assertEquals(2, describe.exitCode(), describe.toString());
    assertTrue(
        describe.err().startsWith("Error: Missing required argument \"[describe]\"\n"),
        describe.err());
    assertTrue(describe.err().lines().count() <= 2, describe.err());
  }

  @Test
  void everyApacheOptionIsAccepted() {
    ApacheOptions.allAccepted(APACHE, LogDirsCommand.class);
  }
}
