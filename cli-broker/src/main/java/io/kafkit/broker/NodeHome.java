package io.kafkit.broker;

import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node's directory: its generated {@code server.properties}, pid file, logs and KRaft log
 * directory. A one-node broker keeps them in the data directory itself, node {@code N} of a cluster
 * in {@code node-N} under it.
 */
final class NodeHome {
  private final int id;
  private final Path dir;

  NodeHome(int id, Path dir) {
    this.id = id;
    this.dir = dir;
  }

  int id() {
    return id;
  }

  Path dir() {
    return dir;
  }

  Path serverProperties() {
    return dir.resolve("server.properties");
  }

  Path pidFile() {
    return dir.resolve("broker.pid");
  }

  Path logDir() {
    return dir.resolve("logs");
  }

  Path logFile() {
    return logDir().resolve("broker.log");
  }

  Path outFile() {
    return logDir().resolve("broker.out");
  }

  Path kraftDir() {
    return dir.resolve("kraft");
  }

  /** The node's process, if it still runs. */
  Optional<ProcessHandle> running() {
    if (!Files.isRegularFile(pidFile())) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile()).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p ->
                  p.info()
                      .commandLine()
                      .map(c -> c.contains(BrokerHome.MAIN_CLASS) && c.contains(dir.toString()))
                      .orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  void writePid(long pid) {
    try {
      Files.writeString(pidFile(), pid + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void deletePid() {
    try {
      Files.deleteIfExists(pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refuses a KRaft directory formatted for another cluster or as another node. */
  void checkFormattedFor(String clusterId) {
    Optional<Properties> meta = BrokerHome.read(kraftDir().resolve("meta.properties"));
    if (meta.isEmpty()) {
      return;
    }
    String formatted = meta.get().getProperty("cluster.id");
    if (clusterId == null || !clusterId.equals(formatted)) {
      throw new KafkitException(
          kraftDir()
              + " was formatted for another cluster (cluster.id "
              + formatted
              + (clusterId == null ? "" : ", expected " + clusterId)
              + "). Use another --data-dir, or delete "
              + kraftDir()
              + " to start afresh.");
    }
    if (!Integer.toString(id).equals(meta.get().getProperty("node.id"))) {
      throw new KafkitException(
          kraftDir()
              + " belongs to node "
              + meta.get().getProperty("node.id")
              + " of another cluster. Use another --data-dir.");
    }
  }

  List<String> lastLogLines(int count) {
    for (Path file : List.of(logFile(), outFile())) {
      try {
        if (Files.size(file) > 0) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          return lines.subList(Math.max(0, lines.size() - count), lines.size());
        }
      } catch (IOException e) {
        // try the next file
      }
    }
    return List.of();
  }

  /**
   * Why a node that stopped during start-up stopped: the message of the exception it died of (the
   * last {@code Caused by:}, else the first exception line of its output or log), if any.
   */
  Optional<String> startupFailure() {
    for (Path file : List.of(outFile(), logFile())) {
      List<String> lines;
      try {
        lines =
            Files.isRegularFile(file)
                ? Files.readAllLines(file, StandardCharsets.UTF_8)
                : List.of();
      } catch (IOException e) {
        continue;
      }
      String found = null;
      for (String line : lines) {
        Matcher m = EXCEPTION_LINE.matcher(line);
        if (m.matches() && (found == null || line.startsWith("Caused by: "))) {
          found = m.group(2).isBlank() ? m.group(1) : m.group(2).trim();
        }
      }
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  private static final Pattern EXCEPTION_LINE =
      Pattern.compile(
          "^(?:Exception in thread \"[^\"]*\" |Caused by: |.*\\[ERROR\\] .* - )?"
              + "([\\w.$]+(?:Exception|Error)):?(.*)$");
}
