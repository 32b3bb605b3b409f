package io.kafkit.cluster;

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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kafka-cluster.sh, kafka-broker-api-versions.sh, kafka-features.sh and kafka-metadata-quorum.sh
 * against a real cluster (one combined broker and controller), side by side with Apache's tools.
 */
class ClusterToolsIT {
  static final KafkaCluster cluster = KafkaCluster.single();

  static String bs() {
    return cluster.bootstrapServers();
  }

  static String bc() {
    return cluster.kit().bootstrapControllers();
  }

  static CliResult kafkit(Supplier<Class<? extends Callable<Integer>>> command, String... args) {
    return new CliRunner(command::get).run(args);
  }

  /** Both tools' stdout and exit status, with what changes from run to run masked. */
  static void assertSame(
      Class<? extends Callable<Integer>> command, String apacheClass, String... args) {
    CliResult a = ApacheTools.run(apacheClass, args);
    CliResult k = new CliRunner(() -> command).run(args);
    String what = String.join(" ", args) + "\napache:\n" + a + "\nkafkit:\n" + k;
    assertEquals(mask(a.out()), mask(k.out()), what);
    assertEquals(a.exitCode() == 0, k.exitCode() == 0, what);
  }

  /** Epochs, offsets and times move between two runs. */
  static String mask(String out) {
    return out.replaceAll("Epoch: \\d+", "Epoch: N")
        .replaceAll("(HighWatermark: +)\\d+", "$1N")
        .replaceAll("(?m)^(\\d+ +\\tAAAAAAAAAAAAAAAAAAAAAA\\t)\\d+ *\\t", "$1N\\t")
        .replaceAll("\\t\\d+ +\\t\\d+ +\\t", "\\tT\\tT\\t")
        .replaceAll("\\t\\d+ ms ago +\\t\\d+ ms ago +\\t", "\\tT\\tT\\t");
  }

  static final String CLUSTER = "org.apache.kafka.tools.ClusterTool";
  static final String API_VERSIONS = "org.apache.kafka.tools.BrokerApiVersionsCommand";
  static final String FEATURES = "org.apache.kafka.tools.FeatureCommand";
  static final String QUORUM = "org.apache.kafka.tools.MetadataQuorumCommand";

  @Test
  void clusterAsApache() throws Exception {
    for (String[] connect : List.of(new String[] {"-b", bs()}, new String[] {"-C", bc()})) {
      for (String sub : List.of("cluster-id", "list-endpoints", "api-versions")) {
        List<String> args = new ArrayList<>(List.of(sub));
        args.addAll(List.of(connect));
        assertSame(ClusterCommand.class, CLUSTER, args.toArray(String[]::new));
      }
    }
    assertSame(
        ClusterCommand.class,
        CLUSTER,
        "list-endpoints",
        "--bootstrap-server",
        bs(),
        "--include-fenced-brokers");
    assertSame(BrokerApiVersionsCommand.class, API_VERSIONS, "--bootstrap-server", bs());

    CliResult unregister =
        kafkit(() -> ClusterCommand.class, "unregister", "--id", "999", "-b", bs());
    assertEquals(1, unregister.exitCode(), unregister.toString());
    assertEquals("Error: Broker ID 999 is not currently registered\n", unregister.err());
    CliResult fenced =
        kafkit(
            () -> ClusterCommand.class, "list-endpoints", "-C", bc(), "--include-fenced-brokers");
    assertEquals(2, fenced.exitCode(), fenced.toString());
    assertTrue(
        fenced
            .err()
            .startsWith(
                "Error: The option --include-fenced-brokers is only supported with --bootstrap-server option\n"),
        fenced.err());

    CliResult json =
        kafkit(() -> ClusterCommand.class, "api-versions", "-b", bs(), "--output", "json");
    assertEquals(0, json.exitCode(), json.toString());
    JsonNode node = Json.mapper().readTree(json.out()).get("nodes").get(0);
    assertEquals("Produce", node.get("apis").get(0).get("name").asText());
  }

