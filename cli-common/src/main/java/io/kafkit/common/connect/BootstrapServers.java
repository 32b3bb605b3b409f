package io.kafkit.common.connect;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses HOST:PORT[,HOST:PORT...], IPv6 in brackets, as Kafka's clients accept it. */
public final class BootstrapServers {
  private BootstrapServers() {}

  /** The addresses, unresolved; empty with a reason in {@link #problem} when malformed. */
  public static List<InetSocketAddress> parse(String servers) {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String entry : servers.split(",")) {
      String server = entry.trim();
      if (server.isEmpty()) {
        continue;
      }
      int colon = server.lastIndexOf(':');
      String host = colon < 0 ? "" : server.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port = colon < 0 ? -1 : port(server.substring(colon + 1));
      if (host.isEmpty() || port < 0) {
        return List.of();
      }
      addresses.add(InetSocketAddress.createUnresolved(host, port));
    }
    return addresses;
  }

  /** Why the list is not usable, or empty when it is. */
  public static Optional<String> problem(String servers) {
    if (parse(servers).isEmpty()) {
      return Optional.of(
          "'" + servers + "' is not a list of bootstrap servers: write HOST:PORT[,HOST:PORT...]");
    }
    return Optional.empty();
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      return port >= 0 && port <= 65535 ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
