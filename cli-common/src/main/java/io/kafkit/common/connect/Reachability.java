package io.kafkit.common.connect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Says why a cluster did not answer: asks each bootstrap address for a plain TCP connection, so the
 * user reads "connection refused" or "unknown host" instead of a client time-out.
 */
public final class Reachability {
  private static final int PROBE_TIMEOUT_MS = 2000;

  private Reachability() {}

  /** One phrase per address, e.g. "localhost:9092: connection refused". */
  public static String diagnose(String bootstrapServers) {
    List<InetSocketAddress> addresses = BootstrapServers.parse(bootstrapServers);
    return addresses.stream()
        .map(a -> a.getHostString() + ":" + a.getPort() + ": " + probe(a))
        .collect(Collectors.joining("; "));
  }

  /** True if every address refused or could not be found: nothing listens there. */
  public static boolean nothingListens(String bootstrapServers) {
    return BootstrapServers.parse(bootstrapServers).stream()
        .map(Reachability::probe)
        .noneMatch(ACCEPTS::equals);
  }

  static final String ACCEPTS = "accepts connections";

  static String probe(InetSocketAddress unresolved) {
    InetSocketAddress address =
        new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
    if (address.isUnresolved()) {
      return "unknown host";
    }
    try (Socket socket = new Socket()) {
      socket.connect(address, PROBE_TIMEOUT_MS);
      return ACCEPTS;
    } catch (ConnectException e) {
      return "connection refused";
    } catch (SocketTimeoutException e) {
      return "no answer within " + PROBE_TIMEOUT_MS / 1000 + "s";
    } catch (NoRouteToHostException e) {
      return "no route to host";
    } catch (UnknownHostException e) {
      return "unknown host";
    } catch (IOException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }
}
