package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kafkit broker start --nodes 3} as a user runs it: three real node processes, a leader
 * stopped and brought back while records are written, nothing lost.
 */
class ClusterIT {
  final DistRunner dist = new DistRunner();
  final ObjectMapper json = new ObjectMapper();
  @TempDir Path tmp;
  Path dataDir;

  @AfterEach
  void stop() {
    if (dataDir != null) {
      dist.run("kafkit", "broker", "stop", "--data-dir", dataDir.toString());
    }
  }

  private CliResult broker(String action, String... more) {
    List<String> args = new ArrayList<>(List.of("broker", action, "--data-dir", "" + dataDir));
    args.addAll(List.of(more));
    return dist.run("kafkit", args.toArray(String[]::new));
  }

  private CliResult kafkit(String... args) {
    return dist.run("kafkit", args);
  }

  @Test
  void threeNodesFailOverAndComeBackWithNothingLost() throws Exception {
    dataDir = tmp.resolve("cluster");
    int port = Ports.freeRange(6);
    CliResult started = broker("start", "--nodes", "3", "--port", "" + port);
    assertEquals(0, started.exitCode(), started.toString());
    String bootstrap =
        IntStream.range(0, 3)
            .mapToObj(i -> "localhost:" + (port + i))
            .collect(Collectors.joining(","));
    assertEquals(bootstrap + "\n", started.out(), "every node's bootstrap server on stdout");
    for (int node = 1; node <= 3; node++) {
      assertTrue(
          Files.exists(dataDir.resolve("node-" + node + "/logs/broker.log")), "node " + node);
    }

    JsonNode status = json.readTree(broker("status", "--output", "json").out());
    assertEquals(3, status.get("nodes").size(), status.toString());
    for (JsonNode node : status.get("nodes")) {
      assertEquals("up", node.get("state").asText(), status.toString());
      assertEquals("broker,controller", node.get("roles").asText(), status.toString());
      assertEquals(port + node.get("id").asInt() - 1, node.get("port").asInt(), status.toString());
      assertEquals(port + 3 + node.get("id").asInt() - 1, node.get("controllerPort").asInt());
    }

    CliResult created =
        kafkit(
            "topics",
            "--create",
            "--topic",
            "orders",
            "--partitions",
            "3",
            "--bootstrap-server",
            bootstrap);
    assertEquals(0, created.exitCode(), created.toString());
    TopicPartitionInfo before;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      TopicDescription orders =
          admin.describeTopics(List.of("orders")).allTopicNames().get().get("orders");
      before = orders.partitions().get(0);
      assertEquals(3, before.replicas().size(), "three replicas by default: " + orders);
      String minIsr =
          admin
              .describeConfigs(
                  List.of(
                      new org.apache.kafka.common.config.ConfigResource(
                          org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "orders")))
              .all()
              .get()
              .values()
              .iterator()
              .next()
              .get("min.insync.replicas")
              .value();
      assertEquals("2", minIsr);
    }
    produce(bootstrap, 1, 500);

    int leader = before.leader().id();
    CliResult stopped = broker("stop", "--node", "" + leader);
    assertEquals(0, stopped.exitCode(), stopped.toString());
    assertEquals(
        "Stopped node " + leader, stopped.err().substring(0, ("Stopped node " + leader).length()));

    CliResult described =
        kafkit("topics", "--describe", "--topic", "orders", "--bootstrap-server", bootstrap);
    assertEquals(0, described.exitCode(), described.toString());
    String partition0 =
        described.out().lines().filter(l -> l.contains("Partition: 0\t")).findFirst().orElseThrow();
    assertTrue(!partition0.contains("Leader: " + leader + "\t"), "a new leader: " + partition0);
    assertTrue(partition0.matches(".*Isr: \\d,\\d\\t.*"), "two in sync: " + partition0);

    JsonNode partial = json.readTree(broker("status", "--output", "json").out());
    assertEquals(
        "down", partial.get("nodes").get(leader - 1).get("state").asText(), partial.toString());
    CliResult partialText = broker("status");
    assertEquals(ExitCodes.FAILED, partialText.exitCode(), "not every node runs: " + partialText);
    assertTrue(partialText.out().startsWith("2 of 3 nodes of the cluster run"), partialText.out());

    produce(bootstrap, 501, 1000);
    CliResult restarted = broker("start", "--node", "" + leader);
    assertEquals(0, restarted.exitCode(), restarted.toString());
    assertEquals(bootstrap + "\n", restarted.out());
    produce(bootstrap, 1001, 1500);

    CliResult consumed =
        kafkit(
            "console-consumer",
            "--topic",
            "orders",
            "--from-beginning",
            "--timeout-ms",
            "10000",
            "--bootstrap-server",
            bootstrap);
    List<Integer> values = consumed.out().lines().map(Integer::parseInt).sorted().toList();
    assertEquals(
        IntStream.rangeClosed(1, 1500).boxed().toList(), values, "nothing lost, nothing twice");

    moveAndElectWithApachesScripts(bootstrap);

    CliResult again = broker("start", "--nodes", "2");
    assertEquals(ExitCodes.USAGE, again.exitCode(), again.toString());
    assertTrue(again.err().contains("holds a 3-node cluster"), again.err());
    CliResult noSuchNode = broker("stop", "--node", "4");
    assertEquals(ExitCodes.USAGE, noSuchNode.exitCode(), noSuchNode.toString());
    assertTrue(noSuchNode.err().contains("has nodes 1 to 3"), noSuchNode.err());

