package io.kafkit.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kafka-streams-groups.sh's actions against a real cluster, on the groups of real Kafka Streams
 * applications (the streams rebalance protocol), side by side with Apache's tool.
 */
class StreamsGroupsIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final String APACHE = "org.apache.kafka.tools.streams.StreamsGroupCommand";

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> StreamsGroupsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  static void assertSameAsApache(String... args) {
    CliResult a = apache(args);
    CliResult k = kafkit(args);
    assertEquals(a.out(), k.out(), String.join(" ", args) + "\napache:\n" + a + "\nkafkit:\n" + k);
  }

  /** An application's input: 2 partitions of 20 records, and its output topic. */
  static String input(String app) {
    String in = cluster.createTopic(app + "-in", 2);
    cluster.createTopic(app + "-out", 1);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < 40; i++) {
        p.send(
            new ProducerRecord<>(in, i % 2, null, ("v" + i % 7).getBytes(StandardCharsets.UTF_8)));
      }
      p.flush();
    }
    return in;
  }

  static Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
    try (Admin admin = cluster.admin()) {
      return admin
          .listStreamsGroupOffsets(Map.of(group, new ListStreamsGroupOffsetsSpec()))
          .partitionsToOffsetAndMetadata(group)
          .get();
    }
  }

  static Set<String> topics() throws Exception {
    try (Admin admin = cluster.admin()) {
      return admin.listTopics().names().get();
    }
  }

  @Test
  void describesAStableGroupAsApacheDoes() throws Exception {
    String app = "sg-stable";
    String in = input(app);
    try (StreamsApp running = StreamsApp.start(cluster, app, in, app + "-out", true)) {
      running.awaitCaughtUp();
      assertTrue(kafkit("--list").out().lines().anyMatch(app::equals));
      assertSameAsApache("--describe", "--group", app);
      assertSameAsApache("--describe", "--group", app, "--verbose");
      assertSameAsApache("--describe", "--group", app, "--offsets");
      assertSameAsApache("--describe", "--group", app, "--members");
      assertSameAsApache("--describe", "--group", app, "--members", "--verbose");
      assertSameAsApache("--describe", "--group", app, "--state");
      assertSameAsApache("--describe", "--group", app, "--state", "--verbose");
      CliResult topology = kafkit("--describe", "--group", app, "--topology");
      assertEquals(apache("--describe", "--group", app, "--topology").out(), topology.out());
      assertTrue(topology.out().startsWith("Topologies:\n   Sub-topology: 0\n"), topology.out());
      assertTrue(topology.out().contains(app + "-counts-repartition"), topology.out());

      CliResult offsets = kafkit("--describe", "--group", app, "--output", "json");
      JsonNode group = Json.mapper().readTree(offsets.out()).get("groups").get(0);
      assertEquals("Stable", group.get("state").asText());
      assertEquals(4, group.get("partitions").size(), offsets.out()); // input and repartition

      // a group with members is neither reset nor deleted
      CliResult reset =
          kafkit(
              "--reset-offsets",
              "--group",
              app,
              "--all-input-topics",
              "--to-earliest",
              "--execute");
      assertEquals(1, reset.exitCode(), reset.toString());
      assertTrue(
          reset.err().contains("can only be reset if the group '" + app + "' is inactive"),
          reset.err());
      CliResult delete = kafkit("--delete", "--group", app);
      assertEquals(1, delete.exitCode(), delete.toString());
      assertTrue(delete.err().contains("is not EMPTY"), delete.err());
      assertEquals(20, committed(app).get(new TopicPartition(in, 0)).offset());
    }
  }

  @Test
  void resetsDeletesOffsetsAndDeletesAnEmptyGroup(@TempDir Path dir) throws Exception {
    String app = "sg-empty";
    String in = input(app);
    try (StreamsApp running = StreamsApp.start(cluster, app, in, app + "-out", true)) {
      running.awaitCaughtUp();
    }
    CliResult state = kafkit("--describe", "--group", app, "--state");
    assertEquals(0, state.exitCode(), state.toString());
    assertTrue(state.err().contains("Streams group '" + app + "' has no active members."));
    List<String> apacheState =
        apache("--describe", "--group", app, "--state").out().lines().toList();
    assertEquals(String.join("\n", apacheState.subList(2, apacheState.size())) + "\n", state.out());
    assertSameAsApache("--describe", "--group", app); // nothing: the group has no members
    assertSameAsApache("--list", "--state", "Empty");

    String[] earliest = {
      "--reset-offsets", "--group", app, "--all-input-topics", "--to-earliest", "--dry-run"
    };
    assertSameAsApache(earliest);
    assertSameAsApache(
        "--reset-offsets",
        "--group",
        app,
        "--input-topic",
        in + ":1",
        "--shift-by",
        "-5",
        "--dry-run");
    assertSameAsApache(
        "--reset-offsets",
        "--group",
        app,
        "--all-input-topics",
        "--to-offset",
        "7",
        "--dry-run",
        "--export");
    Path plan = dir.resolve("plan.csv");
    Files.writeString(plan, in + ",0,3\n" + in + ",1,4\n");
    assertSameAsApache(
        "--reset-offsets", "--group", app, "--from-file", plan.toString(), "--dry-run");
    // a plan without a row for the group resets nothing, and says so: a failure
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.csv"), "someone," + in + ",0,3\n");
    String[] noPlan = {
      "--reset-offsets", "--group", app, "--from-file", elsewhere.toString(), "--dry-run"
    };
    CliResult none = kafkit(noPlan);
    assertEquals(1, none.exitCode(), none.toString());
    assertEquals("Error: No reset plan for group " + app + " found.\n", none.err());
    assertEquals(
        apache(noPlan).out().replace("\nError: No reset plan for group " + app + " found.\n", ""),
        none.out());

    // a topic the group has not committed is refused, as Apache does
    CliResult notPart =
        kafkit(
            "--reset-offsets",
            "--group",
            app,
            "--input-topic",
            app + "-out",
            "--to-earliest",
            "--dry-run");
    assertEquals(1, notPart.exitCode(), notPart.toString());
    assertTrue(notPart.err().contains("One or more topics are not part of the group"));

    CliResult execute =
        kafkit(
            "--reset-offsets",
            "--group",
            app,
            "--all-input-topics",
            "--to-offset",
            "5",
            "--execute");
    assertEquals(0, execute.exitCode(), execute.toString());
    assertEquals(5, committed(app).get(new TopicPartition(in, 0)).offset());
    assertEquals(5, committed(app).get(new TopicPartition(in, 1)).offset());
    assertTrue(topics().contains(app + "-counts-changelog")); // kept without the flag

    CliResult deleteOffsets =
        kafkit("--delete-offsets", "--group", app, "--input-topic", in + ":0");
    assertEquals(
        "Request succeeded for deleting offsets from group "
            + app
            + ".\n\n"
            + String.format("%-15s %-10s %-15s%n", "TOPIC", "PARTITION", "STATUS")
            + String.format("%-15s %-10s %-15s%n", in, 0, "Successful"),
        deleteOffsets.out(),
        deleteOffsets.toString());
    assertFalse(committed(app).containsKey(new TopicPartition(in, 0)));

    CliResult delete = kafkit("--delete", "--group", app, "--delete-all-internal-topics");
    assertEquals(
        "Deletion of requested streams groups ('"
            + app
            + "') was successful.\n"
            + "Deletion of associated internal topics of the streams groups ('"
            + app
            + "') was successful.\n",
        delete.out(),
        delete.toString());
    Set<String> left = topics();
    assertFalse(left.contains(app + "-counts-changelog"), left.toString());
    assertFalse(left.contains(app + "-counts-repartition"), left.toString());
    assertTrue(left.contains(in) && left.contains(app + "-out"), left.toString());

    CliResult missing = kafkit("--describe", "--group", app);
    assertEquals(1, missing.exitCode(), missing.toString());
    assertEquals("Error: Streams group '" + app + "' does not exist.\n", missing.err());
  }

  @Test
  void aGroupOfAnotherTypeIsNamedInApachesWords() throws Exception {
    String g = cluster.consumerGroupWithOffset("streams-it-consumers");
    CliResult r = kafkit("--describe", "--group", g);
    assertEquals(1, r.exitCode(), r.toString());
    assertEquals("Error: Group " + g + " is not a streams group.\n", r.err());
    assertEquals("", r.out());
    String words = "Group " + g + " is not a streams group.";
    assertTrue(apache("--describe", "--group", g).out().contains(words));
  }

  @Test
  void usageErrorsInApachesWords() {
    String[][] cases = {
      {"--describe"},
      {"--describe", "--group", "g", "--members", "--state"},
      {"--describe", "--group", "g", "--state", "Stable"},
      {"--delete"},
      {"--delete", "--group", "g", "--input-topic", "t"},
      {"--delete-offsets", "--group", "g"},
      {"--delete-offsets", "--group", "a", "--group", "b", "--all-input-topics"},
      {"--reset-offsets", "--group", "g", "--all-input-topics", "--to-earliest"},
      {
        "--reset-offsets",
        "--group",
        "g",
        "--all-input-topics",
        "--to-earliest",
        "--dry-run",
        "--execute"
      },
      {"--reset-offsets", "--all-input-topics", "--to-earliest", "--dry-run"},
      {
        "--reset-offsets",
        "--group",
        "g",
        "--all-input-topics",
        "--to-earliest",
        "--to-latest",
        "--dry-run"
      },
      {
        "--reset-offsets",
        "--group",
        "g",
        "--all-input-topics",
        "--to-earliest",
        "--dry-run",
        "--delete-all-internal-topics"
      },
      {
        "--reset-offsets",
        "--group",
        "g",
        "--all-input-topics",
        "--to-earliest",
        "--dry-run",
        "--delete-internal-topic",
        "x"
      },
      {"--list", "--delete-all-internal-topics"},
      {"--list", "--dry-run"},
      {"--list", "--group", "g"},
      {"--describe", "--group", "g", "--all-groups"},
      {"--describe", "--group", "g", "--input-topic", "t"},
    };
    for (String[] args : cases) {
      CliResult k = kafkit(args);
      assertEquals(2, k.exitCode(), String.join(" ", args) + ": " + k);
      String first = apache(args).err().lines().findFirst().orElse("");
      assertTrue(
          k.err().startsWith("Error: " + first + "\n"),
          String.join(" ", args) + "\napache: " + first + "\nkafkit: " + k.err());
    }
  }
}
