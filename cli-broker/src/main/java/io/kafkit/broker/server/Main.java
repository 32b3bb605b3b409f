package io.kafkit.broker.server;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broker JVM's main class (never loaded by the tools): formats the KRaft storage on first use,
 * then runs Apache Kafka's own server main, which stops gracefully on SIGTERM or SIGINT.
 *
 * <p>Arguments: the data directory and the cluster id to format with.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String clusterId = args[1];
    String config = dir.resolve("server.properties").toString();
    if (!Files.exists(dir.resolve("kraft").resolve("meta.properties"))) {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      int code =
          kafka.tools.StorageTool.execute(
              new String[] {"format", "-t", clusterId, "-c", config}, out);
      if (code != 0) {
        System.exit(code);
      }
    }
    kafka.Kafka.main(new String[] {config});
  }
}
