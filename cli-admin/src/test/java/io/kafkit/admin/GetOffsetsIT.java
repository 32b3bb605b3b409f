package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kafkit get-offsets against Apache's GetOffsetShell 4.4.0 on the same cluster. */
class GetOffsetsIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final String APACHE = "org.apache.kafka.tools.GetOffsetShell";
  static final String TOPIC = "offsets-twelve";
  static final String OTHER = "offsets-other";
  static long middle;

  /** Twelve partitions (so t-10 sorts before t-2 in Apache's order), record i in partition i%12. */
  @BeforeAll
  static void records() throws Exception {
    cluster.createTopic(TOPIC, 12);
    cluster.createTopic(OTHER, 2);
    cluster.createTopic("offsets-empty", 1);
    Properties props = new Properties();
    props.put("bootstrap.servers", cluster.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      long base = 1_700_000_000_000L;
      middle = base + 50;
      for (int i = 0; i < 100; i++) {
        producer.send(new ProducerRecord<>(TOPIC, i % 12, base + i, "k", "v" + i));
        producer.send(new ProducerRecord<>(OTHER, i % 2, base + i, "k", "v" + i));
      }
    }
  }

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> GetOffsetsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  static void sameAsApache(String... args) {
    CliResult ours = kafkit(args);
    CliResult theirs = apache(args);
    assertEquals(0, theirs.exitCode(), theirs.toString());
    assertEquals(0, ours.exitCode(), ours.toString());
    assertEquals(theirs.out(), ours.out(), String.join(" ", args));
  }

  @Test
  void everyTimeAndFilterPrintsApachesLines() {
    for (String[] args :
        List.of(
            new String[] {"--topic", TOPIC},
            new String[] {"--topic", TOPIC, "--time", "earliest"},
            new String[] {"--topic", TOPIC, "--time", "-2"},
            new String[] {"--topic", TOPIC, "--time", "-1"},
            new String[] {"--topic", TOPIC, "--time", "max-timestamp"},
            new String[] {"--topic", TOPIC, "--time", Long.toString(middle)},
            new String[] {"--topic", "offsets-.*", "--partitions", "0,1"},
            new String[] {"--topic", TOPIC + "," + OTHER},
            new String[] {"--topic-partitions", TOPIC + ":3-5," + OTHER + ":1,:11"},
            new String[] {"--topic-partitions", "offsets-t.*:9-"},
            new String[] {"--topic-partitions", TOPIC + ":-2"},
            new String[] {"--exclude-internal-topics"},
            new String[] {})) {
      sameAsApache(args);
    }
  }

  @Test
  void spacesAroundATimeAreDroppedNotMisread() {
    for (String[] pair :
        new String[][] {
          {" -1", "-1"}, {"-2 ", "-2"}, {" earliest", "earliest"}, {middle + " ", "" + middle}
        }) {
      CliResult ours = kafkit("--topic", TOPIC, "--time", pair[0]);
      assertEquals(0, ours.exitCode(), ours.toString());
      assertEquals(apache("--topic", TOPIC, "--time", pair[1]).out(), ours.out(), pair[0]);
      assertEquals("", ours.err(), pair[0]);
    }
    CliResult unclear = kafkit("--topic", TOPIC, "--time", "- 1");
    assertEquals(2, unclear.exitCode(), unclear.toString());
    assertTrue(unclear.err().contains("Malformed time argument - 1. Please use"), unclear.err());
  }

  @Test
  void aPartitionThatFailsIsNamedInApachesWords() {
    // the broker has no such time: each partition fails, as with Apache's tool
    String[] args = {"--topic", OTHER, "--time", "-7"};
    CliResult theirs = apache(args);
    CliResult ours = kafkit(args);
    assertEquals(1, ours.exitCode(), ours.toString());
    assertEquals("", ours.out());
    List<String> lines = ours.err().lines().toList();
    assertEquals(2, lines.size(), ours.err());
    for (String line : lines) {
      assertTrue(
          line.startsWith("Skip getting offsets for topic-partition " + OTHER + "-")
              && line.contains(" due to error: org.apache.kafka.common.errors."),
          line);
      assertTrue(theirs.err().contains(line + "\n"), theirs.err() + "\n" + line);
    }
  }

  @Test
  void aTimeAfterTheLastRecordHasNoOffsetAndSaysSo() {
    String[] args = {"--topic", TOPIC, "--partitions", "0", "--time", Long.toString(middle + 1000)};
    assertEquals("", apache(args).out());
    CliResult r = kafkit(args);
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().contains("No offset for topic-partition " + TOPIC + "-0 at time"), r.err());
  }

  @Test
  void instantsAndDurationsBeyondApache() {
    String iso = Instant.ofEpochMilli(middle).toString();
    CliResult byInstant = kafkit("--topic", TOPIC, "--time", iso);
    assertEquals(apache("--topic", TOPIC, "--time", Long.toString(middle)).out(), byInstant.out());
    // records of 2023 are all more than a day back: the earliest offset at or after is the end
    CliResult byDuration = kafkit("--topic", OTHER, "--time", "-1h");
    assertEquals(0, byDuration.exitCode(), byDuration.toString());
    assertEquals("", byDuration.out());
  }

  @Test
  void json() throws Exception {
    CliResult r = kafkit("--topic", OTHER, "--time", Long.toString(middle), "--output", "json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode doc = Json.mapper().readTree(r.out());
    assertEquals(2, doc.size());
    assertEquals(OTHER, doc.get(0).get("topic").asText());
    assertEquals(0, doc.get(0).get("partition").asInt());
    assertEquals(25, doc.get(0).get("offset").asLong()); // record 50, the 26th of partition 0
    assertEquals(middle, doc.get(0).get("timestamp").asLong());
    CliResult none =
        kafkit("--topic", "offsets-empty", "--time", "max-timestamp", "--output", "json");
    assertTrue(Json.mapper().readTree(none.out()).get(0).get("offset").isNull(), none.out());
  }

  @Test
  void nothingMatchingFailsAsApachesDoes() {
    String[] args = {"--topic", "no-such-topic-.*"};
    CliResult theirs = apache(args);
    CliResult ours = kafkit(args);
    assertEquals(1, theirs.exitCode());
    assertEquals(1, ours.exitCode(), ours.toString());
    String line = "Error occurred: Could not match any topic-partitions with the specified filters";
    assertTrue(theirs.err().endsWith(line + "\n"), theirs.err()); // after the oracle's SLF4J notes
    assertEquals(line + "\n", ours.err());
  }

  @Test
  void usageErrorsAreOneLine() {
    for (String[] args :
        List.of(
            new String[] {"--topic", TOPIC, "--time", "yesterday"},
            new String[] {"--topic", TOPIC, "--topic-partitions", TOPIC + ":0"},
            new String[] {"--topic", TOPIC, "--partitions", "0,x"},
            new String[] {"--topic-partitions", "a:b:c"},
            new String[] {"--topic", "(unclosed"})) {
      CliResult r = kafkit(args);
      assertEquals(2, r.exitCode(), r.toString());
      assertEquals("", r.out());
      assertTrue(r.err().lines().count() <= 2, r.err());
    }
    CliResult time = kafkit("--topic", TOPIC, "--time", "yesterday");
    assertTrue(
        time.err().contains("Malformed time argument yesterday. Please use -1 or latest"),
        time.err());
  }

  @Test
  void everyOptionOfApachesHelpIsAccepted() {
    ApacheOptions.allAccepted(APACHE, GetOffsetsCommand.class);
  }
}