  @Test
  void featuresAsApache() {
    assertSame(FeaturesCommand.class, FEATURES, "--bootstrap-server", bs(), "describe");
    assertSame(FeaturesCommand.class, FEATURES, "--bootstrap-controller", bc(), "describe");
    assertSame(FeaturesCommand.class, FEATURES, "version-mapping");
    assertSame(FeaturesCommand.class, FEATURES, "version-mapping", "--release-version", "3.9");
    assertSame(FeaturesCommand.class, FEATURES, "version-mapping", "--release-version", "4.0.1");
    assertSame(
        FeaturesCommand.class,
        FEATURES,
        "feature-dependencies",
        "--feature",
        "eligible.leader.replicas.version=1",
        "--feature",
        "metadata.version=21",
        "--feature",
        "share.version=2");
    for (String[] change :
        List.of(
            new String[] {"upgrade", "--release-version", "4.4"},
            new String[] {
              "upgrade", "--feature", "kraft.version=1", "--feature", "group.version=1"
            },
            new String[] {"upgrade", "--metadata", "4.0"},
            new String[] {"downgrade", "--release-version", "4.0"},
            new String[] {"downgrade", "--feature", "group.version=0", "--unsafe"},
            new String[] {"disable", "--feature", "share.version"})) {
      List<String> args = new ArrayList<>(List.of("--bootstrap-server", bs()));
      args.addAll(List.of(change));
      args.add("--dry-run");
      assertSame(FeaturesCommand.class, FEATURES, args.toArray(String[]::new));
    }

    // a real change by each tool, back and forth
    CliResult down =
        ApacheTools.run(
            FEATURES, "--bootstrap-server", bs(), "downgrade", "--feature", "streams.version=0");
    assertEquals("streams.version was downgraded to 0.\n", down.out(), down.toString());
    CliResult up =
        kafkit(
            () -> FeaturesCommand.class,
            "--bootstrap-server",
            bs(),
            "upgrade",
            "--feature",
            "streams.version=1");
    assertEquals("streams.version was upgraded to 1.\n", up.out(), up.toString());
    CliResult describe =
        kafkit(
            () -> FeaturesCommand.class,
            "--bootstrap-server",
            bs(),
            "describe",
            "--output",
            "json");
    assertTrue(describe.out().contains("\"feature\" : \"streams.version\""), describe.out());

    CliResult failed =
        kafkit(
            () -> FeaturesCommand.class,
            "--bootstrap-server",
            bs(),
            "upgrade",
            "--feature",
            "group.version=5",
            "--dry-run");
    assertEquals(1, failed.exitCode(), failed.toString());
    assertEquals("Error: 1 out of 1 operation(s) failed.\n", failed.err());
    assertTrue(failed.out().startsWith("Can not upgrade group.version to 5. "), failed.out());

    CliResult unknown =
        kafkit(() -> FeaturesCommand.class, "feature-dependencies", "--feature", "x.version=1");
    assertEquals(2, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().startsWith("Error: Unknown feature: x.version\n"), unknown.err());
  }

  @Test
  void metadataQuorumAsApache(@TempDir Path dir) throws Exception {
    for (String connect : List.of("--bootstrap-server", "--bootstrap-controller")) {
      String at = connect.equals("--bootstrap-server") ? bs() : bc();
      assertSame(MetadataQuorumCommand.class, QUORUM, connect, at, "describe", "--status");
      assertSame(MetadataQuorumCommand.class, QUORUM, connect, at, "describe", "--replication");
      assertSame(
          MetadataQuorumCommand.class,
          QUORUM,
          connect,
          at,
          "describe",
          "--replication",
          "--human-readable");
    }
    assertSame(
        MetadataQuorumCommand.class,
        QUORUM,
        "--bootstrap-server",
        bs(),
        "remove-controller",
        "--controller-id",
        "5",
        "--controller-directory-id",
        "IRxcrDMzODn9QF6IZVzbJA",
        "--dry-run",
        "--unregister");

    // a new controller's properties and its formatted metadata directory
    Path logs = Files.createDirectories(dir.resolve("metadata"));
    Files.writeString(
        logs.resolve("meta.properties"),
        "version=1\nnode.id=5\ncluster.id=abc\ndirectory.id=pFW5Ti3mQEqYp9a1yFyN-A\n");
    Path config = dir.resolve("controller.properties");
    Files.writeString(
        config,
        "node.id=5\nprocess.roles=controller\nmetadata.log.dir="
            + logs
            + "\n"
            + "listeners=CONTROLLER://localhost:49093\ncontroller.listener.names=CONTROLLER\n");
    assertSame(
        MetadataQuorumCommand.class,
        QUORUM,
        "--bootstrap-server",
        bs(),
        "--command-config",
        config.toString(),
        "add-controller",
        "--dry-run");

    CliResult none =
        kafkit(() -> MetadataQuorumCommand.class, "--bootstrap-server", bs(), "describe");
    assertEquals(2, none.exitCode(), none.toString());
    CliResult status =
        kafkit(
            () -> MetadataQuorumCommand.class,
            "--bootstrap-server",
            bs(),
            "describe",
            "--status",
            "--output",
            "json");
    assertEquals(0, status.exitCode(), status.toString());
    JsonNode view = Json.mapper().readTree(status.out());
    assertEquals("Leader", view.get("voters").get(0).get("status").asText());
    assertEquals(false, view.get("voters").get(0).get("behind").asBoolean());
  }
}
