package io.kafkit.cluster;

import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every subcommand of kafka-cluster.sh and kafka-features.sh takes: the connection, with
 * Apache's short spellings ({@code -b}, {@code -C}, {@code -c}) and its deprecated {@code
 * --config}, and {@code --output}.
 */
abstract class ClusterToolOptions implements ArgparseRules {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  private Path legacyConfig;

  @Option(names = "-b", hidden = true)
  void shortBootstrapServer(String servers) {
    connection.bootstrapServer(servers);
  }

  @Option(
      names = {"--bootstrap-controller", "-C"},
      paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "The KRaft controllers to connect to, instead of --bootstrap-server.")
  void bootstrapController(String controllers) {
    connection.bootstrapController(controllers);
  }

  @Option(names = "-c", hidden = true)
  void shortCommandConfig(Path file) {
    connection.configFile(file);
  }

  @Option(names = "--config", hidden = true)
  void legacyConfig(Path file) {
    legacyConfig = file;
  }

  /**
   * Applies {@code --config} (Apache's deprecated spelling of {@code --command-config}), with
   * Apache's warning on stderr; both together are refused.
   */
  void applyLegacyConfig(PrintWriter err) {
    if (legacyConfig == null) {
      return;
    }
    if (connection.hasConfigFile()) {
      throw new ParameterException(
          spec.commandLine(), "--config and --command-config cannot be specified together.");
    }
    err.println(
        "Option --config has been deprecated and will be removed in a future version. Use"
            + " --command-config instead.");
    err.flush();
    connection.configFile(legacyConfig);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
