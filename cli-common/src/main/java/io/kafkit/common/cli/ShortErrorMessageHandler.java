package io.kafkit.common.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error prints the problem, picocli's suggestions, the synopsis and where to find help: not
 * the whole usage table that Apache's tools dump.
 */
final class ShortErrorMessageHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    // picocli's own messages for argument groups already start with "Error: "
    String message =
        ex.getMessage().startsWith("Error: ") ? ex.getMessage().substring(7) : ex.getMessage();
    err.println(cmd.getColorScheme().errorText("Error: " + message));
    UnmatchedArgumentException.printSuggestions(ex, err);
    CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
    err.print(cmd.getHelp().fullSynopsis());
    err.printf("Try '%s --help' for more information.%n", spec.qualifiedName());
    err.flush();
    return ExitCodes.USAGE;
  }
}
