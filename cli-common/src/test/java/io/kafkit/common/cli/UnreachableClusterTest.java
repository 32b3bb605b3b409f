package io.kafkit.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.TestCommands.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An address where nothing listens is reported in one line, within the connect timeout. */
class UnreachableClusterTest {
  @TempDir Path home;

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void refusedConnectionIsNamedWithinTheTimeout() throws IOException {
    String address = "127.0.0.1:" + closedPort();
    long start = System.nanoTime();
    Run run =
        TestCommands.run(
            new TestCommands.ListTopics(),
            Map.of(),
            home,
            "--bootstrap-server",
            address,
            "--connect-timeout",
            "2s");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(ExitCodes.FAILED, run.exitCode());
    assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
    assertTrue(run.err().contains("Cannot reach the Kafka cluster at " + address), run.err());
    assertTrue(run.err().contains("connection refused"), run.err());
    assertTrue(run.err().contains("within 2s"), run.err());
    assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
  }

  @Test
  void unknownHostIsNamedAtOnce() {
    Run run =
        TestCommands.run(
            new TestCommands.ListTopics(),
            Map.of(),
            home,
            "--bootstrap-server",
            "no-such-host.invalid:9092");
    assertEquals(ExitCodes.FAILED, run.exitCode());
    assertTrue(run.err().contains("Cannot resolve the bootstrap server"), run.err());
    assertTrue(run.err().contains("no-such-host.invalid:9092"), run.err());
  }

  @Test
  void verboseAddsTheStackTrace() throws IOException {
    Run run =
        TestCommands.run(
            new TestCommands.ListTopics(),
            Map.of(),
            home,
            "--bootstrap-server",
            "127.0.0.1:" + closedPort(),
            "--connect-timeout",
            "1s",
            "--verbose");
    assertEquals(ExitCodes.FAILED, run.exitCode());
    assertTrue(run.err().contains("\tat "), "stack trace expected: " + run.err());
  }
}