    CliResult all = broker("stop");
    assertEquals(0, all.exitCode(), all.toString());
    assertEquals(
        3, all.err().lines().filter(l -> l.startsWith("Stopped node ")).count(), all.err());
    CliResult down = broker("status");
    assertEquals(ExitCodes.FAILED, down.exitCode(), down.toString());
    assertTrue(down.out().startsWith("The cluster of 3 nodes is not running"), down.out());

    CliResult back = broker("start");
    assertEquals(0, back.exitCode(), back.toString());
    CliResult kept =
        kafkit(
            "console-consumer",
            "--topic",
            "orders",
            "--from-beginning",
            "--timeout-ms",
            "10000",
            "--bootstrap-server",
            bootstrap);
    assertEquals(1500, kept.out().lines().count(), "data kept across a restart: " + kept.err());
  }

  private void produce(String bootstrap, int from, int to) throws Exception {
    produce(bootstrap, "orders", from, to);
  }

  private void produce(String bootstrap, String topic, int from, int to) throws Exception {
    Path lines = tmp.resolve("lines-" + topic + "-" + from);
    Files.write(lines, IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList());
    CliResult r =
        dist.runWithInput(
            lines, "kafkit", "console-producer", "--topic", topic, "--bootstrap-server", bootstrap);
    assertEquals(0, r.exitCode(), r.toString());
  }

  /**
   * Apache's scripts, unchanged, on kafkit's drop-ins: a topic moved from nodes 1,2 to 2,3 under a
   * throttle while records are written, verified until done, throttles gone, nothing lost; then the
   * preferred leaders restored after a node's restart.
   */
  private void moveAndElectWithApachesScripts(String bootstrap) throws Exception {
    CliResult created =
        dist.run(
            "kafka-topics.sh",
            "--bootstrap-server",
            bootstrap,
            "--create",
            "--topic",
            "moved",
            "--replica-assignment",
            "1:2,2:1");
    assertEquals(0, created.exitCode(), created.toString());
    produce(bootstrap, "moved", 1, 2000);
    Path plan = tmp.resolve("plan.json");
    Files.writeString(
        plan,
        "{\"version\":1,\"partitions\":[{\"topic\":\"moved\",\"partition\":0,\"replicas\":[2,3]},"
            + "{\"topic\":\"moved\",\"partition\":1,\"replicas\":[3,2]}]}");
    CliResult executed =
        dist.run(
            "kafka-reassign-partitions.sh",
            "--bootstrap-server",
            bootstrap,
            "--execute",
            "--reassignment-json-file",
            plan.toString(),
            "--throttle",
            "10000000");
    assertEquals(0, executed.exitCode(), executed.toString());
    assertTrue(
        executed
            .out()
            .endsWith("Successfully started partition reassignments for moved-0,moved-1\n"),
        executed.out());
    produce(bootstrap, "moved", 2001, 4000);
    CliResult verified;
    long deadline = System.nanoTime() + 120_000_000_000L;
    do {
      Thread.sleep(500);
      verified =
          dist.run(
              "kafka-reassign-partitions.sh",
              "--bootstrap-server",
              bootstrap,
              "--verify",
              "--reassignment-json-file",
              plan.toString());
      assertEquals(0, verified.exitCode(), verified.toString());
      assertTrue(System.nanoTime() < deadline, "still moving: " + verified.out());
    } while (verified.out().contains("still in progress"));
    assertEquals(
        "Status of partition reassignment:\n"
            + "Reassignment of partition moved-0 is completed.\n"
            + "Reassignment of partition moved-1 is completed.\n\n"
            + "Clearing broker-level throttles on brokers 1,2,3\n"
            + "Clearing topic-level throttles on topic moved\n",
        verified.out());
    CliResult configs =
        dist.run(
            "kafka-configs.sh", "--bootstrap-server", bootstrap, "--describe", "--topic", "moved");
    assertEquals("Dynamic configs for topic moved are:\n", configs.out(), "throttles gone");
    CliResult consumed =
        kafkit(
            "console-consumer",
            "--topic",
            "moved",
            "--from-beginning",
            "--timeout-ms",
            "10000",
            "--bootstrap-server",
            bootstrap);
    assertEquals(4000, consumed.out().lines().count(), "nothing lost: " + consumed.err());

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      long inSync = System.nanoTime() + 60_000_000_000L;
      while (admin
          .describeTopics(List.of("orders"))
          .allTopicNames()
          .get()
          .get("orders")
          .partitions()
          .stream()
          .anyMatch(p -> p.isr().size() < 3)) {
        assertTrue(System.nanoTime() < inSync, "the restarted node did not rejoin the ISR");
        Thread.sleep(200);
      }
      CliResult elected =
          dist.run(
              "kafka-leader-election.sh",
              "--bootstrap-server",
              bootstrap,
              "--election-type",
              "preferred",
              "--all-topic-partitions");
      assertEquals(0, elected.exitCode(), elected.toString());
      for (TopicPartitionInfo p :
          admin
              .describeTopics(List.of("orders"))
              .allTopicNames()
              .get()
              .get("orders")
              .partitions()) {
        assertEquals(p.replicas().get(0), p.leader(), "preferred leader back: " + p);
      }
    }
  }
}
