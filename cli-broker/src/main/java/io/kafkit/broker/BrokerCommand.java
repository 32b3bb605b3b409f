package io.kafkit.broker;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kafkit broker}: a real local Apache Kafka broker, one command away. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a real Apache Kafka broker (KRaft, broker and controller in one) for development,"
          + " or a local cluster of up to nine nodes (--nodes). Its data is kept across restarts;"
          + " its log is in DIR/logs (a cluster's in DIR/node-N/logs)."
    },
    subcommands = {StartBroker.class, StopBroker.class, BrokerStatus.class})
public final class BrokerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
