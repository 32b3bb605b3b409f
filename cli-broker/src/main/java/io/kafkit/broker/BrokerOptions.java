package io.kafkit.broker;

import io.kafkit.common.cli.Environment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by start, stop and status. */
final class BrokerOptions {
  private final Environment environment;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "The broker's data directory (default: ~/.local/share/kafkit/broker).")
  Path dataDir;

  BrokerOptions(Environment environment) {
    this.environment = environment;
  }

  BrokerHome home() {
    return new BrokerHome(dataDir != null ? dataDir : environment.dataDir().resolve("broker"));
  }
}
