package io.kafkit.cluster;

import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A tool whose connection options come before its subcommand, as in Apache's kafka-features.sh and
 * kafka-metadata-quorum.sh: the options, {@code --bootstrap-controller} among them, the admin
 * client its subcommands use, and a usage error when no subcommand is named.
 */
abstract class ConnectedParent implements Callable<Integer>, ArgparseRules {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @Option(
      names = "--bootstrap-controller",
      paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "The KRaft controllers to connect to, instead of --bootstrap-server.")
  void bootstrapController(String controllers) {
    connection.bootstrapController(controllers);
  }

  /** The subcommands, as the usage error names them: "describe, add-controller or ...". */
  abstract String subcommands();

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Name a subcommand: " + subcommands() + ".");
  }

  Admin admin() {
    return new KafkaClients(connection.resolve()).admin();
  }
}
