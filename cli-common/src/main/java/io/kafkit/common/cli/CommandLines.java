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
    // jopt-simple and argparse4j both take a unique prefix of a long option (--bootstrap).
    cmd.setAbbreviatedOptionsAllowed(true);
    cmd.setParameterExceptionHandler(new ShortErrorMessageHandler());
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    addExitCodeList(cmd);
    lastValueWins(cmd);
    return cmd;
  }

  private static void lastValueWins(CommandLine cmd) {
    if (cmd.getCommand() instanceof LastValueWins) {
      cmd.setOverwrittenOptionsAllowed(true);
    }
    cmd.getSubcommands().values().forEach(CommandLines::lastValueWins);
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
