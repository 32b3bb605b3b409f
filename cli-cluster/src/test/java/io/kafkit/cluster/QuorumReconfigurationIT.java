package io.kafkit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * metadata-quorum add-controller and remove-controller for real, on a dynamic quorum whose first
 * controller starts as the only voter: Apache's tool adds and removes one controller, kafkit the
 * other, and both print the same lines and leave the quorum as they should.
 */
class QuorumReconfigurationIT {
  static final KafkaCluster cluster = KafkaCluster.reconfigurableQuorum();
  static final String QUORUM = "org.apache.kafka.tools.MetadataQuorumCommand";
  static final int FIRST = KafkaCluster.FIRST_CONTROLLER;
  static final int APACHES = FIRST + 2;
  static final int KAFKITS = FIRST + 1;

  /** What names the controller: its id, directory id and port. */
  static String mask(String out, int id) {
    return out.replace(Integer.toString(id), "ID")
        .replace(cluster.controllerDirectoryId(id), "DIR")
        .replaceAll("localhost:\\d+", "localhost:PORT");
  }

  /** Offsets and fetch times move between two runs. */
  static String times(String out) {
    return out.replaceAll("\\b\\d{13}\\b", "T")
        .replaceAll(
            "(HighWatermark|LogEndOffset|Epoch|MaxFollowerLag|MaxFollowerLagTimeMs): +\\d+",
            "$1: N")
        .replaceAll("(?m)^(\\d+ +\\t\\S+ +\\t)\\d+ +\\t\\d+ +\\t", "$1N\\tN\\t");
  }

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> MetadataQuorumCommand.class).run(args);
  }

  static Set<Integer> voters() throws Exception {
    try (Admin admin = cluster.admin()) {
      QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get();
      return quorum.voters().stream()
          .map(QuorumInfo.ReplicaState::replicaId)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /**
   * Runs an add-controller until the leader finds the new controller caught up: a controller that
   * has just started is refused as lagging behind for a few seconds, by both tools alike.
   */
  static CliResult whenCaughtUp(java.util.function.Supplier<CliResult> add) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      CliResult result = add.get();
      if (result.exitCode() == 0
          || !result.err().contains("lagging behind")
          || System.nanoTime() > deadline) {
        return result;
      }
      Thread.sleep(500);
    }
  }

  @Test
  void addAndRemoveControllersAsApache(@TempDir Path dir) throws Exception {
    String controllers = cluster.kit().bootstrapControllers();
    assertEquals(Set.of(FIRST), voters());

    String apacheConfig = cluster.controllerConfigFile(APACHES, dir).toString();
    CliResult apacheAdd =
        whenCaughtUp(
            () ->
                ApacheTools.run(
                    QUORUM,
                    "--bootstrap-controller",
                    controllers,
                    "--command-config",
                    apacheConfig,
                    "add-controller"));
    assertEquals(0, apacheAdd.exitCode(), apacheAdd.toString());
    String kafkitConfig = cluster.controllerConfigFile(KAFKITS, dir).toString();
    CliResult kafkitAdd =
        whenCaughtUp(
            () ->
                kafkit(
                    "--bootstrap-controller",
                    controllers,
                    "--command-config",
                    kafkitConfig,
                    "add-controller"));
    assertEquals(0, kafkitAdd.exitCode(), kafkitAdd.toString());
    assertEquals(mask(apacheAdd.out(), APACHES), mask(kafkitAdd.out(), KAFKITS));
    assertEquals(
        "Added controller ID with directory id DIR and endpoints: CONTROLLER://localhost:PORT\n",
        mask(kafkitAdd.out(), KAFKITS));
    assertEquals(Set.of(FIRST, KAFKITS, APACHES), voters());

    // three voters now: both tools describe them alike
    for (String view : new String[] {"--status", "--replication"}) {
      CliResult a =
          ApacheTools.run(
              QUORUM, "--bootstrap-server", cluster.bootstrapServers(), "describe", view);
      CliResult k = kafkit("--bootstrap-server", cluster.bootstrapServers(), "describe", view);
      assertEquals(0, k.exitCode(), k.toString());
      assertEquals(times(a.out()), times(k.out()), view);
    }

    CliResult apacheRemove =
        ApacheTools.run(
            QUORUM,
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "remove-controller",
            "--controller-id",
            Integer.toString(APACHES),
            "--controller-directory-id",
            cluster.controllerDirectoryId(APACHES));
    assertEquals(0, apacheRemove.exitCode(), apacheRemove.toString());
    CliResult kafkitRemove =
        kafkit(
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "remove-controller",
            "--controller-id",
            Integer.toString(KAFKITS),
            "--controller-directory-id",
            cluster.controllerDirectoryId(KAFKITS));
    assertEquals(0, kafkitRemove.exitCode(), kafkitRemove.toString());
    assertEquals(mask(apacheRemove.out(), APACHES), mask(kafkitRemove.out(), KAFKITS));
    assertEquals(
        "Removed KRaft controller ID with directory id DIR\n", mask(kafkitRemove.out(), KAFKITS));
    assertEquals(Set.of(FIRST), voters());

    // a controller that is no longer a voter cannot be removed again: one line, exit 1
    CliResult again =
        kafkit(
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "remove-controller",
            "--controller-id",
            Integer.toString(KAFKITS),
            "--controller-directory-id",
            cluster.controllerDirectoryId(KAFKITS));
    assertEquals(1, again.exitCode(), again.toString());
    assertEquals(1, again.err().strip().lines().count(), again.toString());
    assertEquals("", again.out());
  }
}
