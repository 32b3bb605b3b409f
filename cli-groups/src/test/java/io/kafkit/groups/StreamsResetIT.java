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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kafka-streams-application-reset.sh's resets against a real cluster, on real Kafka Streams
 * applications (the classic protocol), side by side with Apache's tool.
 */
class StreamsResetIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final String APACHE = "org.apache.kafka.tools.StreamsResetter";

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> StreamsResetCommand.class).run(cluster.withBootstrap(args));
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

  static void send(String topic, int records) {
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        int partition = i % 3 == 2 ? 1 : 0; // partition 0 gets two thirds, partition 1 one third
        p.send(
            new ProducerRecord<>(
                topic, partition, null, ("v" + i % 5).getBytes(StandardCharsets.UTF_8)));
      }
      p.flush();
    }
  }

  static Map<TopicPartition, Long> committed(String group) throws Exception {
    try (Admin admin = cluster.admin()) {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin
          .listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec()))
          .partitionsToOffsetAndMetadata(group)
          .get()
          .forEach((tp, o) -> offsets.put(tp, o == null ? null : o.offset()));
      return offsets;
    }
  }

  static Set<String> topics() throws Exception {
    try (Admin admin = cluster.admin()) {
      return admin.listTopics().names().get();
    }
  }

  /** Two stopped applications on one input (2 partitions of 30 records) and one intermediate. */
  @Test
  void resetsStoppedApplicationsAsApacheDoes(@TempDir Path dir) throws Exception {
    String in = cluster.createTopic("sr-in", 2);
    String mid = cluster.createTopic("sr-mid", 2);
    cluster.createTopic("sr-out", 1);
    send(in, 30);
    send(mid, 9);
    String app = "sr-kafkit";
    String other = "sr-apache";
    try (StreamsApp running = StreamsApp.start(cluster, app, in, "sr-out", false)) {
      running.awaitCaughtUp();
      // a running application is refused by both; --force in a dry run removes nobody
      CliResult refused = kafkit("--application-id", app, "--input-topics", in);
      assertEquals(1, refused.exitCode(), refused.toString());
      assertTrue(
          refused.err().startsWith("Error: Consumer group '" + app + "' is still active and has"),
          refused.err());
      assertEquals("", refused.out());
      assertEquals(1, apache("--application-id", app, "--input-topics", in).exitCode());
      CliResult dryForce =
          kafkit("--application-id", app, "--input-topics", in, "--force", "--dry-run");
      assertEquals(0, dryForce.exitCode(), dryForce.toString());
      assertTrue(dryForce.err().startsWith("Dry run: --force would remove the 1 member"));
      try (Admin admin = cluster.admin()) {
        var d = admin.describeConsumerGroups(List.of(app)).all().get().get(app);
        assertEquals(1, d.members().size(), d.toString());
      }
      assertEquals(20L, committed(app).get(new TopicPartition(in, 0)));
    }
    try (StreamsApp running = StreamsApp.start(cluster, other, in, "sr-out", false)) {
      running.awaitCaughtUp();
    }

    // dry runs: byte for byte Apache's lines, in its order
    assertSameAsApache("--application-id", app, "--input-topics", in, "--dry-run");
    assertSameAsApache("--application-id", app, "--dry-run");
    assertSameAsApache(
        "--application-id",
        app,
        "--input-topics",
        in + "," + mid,
        "--to-offset",
        "15",
        "--dry-run");
    assertSameAsApache(
        "--application-id", app, "--input-topics", in, "--shift-by", "-4", "--dry-run");
    assertSameAsApache(
        "--application-id",
        app,
        "--input-topics",
        in,
        "--to-datetime",
        "2099-01-01T00:00:00.000",
        "--dry-run");
    assertSameAsApache(
        "--application-id", app, "--input-topics", in, "--by-duration", "P1D", "--dry-run");
    assertSameAsApache(
        "--application-id",
        app,
        "--input-topics",
        in + ",sr-missing",
        "--intermediate-topics",
        mid + ",sr-gone",
        "--internal-topics",
        app + "-counts-changelog",
        "--dry-run");
    Path plan = dir.resolve("plan.csv");
    Files.writeString(plan, in + ",0,7\n" + in + ",1,99\n");
    assertSameAsApache(
        "--application-id", app, "--input-topics", in, "--from-file", plan.toString(), "--dry-run");
    Map<TopicPartition, Long> before = committed(app);

    // what Apache fails at half-way, kafkit refuses before changing anything
    CliResult notInternal =
        kafkit("--application-id", app, "--input-topics", in, "--internal-topics", in);
    assertEquals(1, notInternal.exitCode(), notInternal.toString());
    assertTrue(
        notInternal.err().startsWith("Error: --internal-topics: '" + in + "' is not an internal"),
        notInternal.err());
    Files.writeString(plan, in + ",0,7\n");
    CliResult partial =
        kafkit("--application-id", app, "--input-topics", in, "--from-file", plan.toString());
    assertEquals(1, partial.exitCode(), partial.toString());
    assertEquals(
        "Error: --from-file has no offset for "
            + in
            + "-1: give offsets of exactly the input topics' partitions. Nothing was changed.\n",
        partial.err());
    assertEquals(before, committed(app));

    // JSON
    CliResult json =
        kafkit(
            "--application-id",
            app,
            "--input-topics",
            in,
            "--to-latest",
            "--dry-run",
            "--output",
            "json");
    assertEquals(0, json.exitCode(), json.toString());
    JsonNode result = Json.mapper().readTree(json.out());
    assertTrue(result.get("dryRun").asBoolean());
    assertEquals(2, result.get("offsets").size(), json.out());
    assertEquals(2, result.get("internalTopics").size(), json.out());

    // the same real run by each tool on its application: the same lines, offsets and topics
    String[] args = {
      "--input-topics", in, "--intermediate-topics", mid, "--to-offset", "5", "--internal-topics"
    };
    CliResult a = apache(concat("--application-id", other, args, other + "-counts-repartition"));
    CliResult k = kafkit(concat("--application-id", app, args, app + "-counts-repartition"));
    assertEquals(0, k.exitCode(), k.toString());
    assertEquals(a.out().replace(other, app), k.out(), "apache:\n" + a + "\nkafkit:\n" + k);
    // (the broker drops a deleted topic's committed offsets in its own time)
    Map<TopicPartition, Long> reset = committed(app);
    reset.keySet().removeIf(tp -> !tp.topic().equals(in) && !tp.topic().equals(mid));
    Map<TopicPartition, Long> apacheReset = committed(other);
    apacheReset.keySet().removeIf(tp -> !tp.topic().equals(in) && !tp.topic().equals(mid));
    assertEquals(apacheReset, reset);
    assertEquals(5L, reset.get(new TopicPartition(in, 0)));
    assertEquals(5L, reset.get(new TopicPartition(in, 1)));
    assertEquals(6L, reset.get(new TopicPartition(mid, 0)));
    assertEquals(3L, reset.get(new TopicPartition(mid, 1)));
    Set<String> left = topics();
    assertFalse(left.contains(app + "-counts-repartition"), left.toString());
    assertTrue(left.contains(app + "-counts-changelog"), left.toString());

    // the rest of the internal topics, and a file plan
    Files.writeString(plan, in + ",0,2\n" + in + ",1,3\n");
    CliResult rest =
        kafkit("--application-id", app, "--input-topics", in, "--from-file", plan.toString());
    assertEquals(0, rest.exitCode(), rest.toString());
    assertTrue(
        rest.out()
            .endsWith("Deleting inferred internal topics [" + app + "-counts-changelog]\nDone.\n"),
        rest.out());
    assertEquals(2L, committed(app).get(new TopicPartition(in, 0)));
    assertEquals(3L, committed(app).get(new TopicPartition(in, 1)));
    assertFalse(topics().contains(app + "-counts-changelog"));
  }

  /** An instance that stopped without leaving its group is removed with --force, as Apache does. */
  @Test
  void forceRemovesMembersOfAStoppedInstance() throws Exception {
    String in = cluster.createTopic("srf-in", 2);
    cluster.createTopic("srf-out", 1);
    send(in, 6);
    String app = "srf-app";
    StreamsApp crashed = StreamsApp.start(cluster, app, in, "srf-out", false);
    crashed.awaitCaughtUp();
    crashed.closeWithoutLeaving();
    CliResult refused = kafkit("--application-id", app, "--input-topics", in);
    assertEquals(1, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("or use --force to remove them."), refused.err());

    CliResult forced = kafkit("--application-id", app, "--input-topics", in, "--force");
    assertEquals(0, forced.exitCode(), forced.toString());
    assertTrue(
        forced
            .out()
            .startsWith(
                "Force deleting all active members in the group: "
                    + app
                    + "\n"
                    + "Reset-offsets for input topics ["
                    + in
                    + "]\n"),
        forced.out());
    try (Admin admin = cluster.admin()) {
      var d = admin.describeConsumerGroups(List.of(app)).all().get().get(app);
      assertTrue(d.members().isEmpty(), d.toString());
    }
    assertEquals(0L, committed(app).get(new TopicPartition(in, 0)));
    assertFalse(topics().contains(app + "-counts-changelog"));
  }

  /**
   * An application on the streams protocol has a streams group, whose members --force cannot
   * remove.
   */
  @Test
  void refusesARunningStreamsGroup() throws Exception {
    String in = cluster.createTopic("srs-in", 2);
    cluster.createTopic("srs-out", 1);
    send(in, 6);
    String app = "srs-app";
    try (StreamsApp running = StreamsApp.start(cluster, app, in, "srs-out", true)) {
      running.awaitCaughtUp();
      CliResult refused = kafkit("--application-id", app, "--input-topics", in, "--force");
      assertEquals(1, refused.exitCode(), refused.toString());
      assertTrue(
          refused.err().startsWith("Error: '" + app + "' is a streams group"), refused.err());
      assertEquals("", refused.out());
    }
    CliResult stopped = kafkit("--application-id", app, "--input-topics", in, "--dry-run");
    assertEquals(0, stopped.exitCode(), stopped.toString());
  }

  @Test
  void usageErrorsInApachesWords() {
    String[][] cases = {
      {"--application-id", "a", "--to-earliest", "--to-latest"},
      {"--application-id", "a", "--to-latest", "--to-offset", "1", "--shift-by", "3"},
      {"--application-id", "a", "--from-file", "f", "--by-duration", "PT1H"},
    };
    for (String[] c : cases) {
      CliResult a = apache(c);
      CliResult k = kafkit(c);
      String what = String.join(" ", c) + "\napache:\n" + a + "\nkafkit:\n" + k;
      assertEquals(2, k.exitCode(), what);
      assertEquals(
          a.err().lines().findFirst().orElseThrow(),
          k.err().lines().findFirst().orElseThrow().replaceFirst("^Error: ", ""),
          what);
    }
    CliResult missing = kafkit("--input-topics", "t");
    assertEquals(2, missing.exitCode(), missing.toString());
    CliResult badOffset =
        kafkit("--application-id", "a", "--input-topics", "t", "--to-offset", "x");
    assertEquals(2, badOffset.exitCode(), badOffset.toString());
    CliResult badTime =
        kafkit("--application-id", "a", "--input-topics", "t", "--to-datetime", "yesterday");
    assertEquals(2, badTime.exitCode(), badTime.toString());
    assertEquals("", badTime.out());
  }

  private static String[] concat(String flag, String value, String[] middle, String last) {
    String[] all = new String[middle.length + 3];
    all[0] = flag;
    all[1] = value;
    System.arraycopy(middle, 0, all, 2, middle.length);
    all[all.length - 1] = last;
    return all;
  }
}
