package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafkit reassign-partitions against Apache's ReassignPartitionsCommand 4.4.0 on 3 brokers. */
class ReassignPartitionsIT {
  static final String APACHE = "org.apache.kafka.tools.reassign.ReassignPartitionsCommand";
  static final AtomicInteger ids = new AtomicInteger();
  static final KafkaCluster cluster = KafkaCluster.three();

  @TempDir Path dir;

  /** Leaves the shared cluster as it was: no reassignment in progress, no throttle. */
  @AfterEach
  void cancelEverything() throws Exception {
    try (Admin admin = cluster.admin()) {
      Map<org.apache.kafka.common.TopicPartition, Optional<NewPartitionReassignment>> cancel =
          new HashMap<>();
      admin
          .listPartitionReassignments()
          .reassignments()
          .get()
          .keySet()
          .forEach(tp -> cancel.put(tp, Optional.empty()));
      if (!cancel.isEmpty()) {
        admin.alterPartitionReassignments(cancel).all().get();
      }
      Map<ConfigResource, java.util.Collection<AlterConfigOp>> ops = new HashMap<>();
      for (int broker = 0; broker < 3; broker++) {
        ops.put(
            new ConfigResource(ConfigResource.Type.BROKER, "" + broker),
            List.of(
                new AlterConfigOp(
                    new ConfigEntry("leader.replication.throttled.rate", ""),
                    AlterConfigOp.OpType.DELETE),
                new AlterConfigOp(
                    new ConfigEntry("follower.replication.throttled.rate", ""),
                    AlterConfigOp.OpType.DELETE)));
      }
      admin.incrementalAlterConfigs(ops).all().get();
    }
  }

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> ReassignPartitionsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  /** A topic of four partitions of two replicas, laid out 0,1 / 1,2 / 2,0 / 0,1. */
  static String topic() throws Exception {
    String name = "move-" + ids.incrementAndGet();
    try (Admin admin = cluster.admin()) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(
                      name,
                      Map.of(
                          0, List.of(0, 1), 1, List.of(1, 2), 2, List.of(2, 0), 3, List.of(0, 1)))))
          .all()
          .get();
      // until every broker has made its replicas (the current assignment names their log dirs)
      java.util.Set<org.apache.kafka.common.TopicPartitionReplica> replicas =
          new java.util.HashSet<>();
      int[][] layout = {{0, 1}, {1, 2}, {2, 0}, {0, 1}};
      for (int p = 0; p < layout.length; p++) {
        for (int broker : layout[p]) {
          replicas.add(new org.apache.kafka.common.TopicPartitionReplica(name, p, broker));
        }
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (admin.describeReplicaLogDirs(replicas).all().get().values().stream()
          .anyMatch(d -> d.getCurrentReplicaLogDir() == null)) {
        assertTrue(System.nanoTime() < deadline, "the replicas of " + name + " were not made");
        Thread.sleep(100);
      }
    }
    return name;
  }

  static List<Integer> replicas(String topic, int partition) throws Exception {
    try (Admin admin = cluster.admin()) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .get(partition)
          .replicas()
          .stream()
          .map(Node::id)
          .toList();
    }
  }

  static Map<String, String> configs(ConfigResource.Type type, String name) throws Exception {
    try (Admin admin = cluster.admin()) {
      ConfigResource resource = new ConfigResource(type, name);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      Map<String, String> dynamic = new HashMap<>();
      config.entries().stream()
          .filter(e -> e.source().name().startsWith("DYNAMIC") && e.name().contains("throttled"))
          .forEach(e -> dynamic.put(e.name(), e.value()));
      return dynamic;
    }
  }

  /** Writes records of 1 KB until stopped; returns how many the broker acknowledged. */
  static final class Writer extends Thread {
    final String topic;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger acked = new AtomicInteger();
    final List<Exception> failures = new ArrayList<>();

    Writer(String topic) {
      this.topic = topic;
    }

    @Override
    public void run() {
      Properties p = new Properties();
      p.put("bootstrap.servers", cluster.bootstrapServers());
      p.put("acks", "all");
      try (var producer =
          new KafkaProducer<byte[], byte[]>(
              p, new ByteArraySerializer(), new ByteArraySerializer())) {
        while (!stop.get()) {
          producer.send(
              new ProducerRecord<>(topic, new byte[1024]),
              (md, e) -> {
                if (e == null) {
                  acked.incrementAndGet();
                } else {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              });
          Thread.sleep(2);
        }
        producer.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void executeListVerifyCancelAndWaitAsApacheDoes() throws Exception {
    String topic = topic();
    Writer writer = new Writer(topic);
    writer.start();
    try {
      Thread.sleep(1500); // some megabytes to copy
      Path plan = dir.resolve("plan.json");
      Files.writeString(
          plan,
          "{\"version\":1,\"partitions\":[{\"topic\":\""
              + topic
              + "\",\"partition\":0,\"replicas\":[1,2]},{\"topic\":\""
              + topic
              + "\",\"partition\":1,\"replicas\":[2,0]}]}");
      String file = plan.toString();

      // A throttle of 1 B/s keeps the reassignment in progress.
      CliResult executed = kafkit("--execute", "--reassignment-json-file", file, "--throttle", "1");
      assertEquals(0, executed.exitCode(), executed.toString());
      assertTrue(
          executed
              .out()
              .endsWith(
                  "Warning: You must run --verify periodically, until the reassignment completes, to"
                      + " ensure the throttle is removed.\n"
                      + "The inter-broker throttle limit was set to 1 B/s\n"
                      + "Successfully started partition reassignments for "
                      + topic
                      + "-0,"
                      + topic
                      + "-1\n"),
          executed.out());
      assertEquals(
          Map.of(
              "leader.replication.throttled.replicas", "0:0,0:1,1:1,1:2",
              "follower.replication.throttled.replicas", "0:2,1:0"),
          configs(ConfigResource.Type.TOPIC, topic));
      for (int broker = 0; broker < 3; broker++) {
        Map<String, String> rates = configs(ConfigResource.Type.BROKER, "" + broker);
        assertEquals("1", rates.get("leader.replication.throttled.rate"), "broker " + broker);
        assertEquals("1", rates.get("follower.replication.throttled.rate"), "broker " + broker);
      }

      CliResult list = kafkit("--list");
      assertEquals(apache("--list").out(), list.out());
      assertTrue(
          list.out().contains(topic + "-0: replicas: 1,2,0. adding: 2. removing: 0."), list.out());
      JsonNode listJson = Json.mapper().readTree(kafkit("--list", "--output", "json").out());
      assertEquals(List.of(2), List.of(listJson.get(0).get("adding").get(0).asInt()));

      String[] verify = {"--verify", "--reassignment-json-file", file, "--preserve-throttles"};
      CliResult inProgress = kafkit(verify);
      assertEquals(apache(verify).out(), inProgress.out());
      assertTrue(inProgress.out().contains("is still in progress."), inProgress.out());
      Path twice = dir.resolve("twice.json");
      Files.writeString(
          twice,
          Files.readString(plan)
              .replace(
                  "}]}", "},{\"topic\":\"" + topic + "\",\"partition\":0,\"replicas\":[0,1]}]}"));
      String[] verifyTwice = {
        "--verify", "--reassignment-json-file", twice.toString(), "--preserve-throttles"
      };
      assertEquals(apache(verifyTwice).out(), kafkit(verifyTwice).out(), "a partition named twice");

      String[] again = {"--execute", "--reassignment-json-file", file};
      CliResult refused = kafkit(again);
      assertEquals(1, refused.exitCode(), refused.toString());
      assertTrue(refused.err().startsWith("Error: Cannot execute because there is an existing"));

      // Resubmitted to change the throttle: a moving partition's factor is its target's.
      CliResult rethrottled =
          kafkit(
              "--execute",
              "--reassignment-json-file",
              file,
              "--additional",
              "--disallow-replication-factor-change",
              "--throttle",
              "2");
      assertEquals(0, rethrottled.exitCode(), rethrottled.toString());
      assertEquals(
          "2", configs(ConfigResource.Type.BROKER, "0").get("leader.replication.throttled.rate"));

      String[] cancel = {"--cancel", "--reassignment-json-file", file};
      CliResult cancelled = kafkit(cancel);
      assertEquals(
          "Successfully cancelled partition reassignments for: "
              + topic
              + "-0,"
              + topic
              + "-1\n"
              + "None of the specified partition moves are active.Clearing broker-level"
              + " throttles on brokers 0,1,2\n"
              + "Clearing topic-level throttles on topic "
              + topic
              + "\n",
          cancelled.out());
      assertEquals(
          java.util.Set.of(0, 1), java.util.Set.copyOf(replicas(topic, 0)), "back where it was");
      assertEquals(Map.of(), configs(ConfigResource.Type.TOPIC, topic), "throttles gone");

      // Apache's tool, on the same state (a cancelled reassignment): the same lines (a cancel may
      // leave the replicas in another order: the current assignment's JSON line aside).
      CliResult apacheExecuted =
          apache("--execute", "--reassignment-json-file", file, "--throttle", "1");
      assertEquals(apache(cancel).out(), cancelled.out());
      assertEquals(
          withoutJson(apacheExecuted.out()),
          withoutJson(
              kafkit("--execute", "--reassignment-json-file", file, "--throttle", "1").out()));
      assertEquals(cancelled.out(), kafkit(cancel).out());

      // At a rate that lets it finish: followed to the end, verified, throttles removed.
      CliResult waited =
          kafkit("--execute", "--reassignment-json-file", file, "--throttle", "50000000", "--wait");
      assertEquals(0, waited.exitCode(), waited.toString());
      assertTrue(
          waited
              .out()
              .contains(
                  "Status of partition reassignment:\n"
                      + "Reassignment of partition "
                      + topic
                      + "-0 is completed.\n"
                      + "Reassignment of partition "
                      + topic
                      + "-1 is completed.\n\n"
                      + "Clearing broker-level throttles on brokers 0,1,2\n"),
          waited.out());
      assertTrue(waited.err().contains(topic + "-0: done, replicas 1,2"), waited.err());
      assertEquals(List.of(1, 2), replicas(topic, 0));
      assertEquals(List.of(2, 0), replicas(topic, 1));
      assertEquals(Map.of(), configs(ConfigResource.Type.TOPIC, topic));
      assertEquals(
          apache("--verify", "--reassignment-json-file", file).out(),
          kafkit("--verify", "--reassignment-json-file", file).out());
    } finally {
      writer.stop.set(true);
      writer.join();
    }
    assertEquals(List.of(), writer.failures, "every write acknowledged");
    assertEquals(writer.acked.get(), endOffsets(topic), "nothing lost, nothing twice");
  }

  static String withoutJson(String out) {
    return out.replaceAll("(?m)^\\{\"version\":1.*$", "{...}");
  }

  static long endOffsets(String topic) throws Exception {
    try (Admin admin = cluster.admin()) {
      Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec>
          latest = new HashMap<>();
      for (int p = 0; p < 4; p++) {
        latest.put(
            new org.apache.kafka.common.TopicPartition(topic, p),
            org.apache.kafka.clients.admin.OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(o -> o.offset())
          .sum();
    }
  }

  @Test
  void generateKeepsApachesCurrentAssignmentAndProposesAValidPlan() throws Exception {
    String topic = topic();
    Path topics = dir.resolve("topics.json");
    Files.writeString(topics, "{\"topics\":[{\"topic\":\"" + topic + "\"}],\"version\":1}");
    String[] args = {
      "--generate", "--topics-to-move-json-file", topics.toString(), "--broker-list", "0,1,2"
    };
    CliResult ours = kafkit(args);
    CliResult theirs = apache(args);
    assertEquals(0, ours.exitCode(), ours.toString());
    List<String> a = ours.out().lines().toList();
    List<String> b = theirs.out().lines().toList();
    assertEquals(b.subList(0, 4), a.subList(0, 4), "the current assignment, byte for byte");
    assertEquals(5, a.size(), ours.out());
    JsonNode proposed = Json.mapper().readTree(a.get(4));
    assertEquals(4, proposed.get("partitions").size());
    for (JsonNode p : proposed.get("partitions")) {
      assertEquals(2, p.get("replicas").size(), p.toString());
      assertTrue(p.get("replicas").get(0).asInt() != p.get("replicas").get(1).asInt());
      assertEquals("[\"any\",\"any\"]", p.get("log_dirs").toString());
    }

    // Over brokers 0,1,2 the layout is balanced already: a minimal plan moves nothing.
    CliResult minimal =
        kafkit(
            "--generate",
            "--topics-to-move-json-file",
            topics.toString(),
            "--broker-list",
            "0,1,2",
            "--minimal-moves",
            "--output",
            "json");
    JsonNode plan = Json.mapper().readTree(minimal.out());
    assertEquals(0, plan.get("moves").asInt(), minimal.out());
    assertEquals(8, plan.get("replicas").asInt());
    // Over 1,2 only: broker 0's three replicas move, nothing else.
    CliResult away =
        kafkit(
            "--generate",
            "--topics-to-move-json-file",
            topics.toString(),
            "--broker-list",
            "1,2",
            "--minimal-moves");
    assertTrue(away.err().startsWith("The plan moves 3 of 8 replicas"), away.err());
  }

  @Test
  void aStoppedBrokerTheThrottleMustReachIsNamed() throws Exception {
    String topic = topic(); // partition 1 on brokers 1 and 2
    Path plan = dir.resolve("off-2.json");
    Files.writeString(
        plan,
        "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":1,\"replicas\":[1,0]}]}");
    cluster.kit().brokers().get(2).shutdown();
    cluster.kit().brokers().get(2).awaitShutdown();
    try {
      CliResult executed =
          kafkit(
              "--execute",
              "--reassignment-json-file",
              plan.toString(),
              "--throttle",
              "1000",
              "--connect-timeout",
              "3s");
      assertEquals(1, executed.exitCode(), executed.toString());
      assertTrue(
          executed.err().startsWith("Error: Broker 2 did not answer ("), executed.toString());
      assertTrue(executed.err().contains("each must be running"), executed.err());
      try (Admin admin = cluster.admin()) {
        assertEquals(
            Map.of(), admin.listPartitionReassignments().reassignments().get(), "nothing moved");
      }
    } finally {
      cluster.restartBroker(2);
      try (Admin admin = cluster.admin()) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (admin.describeCluster().nodes().get().size() < 3) {
          assertTrue(System.nanoTime() < deadline, "broker 2 did not come back");
          Thread.sleep(200);
        }
      }
    }
  }

  @Test
  void aPlanThatCannotBeAppliedIsRefusedBeforeAnythingMoves() throws Exception {
    String topic = topic();
    Path plan = dir.resolve("bad.json");
    Files.writeString(
        plan,
        "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":0,\"replicas\":[1,9]}]}");
    CliResult unknown = kafkit("--execute", "--reassignment-json-file", plan.toString());
    assertEquals(1, unknown.exitCode(), unknown.toString());
    assertEquals("Error: Unknown broker id 9: the cluster's brokers are 0,1,2.\n", unknown.err());

    Files.writeString(
        plan,
        "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":0,\"replicas\":[0,1,2]}]}");
    CliResult grown =
        kafkit(
            "--execute",
            "--reassignment-json-file",
            plan.toString(),
            "--throttle",
            "1000",
            "--disallow-replication-factor-change");
    assertEquals(1, grown.exitCode(), grown.toString());
    assertTrue(grown.err().contains("the replication factor is changed from 2 to 3"), grown.err());
    assertEquals(Map.of(), configs(ConfigResource.Type.TOPIC, topic), "no throttle set");

    Files.writeString(
        plan,
        "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":7,\"replicas\":[0,1]}]}");
    CliResult missing = kafkit("--execute", "--reassignment-json-file", plan.toString());
    assertEquals(1, missing.exitCode(), missing.toString());
    assertEquals("Error: Unable to find partition: " + topic + "-7\n", missing.err());
    assertEquals("No partition reassignments found.\n", kafkit("--list").out());
  }

  @Test
  void usageErrorsInApachesWords() {
    List<String[]> cases =
        List.of(
            new String[] {"--list", "--verify"},
            new String[] {"--execute"},
            new String[] {"--generate", "--topics-to-move-json-file", "t.json"},
            new String[] {"--list", "--throttle", "1", "--additional"},
            new String[] {"--execute", "--reassignment-json-file", "f", "--preserve-throttles"});
    for (String[] args : cases) {
      CliResult ours = kafkit(args);
      CliResult theirs = apache(args);
      assertEquals(2, ours.exitCode(), ours.toString());
      assertEquals(1, theirs.exitCode(), theirs.toString());
      assertEquals(
          "Error: " + theirs.err().lines().findFirst().orElseThrow(),
          ours.err().lines().findFirst().orElseThrow());
    }
  }

  @Test
  void everyApacheOptionIsAccepted() {
    ApacheOptions.allAccepted(APACHE, ReassignPartitionsCommand.class);
  }
}
