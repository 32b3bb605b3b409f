package io.kafkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for the brokers tests start themselves (kafkit broker start --port). */
public final class Ports {
  private Ports() {}

  /** A loopback port nothing listens on right now. */
  public static int free() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first of {@code count} consecutive loopback ports nothing listens on right now. */
  public static int freeRange(int count) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int first = free();
      if (first + count - 1 > 65535) {
        continue;
      }
      boolean allFree = true;
      for (int port = first + 1; port < first + count && allFree; port++) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          allFree = true;
        } catch (IOException e) {
          allFree = false;
        }
      }
      if (allFree) {
        return first;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports found");
  }
}
