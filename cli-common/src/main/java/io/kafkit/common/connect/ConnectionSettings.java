package io.kafkit.common.connect;

import java.time.Duration;
import java.util.Properties;

/**
 * Where and how to connect, after every source (flag, environment, profile, files) was merged.
 *
 * @param bootstrapServers the bootstrap servers, HOST:PORT[,HOST:PORT...]
 * @param source where they came from, for messages ("--bootstrap-server", "the default", ...)
 * @param properties the client properties, bootstrap.servers included
 * @param timeout how long to wait for the cluster before reporting it unreachable
 */
public record ConnectionSettings(
    String bootstrapServers, String source, Properties properties, Duration timeout) {

  /** A copy of the client properties, for a client to add its own to. */
  public Properties clientProperties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }
}
