package io.kafkit.broker;

import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local broker's data directory: its settings ({@code kafkit-broker.properties}), the generated
 * {@code server.properties}, the pid file, the logs and the KRaft log directory.
 */
final class BrokerHome {
  static final String MAIN_CLASS = "io.kafkit.broker.server.Main";
  private static final String STATE = "kafkit-broker.properties";

  private final Path dir;

  BrokerHome(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
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

  /** The settings kept across restarts, empty before the first start. */
  Properties state() {
    return read(dir.resolve(STATE)).orElseGet(Properties::new);
  }

  void saveState(Properties state) {
    write(dir.resolve(STATE), state, "kafkit broker settings, kept across restarts");
  }

  /** The broker process started from this directory, if it still runs. */
  Optional<ProcessHandle> running() {
    if (!Files.isRegularFile(pidFile())) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile()).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains(MAIN_CLASS)).orElse(true));
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

  /**
   * Refuses a directory that holds some other Kafka's data: an Apache log directory, or one
   * formatted for a cluster other than the one this directory's settings name.
   */
  void checkBelongsToUs() {
    Properties state = state();
    if (Files.exists(dir.resolve("meta.properties"))) {
      throw new KafkitException(
          dir
              + " is the log directory of another Kafka installation (it has a meta.properties)."
              + " Give kafkit broker a directory of its own with --data-dir.");
    }
    Optional<Properties> meta = read(kraftDir().resolve("meta.properties"));
    if (meta.isPresent()) {
      String formatted = meta.get().getProperty("cluster.id");
      String expected = state.getProperty("cluster.id");
      if (expected == null || !expected.equals(formatted)) {
        throw new KafkitException(
            kraftDir()
                + " was formatted for another cluster (cluster.id "
                + formatted
                + (expected == null ? "" : ", expected " + expected)
                + "). Use another --data-dir, or delete "
                + kraftDir()
                + " to start afresh.");
      }
      if (!"1".equals(meta.get().getProperty("node.id"))) {
        throw new KafkitException(
            kraftDir()
                + " belongs to node "
                + meta.get().getProperty("node.id")
                + " of another cluster. Use another --data-dir.");
      }
    } else if (state.isEmpty() && isNonEmptyDirectory(dir)) {
      throw new KafkitException(
          dir
              + " is not empty and holds no kafkit broker. Give kafkit broker an empty or new"
              + " directory with --data-dir.");
    }
  }

  private static boolean isNonEmptyDirectory(Path path) {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
   * Why a broker that stopped during start-up stopped: the message of the exception it died of (the
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

  static Optional<Properties> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(in);
      return Optional.of(properties);
    } catch (IOException e) {
      throw new KafkitException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static void write(Path file, Properties properties, String comment) {
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        properties.store(out, comment);
      }
    } catch (IOException e) {
      throw new KafkitException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
