package io.kafkit.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka-topics.sh's lines against a real one-broker KRaft cluster. */
class TopicsIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final AtomicInteger ids = new AtomicInteger();
  final CliRunner kafkit = new CliRunner(TopicsCommand::new);

  static String unique(String prefix) {
    return prefix + "-" + ids.incrementAndGet() + "-" + System.nanoTime() % 100000;
  }

  CliResult topics(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--bootstrap-server";
    all[1] = cluster.bootstrapServers();
    System.arraycopy(args, 0, all, 2, args.length);
    return kafkit.run(all);
  }

  static void assertFails(CliResult r, int code, String text) {
    assertEquals(code, r.exitCode(), r.toString());
    assertTrue(r.err().contains(text), "expected '" + text + "' in:\n" + r);
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
  }

  @Test
  void createDescribeAsApachePrintsThem() {
    String t = unique("orders");
    CliResult created =
        topics("--create", "--topic", t, "--partitions", "3", "--replication-factor", "1");
    assertEquals(0, created.exitCode(), created.toString());
    assertEquals("Created topic " + t + ".\n", created.out());

    CliResult d = topics("--describe", "--topic", t);
    assertEquals(0, d.exitCode(), d.toString());
    List<String> lines = d.out().lines().toList();
    assertEquals(4, lines.size(), d.out());
    // The layout of ../shared/golden/topics-describe.txt (Apache 4.3.1 against a 4.4.0 broker).
    assertTrue(
        lines
            .get(0)
            .matches(
                "Topic: "
                    + t
                    + "\tTopicId: [\\w-]{22}\tPartitionCount: 3\t"
                    + "ReplicationFactor: 1\tConfigs: .*"),
        lines.get(0));
    for (int p = 0; p < 3; p++) {
      assertTrue(
          lines
              .get(p + 1)
              .matches(
                  "\tTopic: "
                      + t
                      + "\tPartition: "
                      + p
                      + "\tLeader: \\d+\tReplicas: \\d+\tIsr: \\d+\tElr: \tLastKnownElr: "),
          lines.get(p + 1));
    }
    CliResult list = topics("--list");
    assertTrue(list.out().lines().anyMatch(t::equals), list.out());
  }

  @Test
  void createDefaultsComeFromTheBrokerAndOneDashOptionsWork() {
    String t = unique("defaults");
    CliResult created =
        kafkit.run("-bootstrap-server", cluster.bootstrapServers(), "-create", "-topic", t);
    assertEquals(0, created.exitCode(), created.toString());
    assertTrue(
        topics("--describe", "--topic", t)
            .out()
            .contains("PartitionCount: 1\tReplicationFactor: 1"));
  }

  @Test
  void existingTopicFailsUnlessIfNotExists() {
    String t = unique("twice");
    assertEquals(0, topics("--create", "--topic", t).exitCode());
    CliResult again = topics("--create", "--topic", t);
    assertFails(
        again, 1, "Error while executing topic command : Topic '" + t + "' already exists.");
    CliResult quiet = topics("--create", "--topic", t, "--if-not-exists");
    assertEquals(0, quiet.exitCode(), quiet.toString());
    assertEquals("", quiet.out());
  }

  @Test
  void createErrorsAreOneLineAndCreateNothing() {
    String t = unique("bad");
    assertFails(
        topics("--create", "--topic", t, "--replication-factor", "3"), 1, "replication factor");
    assertFails(
        topics("--create", "--topic", t, "--config", "no.such.config=1"), 1, "no.such.config");
    assertFails(
        topics("--create", "--topic", t, "--config", "retention.ms=soon"), 1, "retention.ms");
    assertFails(topics("--create", "--topic", "bad name!"), 1, "bad name!");
    assertFails(
        topics("--create", "--topic", t, "--partitions", "0"),
        2,
        "The partitions must be greater than 0");
    assertFalse(topics("--list").out().lines().anyMatch(t::equals), "nothing half-done");
  }

  @Test
  void collisionWarningForDotsAndUnderscores() {
    String t = unique("a.b_c");
    CliResult r = topics("--create", "--topic", t);
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(CreateTopic.COLLISION_WARNING + "\nCreated topic " + t + ".\n", r.out());
  }

  @Test
  void alterGrowsPartitionsAndRefusesToShrink() {
    String t = unique("grow");
    topics("--create", "--topic", t, "--partitions", "2");
    CliResult grow = topics("--alter", "--topic", t, "--partitions", "4");
    assertEquals(0, grow.exitCode(), grow.toString());
    assertEquals("", grow.out());
    assertTrue(topics("--describe", "--topic", t).out().contains("PartitionCount: 4"));
    assertFails(
        topics("--alter", "--topic", t, "--partitions", "3"),
        1,
        "The number of partitions for a topic can only be increased. Topic "
            + t
            + " currently has 4 partitions, 3 would not be an increase.");
  }

  @Test
  void alterConfigAndDeleteConfigAsOlderGuidesDo() throws Exception {
    String t = unique("retention");
    topics("--create", "--topic", t);
    CliResult set = topics("--alter", "--topic", t, "--config", "retention.ms=3600000");
    assertEquals(0, set.exitCode(), set.toString());
    assertTrue(topics("--describe", "--topic", t).out().contains("retention.ms=3600000"));
    CliResult overrides = topics("--describe", "--topics-with-overrides", "--topic", t);
    assertTrue(overrides.out().startsWith("Topic: " + t + "\t"), overrides.out());
    assertEquals(1, overrides.out().lines().count(), "summary lines only: " + overrides.out());
    assertFails(
        topics("--alter", "--topic", t, "--config", "retention.ms=x", "--partitions", "5"),
        1,
        "retention.ms");
    assertTrue(
        topics("--describe", "--topic", t).out().contains("PartitionCount: 1"),
        "nothing half-done");
    CliResult unset = topics("--alter", "--topic", t, "--delete-config", "retention.ms");
    assertEquals(0, unset.exitCode(), unset.toString());
    assertFalse(topics("--describe", "--topic", t).out().contains("retention.ms=3600000"));
  }

  @Test
  void unknownTopicsFailUnlessIfExists() {
    String t = unique("ghost");
    for (String action : List.of("--describe", "--delete")) {
      assertFails(topics(action, "--topic", t), 1, "Topic '" + t + "' does not exist as expected");
      CliResult quiet = topics(action, "--topic", t, "--if-exists");
      assertEquals(0, quiet.exitCode(), quiet.toString());
    }
    assertFails(
        topics("--alter", "--topic", t, "--partitions", "2"), 1, "does not exist as expected");
    CliResult none = topics("--list", "--topic", t);
    assertEquals("\n", none.out(), "Apache prints one empty line");
  }

  @Test
  void regexDeleteListsWhatItDeleted() {
    String prefix = unique("del");
    topics("--create", "--topic", prefix + ".one");
    topics("--create", "--topic", prefix + ".two");
    CliResult deleted = topics("--delete", "--topic", prefix + "\\..*");
    assertEquals(0, deleted.exitCode(), deleted.toString());
    assertEquals("", deleted.out());
    assertEquals(
        "Deleted topic " + prefix + ".one.\nDeleted topic " + prefix + ".two.\n", deleted.err());
    assertFalse(topics("--list").out().contains(prefix));
  }

  @Test
  void commaSeparatedTopicsAndExcludeInternal() throws Exception {
    String a = unique("comma-a");
    String b = unique("comma-b");
    topics("--create", "--topic", a);
    topics("--create", "--topic", b);
    CliResult r = topics("--list", "--topic", a + "," + b);
    assertEquals(a + "\n" + b + "\n", r.out());
    try (Admin admin = cluster.admin()) {
      // make sure __consumer_offsets exists
      admin.listConsumerGroupOffsets("g").all().get();
    } catch (Exception ignored) {
      // the coordinator lookup creates the topic even if this call fails
    }
    CliResult excluded = topics("--list", "--exclude-internal");
    assertFalse(excluded.out().contains("__consumer_offsets"), excluded.out());
  }

  @Test
  void jsonIsTheResultOfCreateAndDeleteAndRefusedForAlter() throws Exception {
    String t = unique("json-create");
    CliResult created = topics("--create", "--topic", t, "--output", "json");
    assertEquals(0, created.exitCode(), created.toString());
    JsonNode doc = new ObjectMapper().readTree(created.out());
    assertEquals(t, doc.get("topic").asText());
    assertTrue(doc.get("created").asBoolean(), created.out());
    CliResult again = topics("--create", "--topic", t, "--if-not-exists", "--output", "json");
    assertEquals(0, again.exitCode(), again.toString());
    assertFalse(new ObjectMapper().readTree(again.out()).get("created").asBoolean(), again.out());

    CliResult alter = topics("--alter", "--topic", t, "--partitions", "2", "--output", "json");
    assertFails(alter, 2, "--output json: --alter prints no result to format");
    JsonNode unchanged =
        new ObjectMapper().readTree(topics("--describe", "--topic", t, "--output", "json").out());
    assertEquals(1, unchanged.get("topics").get(0).get("partitionCount").asInt(), "not altered");

    CliResult deleted = topics("--delete", "--topic", t, "--output", "json");
    assertEquals(0, deleted.exitCode(), deleted.toString());
    assertEquals(t, new ObjectMapper().readTree(deleted.out()).get("deleted").get(0).asText());
    assertEquals("", deleted.err());
  }

  @Test
  void jsonDescribeParsesBack() throws Exception {
    String t = unique("json");
    topics("--create", "--topic", t, "--partitions", "2", "--config", "cleanup.policy=compact");
    CliResult r = topics("--describe", "--topic", t, "--output", "json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    JsonNode topic = doc.get("topics").get(0);
    assertEquals(t, topic.get("topic").asText());
    assertEquals(2, topic.get("partitionCount").asInt());
    assertEquals(1, topic.get("replicationFactor").asInt());
    assertEquals("compact", topic.get("configs").get("cleanup.policy").asText());
    assertEquals(2, topic.get("partitions").size());
    assertTrue(topic.get("partitions").get(0).get("isr").isArray());
    JsonNode list =
        new ObjectMapper().readTree(topics("--list", "--topic", t, "--output", "json").out());
    assertEquals(t, list.get(0).asText());
  }

  @Test
  void usageErrorsExitTwo() {
    assertFails(kafkit.run("--bootstrap-server", "x:1"), 2, "Missing required argument");
    assertFails(topics("--list", "--describe"), 2, "mutually exclusive");
    assertFails(kafkit.run("--zookeeper", "zk:2181", "--list"), 2, "Kafka 4 has no ZooKeeper");
    assertFails(topics("--create"), 2, "Missing required argument \"[topic]\"");
    assertFails(topics("--list", "--partitions", "3"), 2, "--partitions can only be used with");
    assertFails(topics("--describe", "--topic", "("), 2, "is not a regular expression");
    assertFails(topics("--describe", "--topic-id", "notanid"), 2, "is not a topic id");
    assertFails(
        topics("--describe", "--topic-id", "7ftKI_wOT3Wn6fC8cUbJRA"),
        1,
        "TopicId '7ftKI_wOT3Wn6fC8cUbJRA' does not exist as expected");
    CliResult absent = topics("--describe", "--topic-id", "7ftKI_wOT3Wn6fC8cUbJRA", "--if-exists");
    assertEquals(0, absent.exitCode(), "nothing to describe, as Apache: " + absent);
    assertEquals("", absent.out());
    CliResult ignored = topics("--list", "--delete-config", "retention.ms");
    assertEquals(0, ignored.exitCode(), "ignored outside --alter, as Apache does: " + ignored);
    assertTrue(ignored.err().contains("--delete-config is only used with --alter"), ignored.err());
    assertFails(
        topics("--create", "--topic", unique("noeq"), "--config", "retention.ms"),
        2,
        "all configs to be added must be in the format \"key=val\"");
  }

  @Test
  void alterReplicaAssignmentNeedsPartitionsAndChangesNothingWithout() throws Exception {
    String t = unique("placed");
    assertEquals(0, topics("--create", "--topic", t, "--partitions", "1").exitCode());
    try (Admin admin = cluster.admin()) {
      String broker = admin.describeCluster().nodes().get().iterator().next().idString();
      String assignment = broker + "," + broker;
      assertFails(
          topics("--alter", "--topic", t, "--replica-assignment", assignment),
          2,
          "Missing required argument \"[partitions]\"");
      assertEquals(
          1, admin.describeTopics(List.of(t)).allTopicNames().get().get(t).partitions().size());
      CliResult grown =
          topics("--alter", "--topic", t, "--partitions", "2", "--replica-assignment", assignment);
      assertEquals(0, grown.exitCode(), grown.toString());
      assertEquals(
          2, admin.describeTopics(List.of(t)).allTopicNames().get().get(t).partitions().size());
    }
  }

  @Test
  void aClientConfigWithALongRequestTimeoutIsAccepted(@TempDir Path dir) throws Exception {
    // The admin client refuses default.api.timeout.ms below request.timeout.ms; kafkit sets the
    // former from --connect-timeout, so it must follow a longer request.timeout.ms the user set.
    Path config = dir.resolve("client.properties");
    Files.writeString(config, "request.timeout.ms=60000\n");
    CliResult listed = topics("--list", "--command-config", config.toString());
    assertEquals(0, listed.exitCode(), listed.toString());
    CliResult apiOnly = topics("--list", "--command-property", "default.api.timeout.ms=5000");
    assertEquals(0, apiOnly.exitCode(), apiOnly.toString());
  }
}
