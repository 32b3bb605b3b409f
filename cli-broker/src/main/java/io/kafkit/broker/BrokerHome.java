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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A local broker's data directory: its settings ({@code kafkit-broker.properties}) and its nodes'
 * directories. A one-node broker keeps its node's files in the directory itself (see {@link
 * NodeHome}); node {@code N} of a cluster keeps them in {@code node-N}.
 */
final class BrokerHome {
  static final String MAIN_CLASS = "io.kafkit.broker.server.Main";
  private static final String STATE = "kafkit-broker.properties";

  /** At most this many nodes are controllers too, as Apache's docs recommend. */
  static final int MAX_CONTROLLERS = 3;

  private final Path dir;

  BrokerHome(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  Path dir() {
    return dir;
  }

  /** The settings kept across restarts, empty before the first start. */
  Properties state() {
    return read(dir.resolve(STATE)).orElseGet(Properties::new);
  }

  void saveState(Properties state) {
    write(dir.resolve(STATE), state, "kafkit broker settings, kept across restarts");
  }

  /** How many nodes the directory's cluster has; 1 for a one-node broker or a new directory. */
  static int nodeCount(Properties state) {
    return Integer.parseInt(state.getProperty("nodes", "1"));
  }

  NodeHome node(int id, int nodeCount) {
    return new NodeHome(id, nodeCount == 1 ? dir : dir.resolve("node-" + id));
  }

  List<NodeHome> nodes(int nodeCount) {
    return IntStream.rangeClosed(1, nodeCount).mapToObj(id -> node(id, nodeCount)).toList();
  }

  /** The nodes of the cluster its settings describe. */
  List<NodeHome> nodes() {
    return nodes(nodeCount(state()));
  }

  static boolean isController(int id) {
    return id <= MAX_CONTROLLERS;
  }

  /** Node {@code id}'s client port, from the first node's. */
  static int clientPort(Properties state, int id) {
    return Integer.parseInt(state.getProperty("port")) + id - 1;
  }

  static int controllerPort(Properties state, int id) {
    return Integer.parseInt(state.getProperty("controller.port")) + id - 1;
  }

  /** Every node's bootstrap server, comma-separated. */
  static String bootstrap(Properties state) {
    return IntStream.rangeClosed(1, nodeCount(state))
        .mapToObj(id -> "localhost:" + clientPort(state, id))
        .collect(Collectors.joining(","));
  }

  /**
   * Refuses a directory that holds some other Kafka's data: an Apache log directory, or one
   * formatted for a cluster other than the one this directory's settings name.
   */
  void checkBelongsToUs(int nodeCount) {
    Properties state = state();
    if (Files.exists(dir.resolve("meta.properties"))) {
      throw new KafkitException(
          dir
              + " is the log directory of another Kafka installation (it has a meta.properties)."
              + " Give kafkit broker a directory of its own with --data-dir.");
    }
    if (state.isEmpty() && isNonEmptyDirectory(dir)) {
      throw new KafkitException(
          dir
              + " is not empty and holds no kafkit broker. Give kafkit broker an empty or new"
              + " directory with --data-dir.");
    }
    for (NodeHome node : nodes(nodeCount)) {
      node.checkFormattedFor(state.getProperty("cluster.id"));
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
