package io.kafkit.app;

import io.kafkit.broker.BrokerCommand;
import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ProfileCommand;
import io.kafkit.consumer.ConsoleConsumerCommand;
import io.kafkit.dumplog.DumpLogCommand;
import io.kafkit.groups.ConsumerGroupsCommand;
import io.kafkit.perf.ConsumerPerfTestCommand;
import io.kafkit.perf.ProducerPerfTestCommand;
import io.kafkit.producer.ConsoleProducerCommand;
import io.kafkit.topics.TopicsCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code kafkit TOOL [OPTIONS]}. */
@Command(
    name = "kafkit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Apache Kafka's command-line tools, fast and friendly: the same options and output as"
          + " kafka-topics.sh and friends, clear errors, JSON output, and a local broker."
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      TopicsCommand.class,
      ConsoleProducerCommand.class,
      ConsoleConsumerCommand.class,
      ConsumerGroupsCommand.class,
      ProducerPerfTestCommand.class,
      ConsumerPerfTestCommand.class,
      DumpLogCommand.class,
      BrokerCommand.class,
      ProfileCommand.class,
      CompletionCommand.class,
      NameCompletion.class
    })
public final class Kafkit implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  public static CommandLine commandLine() {
    return CommandLines.create(new Kafkit());
  }

  public static int execute(String... args) {
    return CommandLines.execute(commandLine(), args);
  }
}
