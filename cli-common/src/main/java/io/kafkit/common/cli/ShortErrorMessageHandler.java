package io.kafkit.common.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error prints two lines: the problem (with picocli's suggestion for a mistyped name) and
 * where to find help. Not the synopsis, and not the whole option table Apache's tools dump: on a
 * small terminal those push the error itself off the screen.
 */
final class ShortErrorMessageHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("Error: " + problem(ex)));
    err.printf("Try '%s --help' for more information.%n", cmd.getCommandSpec().qualifiedName());
    err.flush();
    return ExitCodes.USAGE;
  }

  /** The exception's message on one line, with the suggestion picocli has for it, if any. */
  static String problem(ParameterException ex) {
    // picocli's own messages for argument groups and abbreviations already start with "Error: "
    String message =
        ex.getMessage().startsWith("Error: ") ? ex.getMessage().substring(7) : ex.getMessage();
    StringWriter suggestion = new StringWriter();
    PrintWriter writer = new PrintWriter(suggestion);
    if (UnmatchedArgumentException.printSuggestions(ex, writer)) {
      writer.flush();
      message = message.stripTrailing() + ". " + suggestion.toString().strip();
    }
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
