package io.kafkit.common.cli;

import picocli.CommandLine;

/**
 * The one place where a picocli {@link CommandLine} is wired: error handlers, the exit-code list in
 * every help, and the parser quirks Apache's tools have taught their users.
 */
public final class CommandLines {
  private CommandLines() {}

  public static CommandLine create(Object command) {
    return create(command, Environment.system());
  }

  public static CommandLine create(Object command, Environment environment) {
    return configure(new CommandLine(command, new KafkitFactory(environment)));
  }

  /**
   * Wires a command line made elsewhere (with a {@link KafkitFactory}), and the subcommands it has
   * by now: a root that adds its subcommands itself calls this after adding them.
   */
  public static CommandLine configure(CommandLine cmd) {
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler(new ShortErrorMessageHandler());
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    addExitCodeList(cmd);
    parserRules(cmd);
    return cmd;
  }

  /**
   * Apache's jopt-simple tools turn abbreviations off ({@code --bootstrap} is an error) and refuse
   * a repeated option; its argparse4j tools take a unique prefix and the last value. Each command
   * follows its Apache counterpart ({@link ArgparseRules}).
   */
  private static void parserRules(CommandLine cmd) {
    boolean argparse = cmd.getCommand() instanceof ArgparseRules;
    cmd.getCommandSpec().parser().abbreviatedOptionsAllowed(argparse);
    cmd.getCommandSpec().parser().overwrittenOptionsAllowed(argparse);
    cmd.getCommandSpec().parser().abbreviatedSubcommandsAllowed(argparse);
    cmd.getSubcommands().values().forEach(CommandLines::parserRules);
  }

  /** Runs the command line, after rewriting Apache's one-dash long options. */
  public static int execute(CommandLine cmd, String... args) {
    return cmd.execute(ApacheArguments.normalize(cmd, args));
  }

  private static void addExitCodeList(CommandLine cmd) {
    cmd.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.helpList());
    cmd.getSubcommands().values().forEach(CommandLines::addExitCodeList);
  }
}
