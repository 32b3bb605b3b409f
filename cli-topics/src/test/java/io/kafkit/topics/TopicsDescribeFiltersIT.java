package io.kafkit.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The describe filters on three brokers, one of which is stopped. */
class TopicsDescribeFiltersIT {
  final CliRunner kafkit = new CliRunner(TopicsCommand::new);

  @Test
  void stoppedBrokerShowsUpInTheFilters() throws Exception {
    KafkaCluster cluster = KafkaCluster.three();
    String bs = cluster.bootstrapServers();
    List<Integer> brokers = cluster.kit().brokers().keySet().stream().sorted().toList();
    int victim = brokers.get(2);
    CliResult rf3 =
        kafkit.run(
            "--bootstrap-server",
            bs,
            "--create",
            "--topic",
            "replicated",
            "--partitions",
            "2",
            "--replication-factor",
            "3",
            "--config",
            "min.insync.replicas=3");
    assertEquals(0, rf3.exitCode(), rf3.toString());
    CliResult single =
        kafkit.run(
            "--bootstrap-server",
            bs,
            "--create",
            "--topic",
            "lonely",
            "--replica-assignment",
            "" + victim);
    assertEquals(0, single.exitCode(), single.toString());
    CliResult healthy =
        kafkit.run("--bootstrap-server", bs, "--describe", "--under-replicated-partitions");
    assertEquals("", healthy.out(), "nothing under-replicated yet");
    CliResult healthyJson =
        kafkit.run(
            "--bootstrap-server",
            bs,
            "--describe",
            "--under-replicated-partitions",
            "--output",
            "json");
    assertFalse(
        healthyJson.out().contains("\"lonely\""),
        "JSON leaves out what the text leaves out: " + healthyJson.out());

    cluster.kit().brokers().get(victim).shutdown();
    cluster.kit().brokers().get(victim).awaitShutdown();

    CliResult under = awaitLines(bs, "--under-replicated-partitions", 3);
    for (String line : under.out().lines().toList()) {
      assertTrue(line.startsWith("\tTopic: "), "partition lines only: " + line);
    }
    assertEquals(
        2,
        under.out().lines().filter(l -> l.startsWith("\tTopic: replicated\t")).count(),
        under.out());
    assertTrue(under.out().contains("\tTopic: lonely\tPartition: 0\tLeader: none"), under.out());
    CliResult unavailable = awaitLines(bs, "--unavailable-partitions", 1);
    assertTrue(
        unavailable
            .out()
            .startsWith("\tTopic: lonely\tPartition: 0\tLeader: none\tReplicas: " + victim),
        unavailable.out());
    CliResult underMin =
        kafkit.run(
            "--bootstrap-server",
            bs,
            "--describe",
            "--topic",
            "replicated",
            "--under-min-isr-partitions");
    assertEquals(2, underMin.out().lines().count(), underMin.out());
    CliResult atMin =
        kafkit.run(
            "--bootstrap-server",
            bs,
            "--describe",
            "--topic",
            "replicated",
            "--at-min-isr-partitions");
    assertEquals("", atMin.out(), atMin.toString());
  }

  private CliResult awaitLines(String bs, String filter, int lines) throws InterruptedException {
    CliResult r = null;
    for (int i = 0; i < 120; i++) {
      r = kafkit.run("--bootstrap-server", bs, "--describe", filter);
      if (r.exitCode() == 0 && r.out().lines().count() >= lines) {
        return r;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(filter + " never showed " + lines + " lines: " + r);
  }
}
