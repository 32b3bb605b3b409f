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
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafkit leader-election against Apache's LeaderElectionCommand 4.4.0 on 3 brokers. */
class LeaderElectionIT {
  static final String APACHE = "org.apache.kafka.tools.LeaderElectionCommand";
  static final AtomicInteger ids = new AtomicInteger();
  static final KafkaCluster cluster = KafkaCluster.three();

  @TempDir Path dir;

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> LeaderElectionCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  /** The partition as the cluster describes it (a topic just made may take a moment to show). */
  static TopicPartitionInfo partition(String topic, int p) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    try (Admin admin = cluster.admin()) {
      while (true) {
        try {
          TopicDescription d =
              admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
          return d.partitions().get(p);
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause()
                  instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
              || System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(100);
        }
      }
    }
  }

  static int preferred(String topic, int p) throws Exception {
    return partition(topic, p).replicas().get(0).id();
  }

  /**
   * Two topics whose partition 0 have the same preferred broker, restarted: their partitions 0 are
   * then led by another broker, their preferred one back in the ISR.
   */
  static String[] topicsLedAwayFromTheirPreferredBroker() throws Exception {
    String a = cluster.createTopic("elect-" + ids.incrementAndGet(), 3);
    String b;
    do {
      b = cluster.createTopic("elect-" + ids.incrementAndGet(), 3);
    } while (preferred(b, 0) != preferred(a, 0));
    int broker = preferred(a, 0);
    cluster.restartBroker(broker);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!(inIsr(a, broker) && inIsr(b, broker))) {
      assertTrue(System.nanoTime() < deadline, "broker " + broker + " did not rejoin the ISR");
      Thread.sleep(200);
    }
    assertTrue(partition(a, 0).leader().id() != broker, "leadership did not move");
    return new String[] {a, b};
  }

  static boolean inIsr(String topic, int broker) throws Exception {
    return partition(topic, 0).isr().stream().map(Node::id).anyMatch(id -> id == broker);
  }

  @Test
  void aPreferredElectionRestoresTheLeaderAsApacheReportsIt() throws Exception {
    String[] topics = topicsLedAwayFromTheirPreferredBroker();
    String ours = topics[0];
    String theirs = topics[1];
    CliResult dry =
        kafkit("--election-type", "preferred", "--topic", ours, "--partition", "0", "--dry-run");
    assertEquals(0, dry.exitCode(), dry.toString());
    List<String> lines = dry.out().lines().toList();
    assertEquals(
        "Dry run: a preferred election would change the leader of 1 partition:", lines.get(0));
    assertTrue(
        lines.get(1).matches("TOPIC +PARTITION +LEADER +PREFERRED +REPLICAS +ISR"), dry.out());
    assertTrue(lines.get(2).startsWith(ours + " 0 "), dry.out());

    for (String[] args :
        new String[][] {
          {"--election-type", "preferred", "--topic", "T", "--partition", "0"},
          {"--election-type", "PREFERRED", "--topic", "T", "--partition", "0"},
          {"-election-type", "preferred", "-topic", "T", "-partition", "9"},
        }) {
      CliResult a = apache(replace(args, theirs));
      CliResult k = kafkit(replace(args, ours));
      assertEquals(
          a.out().replace(theirs, "T"), k.out().replace(ours, "T"), String.join(" ", args));
      assertEquals(a.exitCode() == 0, k.exitCode() == 0, k.toString());
    }
    assertEquals(preferred(ours, 0), partition(ours, 0).leader().id());
    CliResult again = kafkit("--election-type", "preferred", "--topic", ours, "--partition", "0");
    assertEquals("Valid replica already elected for partitions " + ours + "-0\n", again.out());
    CliResult unknown = kafkit("--election-type", "preferred", "--topic", ours, "--partition", "9");
    assertEquals(1, unknown.exitCode(), unknown.toString());
    assertTrue(
        unknown
            .out()
            .startsWith(
                "Error completing leader election (PREFERRED) for partition: "
                    + ours
                    + "-9: org.apache.kafka.common.errors.UnknownTopicOrPartitionException"),
        unknown.out());
    assertEquals("Error: 1 replica(s) could not be elected\n", unknown.err());
  }

  @Test
  void aJsonFileOfPartitionsAndJsonOutput() throws Exception {
    String t = cluster.createTopic("elect-" + ids.incrementAndGet(), 3);
    Path file =
        Files.writeString(
            dir.resolve("partitions.json"),
            "{\"partitions\":\n\t[{\"topic\": \""
                + t
                + "\", \"partition\": 1},\n\t {\"topic\": \""
                + t
                + "\", \"partition\": 2}]\n}");
    CliResult k = kafkit("--election-type", "preferred", "--path-to-json-file", file.toString());
    CliResult a = apache("--election-type", "preferred", "--path-to-json-file", file.toString());
    assertEquals(0, k.exitCode(), k.toString());
    assertEquals(a.out().lines().sorted().toList(), k.out().lines().sorted().toList());
    assertTrue(k.out().startsWith("Valid replica already elected for partitions "), k.out());
    CliResult json =
        kafkit(
            "--election-type",
            "preferred",
            "--path-to-json-file",
            file.toString(),
            "--output",
            "json");
    JsonNode doc = Json.mapper().readTree(json.out());
    assertEquals("PREFERRED", doc.get("electionType").asText());
    assertEquals(
        Set.of(t + "-1", t + "-2"),
        Set.of(doc.at("/notNeeded/0").asText(), doc.at("/notNeeded/1").asText()));
    Path twice =
        Files.writeString(
            dir.resolve("twice.json"),
            "{\"partitions\": [{\"topic\": \""
                + t
                + "\", \"partition\": 1}, {\"topic\": \""
                + t
                + "\", \"partition\": 1}]}");
    CliResult dup = kafkit("--election-type", "preferred", "--path-to-json-file", twice.toString());
    assertEquals(1, dup.exitCode(), dup.toString());
    assertEquals(
        "Error: "
            + twice
            + ": Replica election data contains duplicate partitions: ["
            + t
            + "-1]\n",
        dup.err());
  }

  @Test
  void allPartitionsThenNothingLeftToElect() throws Exception {
    topicsLedAwayFromTheirPreferredBroker();
    CliResult dry = kafkit("--election-type", "preferred", "--all-topic-partitions", "--dry-run");
    assertTrue(
        dry.out().startsWith("Dry run: a preferred election would change the leader of "),
        dry.out());
    CliResult all = kafkit("--election-type", "preferred", "--all-topic-partitions");
    assertEquals(0, all.exitCode(), all.toString());
    assertTrue(
        all.out().startsWith("Successfully completed leader election (PREFERRED) for partitions "),
        all.out());
    CliResult after =
        kafkit(
            "--election-type",
            "preferred",
            "--all-topic-partitions",
            "--dry-run",
            "--output",
            "json");
    assertEquals("[ ]\n", after.out());
    CliResult unclean = kafkit("--election-type", "unclean", "--all-topic-partitions", "--dry-run");
    assertEquals("Dry run: every partition has a leader; nothing to elect.\n", unclean.out());
  }

  @Test
  void badInputIsOneLineInApachesWords() {
    for (String[] args :
        new String[][] {
          {"--election-type", "preferred"},
          {"--election-type", "preferred", "--topic", "t"},
          {"--election-type", "preferred", "--partition", "0", "--all-topic-partitions"},
          {"--topic", "t", "--partition", "0"},
          {
            "--election-type",
            "preferred",
            "--topic",
            "t",
            "--partition",
            "0",
            "--all-topic-partitions"
          },
        }) {
      CliResult a = apache(args);
      CliResult k = kafkit(args);
      assertEquals(1, a.exitCode(), a.toString());
      assertEquals(2, k.exitCode(), k.toString());
      String line = k.err().lines().findFirst().orElseThrow().substring("Error: ".length());
      assertTrue(a.err().contains(line), String.join(" ", args) + "\n" + a.err() + "\n" + k.err());
    }
    CliResult type = kafkit("--election-type", "sometimes", "--all-topic-partitions");
    assertEquals(2, type.exitCode(), type.toString());
    assertTrue(
        type.err()
            .startsWith("Error: --election-type takes preferred or unclean, not 'sometimes'."),
        type.err());
  }

  @Test
  void everyApacheOptionIsAccepted() {
    ApacheOptions.allAccepted(APACHE, LeaderElectionCommand.class);
  }

  static String[] replace(String[] args, String topic) {
    String[] copy = args.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i].equals("T")) {
        copy[i] = topic;
      }
    }
    return copy;
  }
}
