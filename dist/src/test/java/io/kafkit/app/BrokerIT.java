package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kafkit broker start/status/stop} as a user runs them: real processes, a real broker. */
class BrokerIT {
  final DistRunner dist = new DistRunner();
  @TempDir Path tmp;
  Path dataDir;

  @AfterEach
  void stop() {
    if (dataDir != null) {
      dist.run("kafkit", "broker", "stop", "--data-dir", dataDir.toString());
    }
  }

  private CliResult broker(String action, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "broker";
    args[1] = action;
    args[2] = "--data-dir";
    args[3] = dataDir.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return dist.run("kafkit", args);
  }

  @Test
  void startStatusStopAndDataKeptAcrossARestart() throws Exception {
    dataDir = tmp.resolve("broker");
    int port = Ports.free();
    int controllerPort = Ports.free();
    CliResult started =
        broker("start", "--port", "" + port, "--controller-port", "" + controllerPort);
    assertEquals(0, started.exitCode(), started.toString());
    String bootstrap = "localhost:" + port;
    assertEquals(bootstrap + "\n", started.out(), "the bootstrap server, alone on stdout");
    assertTrue(Files.exists(dataDir.resolve("logs/broker.log")), "logs go to the data directory");
    assertTrue(
        started.err().contains("Stop it with 'kafkit broker stop --data-dir " + dataDir),
        "the hint names the data directory it was not the default: " + started.err());

    // The metadata log's bootstrap snapshot, as kafka-dump-log.sh prints it.
    Path snapshot =
        dataDir.resolve("kraft/__cluster_metadata-0/00000000000000000000-0000000000.checkpoint");
    String[] args = {"--files", snapshot.toString(), "--cluster-metadata-decoder"};
    CliResult ours = dist.run("kafka-dump-log.sh", args);
    CliResult apache =
        io.kafkit.testkit.ApacheTools.run("org.apache.kafka.tools.DumpLogSegments", args);
    assertEquals(apache.out(), ours.out());
    assertTrue(ours.out().contains("Snapshot end offset: 0, epoch: 0\n"), ours.out());
    assertTrue(ours.out().contains("FEATURE_LEVEL_RECORD"), ours.out());

    CliResult status = broker("status");
    assertEquals(0, status.exitCode(), status.toString());
    assertTrue(
        status.out().contains("is running") && status.out().contains(bootstrap), status.out());

    CliResult again = broker("start");
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.err().contains("already running"), again.err());

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
    }
    CliResult stopped = broker("stop");
    assertEquals(0, stopped.exitCode(), stopped.toString());
    assertTrue(stopped.err().startsWith("Stopped the broker"), stopped.err());
    CliResult down = broker("status");
    assertEquals(ExitCodes.FAILED, down.exitCode(), down.toString());
    assertTrue(down.out().contains("not running"), down.out());

    CliResult restarted = broker("start");
    assertEquals(0, restarted.exitCode(), restarted.toString());
    assertEquals(bootstrap + "\n", restarted.out(), "the port is remembered");
    CliResult list = dist.run("kafkit", "topics", "--list", "--bootstrap-server", bootstrap);
    assertEquals(0, list.exitCode(), list.toString());
    assertTrue(list.out().lines().anyMatch("kept"::equals), "data kept: " + list.out());

    // The local broker creates topics on first use: a consumer started before its producer
    // reads the new, empty topic instead of calling it missing.
    CliResult early =
        dist.run(
            "kafka-console-consumer.sh",
            "--bootstrap-server",
            bootstrap,
            "--topic",
            "made-on-first-use",
            "--timeout-ms",
            "1000");
    assertEquals(0, early.exitCode(), early.toString());
    assertTrue(early.err().contains("Processed a total of 0 messages"), early.err());
  }

  @Test
  void portInUseIsOneClearLine() throws Exception {
    dataDir = tmp.resolve("busy");
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliResult r = broker("start", "--port", "" + busy.getLocalPort());
      assertEquals(ExitCodes.FAILED, r.exitCode(), r.toString());
      assertTrue(r.err().startsWith("Error: Port " + busy.getLocalPort()), r.err());
      assertTrue(r.err().contains("already in use"), r.err());
    }
  }

  @Test
  void aBadOverrideIsOneLineAndIsNotRemembered() throws Exception {
    dataDir = tmp.resolve("override");
    int port = Ports.free();
    CliResult bad =
        broker(
            "start",
            "--port",
            "" + port,
            "--controller-port",
            "" + Ports.free(),
            "--override",
            "num.partitions=abc");
    assertEquals(ExitCodes.FAILED, bad.exitCode(), bad.toString());
    assertTrue(
        bad.err()
            .startsWith(
                "Error: The broker stopped during start-up: Invalid value abc for configuration"
                    + " num.partitions"),
        bad.err());
    assertEquals(1, bad.err().lines().count(), bad.err());
    CliResult good = broker("start");
    assertEquals(0, good.exitCode(), "the bad override was not kept: " + good);
    assertEquals("localhost:" + port + "\n", good.out(), "its ports were kept");
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    dataDir = tmp.resolve("ports");
    for (String port : List.of("0", "-1", "99999")) {
      CliResult r = broker("start", "--port", port);
      assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
      assertTrue(r.err().contains("--port " + port + " is not a port"), r.err());
    }
  }

  @Test
  void foreignDataDirectoryIsRefused() throws Exception {
    dataDir = tmp.resolve("foreign");
    Files.createDirectories(dataDir);
    Files.writeString(dataDir.resolve("meta.properties"), "cluster.id=abc\nnode.id=1\n");
    CliResult r = broker("start", "--port", "" + Ports.free());
    assertEquals(ExitCodes.FAILED, r.exitCode(), r.toString());
    assertTrue(r.err().contains("another Kafka installation"), r.err());
  }

  @Test
  void stopWhenNothingRunsIsHarmless() {
    dataDir = tmp.resolve("never");
    CliResult r = broker("stop");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("No broker is running"), r.err());
  }
}
