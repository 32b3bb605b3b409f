package io.kafkit.cluster;

import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.RaftVoterEndpoint;
import org.apache.kafka.common.Uuid;

/**
 * The controller that {@code metadata-quorum add-controller} adds, read as Apache reads it from
 * that controller's own properties: its node.id, the directory id in its metadata log directory's
 * meta.properties, and the endpoints of its controller listeners.
 */
record NewController(int id, Uuid directoryId, Set<RaftVoterEndpoint> endpoints) {
  private static final String VALID = " Is this a valid controller configuration file?";

  static NewController of(Properties config) {
    String nodeId = config.getProperty("node.id");
    if (nodeId == null) {
      throw new KafkitException("node.id not found in configuration file." + VALID);
    }
    int id;
    try {
      id = Integer.parseInt(nodeId.trim());
    } catch (NumberFormatException e) {
      throw new KafkitException("node.id is not a number in configuration file: '" + nodeId + "'.");
    }
    if (id < 0) {
      throw new KafkitException("node.id was negative in configuration file." + VALID);
    }
    if (!config.getProperty("process.roles", "").contains("controller")) {
      throw new KafkitException(
          "process.roles did not contain 'controller' in configuration file." + VALID);
    }
    return new NewController(id, directoryId(metadataDir(config)), endpoints(config));
  }

  private static String metadataDir(Properties config) {
    String dir = config.getProperty("metadata.log.dir");
    if (dir != null) {
      return dir;
    }
    String dirs = config.getProperty("log.dirs");
    if (dirs == null) {
      throw new KafkitException("Neither metadata.log.dir nor log.dirs were found." + VALID);
    }
    return dirs.trim().split(",")[0];
  }

  private static Uuid directoryId(String dir) {
    Properties meta = new Properties();
    Path file = Path.of(dir, "meta.properties");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      meta.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new KafkitException("Unable to read meta.properties from " + dir);
    }
    String id = meta.getProperty("directory.id");
    if (id == null) {
      throw new KafkitException("No directory id found in " + dir);
    }
    try {
      return Uuid.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new KafkitException("Unable to read meta.properties from " + dir);
    }
  }

  /** The controller listeners' endpoints, advertised.listeners winning over listeners. */
  private static Set<RaftVoterEndpoint> endpoints(Properties config) {
    Map<String, String[]> byName = new LinkedHashMap<>();
    for (String key : new String[] {"listeners", "advertised.listeners"}) {
      String value = config.getProperty(key);
      if (value == null || value.isBlank()) {
        continue;
      }
      for (String listener : value.split(",")) {
        String l = listener.trim();
        int scheme = l.indexOf("://");
        int colon = l.lastIndexOf(':');
        if (scheme < 0 || colon <= scheme) {
          throw new KafkitException("Cannot parse the listener '" + l + "' in " + key + ".");
        }
        String host = l.substring(scheme + 3, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
          host = host.substring(1, host.length() - 1);
        }
        String port = l.substring(colon + 1);
        if (!port.matches("\\d{1,5}")) {
          throw new KafkitException("Cannot parse the listener '" + l + "' in " + key + ".");
        }
        byName.put(l.substring(0, scheme).toUpperCase(Locale.ROOT), new String[] {host, port});
      }
    }
    String names = config.getProperty("controller.listener.names");
    if (names == null) {
      throw new KafkitException("controller.listener.names was not found." + VALID);
    }
    Set<RaftVoterEndpoint> endpoints = new LinkedHashSet<>();
    for (String name : names.split(",")) {
      String listener = name.trim().toUpperCase(Locale.ROOT);
      String[] hostPort = byName.get(listener);
      if (hostPort == null) {
        throw new KafkitException(
            "Cannot find information about controller listener name: " + listener);
      }
      String host = hostPort[0].isEmpty() ? "localhost" : hostPort[0];
      endpoints.add(new RaftVoterEndpoint(listener, host, Integer.parseInt(hostPort[1])));
    }
    return endpoints;
  }

  /** Apache's text of an endpoint: an IPv6 host in brackets. */
  static String endpoint(RaftVoterEndpoint e) {
    String host = e.host().contains(":") ? "[" + e.host() + "]" : e.host();
    return e.listener() + "://" + host + ":" + e.port();
  }
}
