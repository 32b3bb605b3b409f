package io.kafkit.app;

import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitFactory;
import io.kafkit.common.cli.VersionProvider;
import java.util.Collection;
import java.util.List;
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
    commandListHeading = "%nCommands:%n")
public final class Kafkit implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The whole command tree. */
  public static CommandLine commandLine() {
    return commandLine(Tools.ALL.stream().map(Tools.Tool::name).toList());
  }

  /**
   * The command tree these arguments need: the root with only the subcommand they name, when they
   * name one, none for --version, else all of them (the root's help, a mistyped name's
   * suggestions). Building the model of every tool by reflection took 75 ms of each command's
   * start-up.
   */
  static CommandLine commandLineFor(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return commandLine(List.of());
    }
    return args.length > 0 && Tools.named(args[0]).isPresent()
        ? commandLine(List.of(args[0]))
        : commandLine();
  }

  private static CommandLine commandLine(Collection<String> names) {
    CommandLine root = new CommandLine(new Kafkit(), new KafkitFactory(Environment.system()));
    names.forEach(name -> root.addSubcommand(name, Tools.named(name).orElseThrow().command()));
    return CommandLines.configure(root);
  }

  public static int execute(String... args) {
    return CommandLines.execute(commandLineFor(args), args);
  }
}
