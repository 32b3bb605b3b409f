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
      message = message.stripTrailing() + ". " + closest(ex, suggestion.toString().strip());
    }
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /**
   * picocli's "Did you mean: kafkit a or kafkit b or ...?" narrowed to the candidates nearest to
   * what was typed (fewest edits): with many tools its list grows long and loose.
   */
  private static String closest(ParameterException ex, String suggestion) {
    String prefix = "Did you mean: ";
    if (!(ex instanceof UnmatchedArgumentException u)
        || u.getUnmatched().isEmpty()
        || !suggestion.startsWith(prefix)
        || !suggestion.endsWith("?")) {
      return suggestion;
    }
    String typed = u.getUnmatched().get(0);
    java.util.List<String> candidates =
        java.util.List.of(
            suggestion.substring(prefix.length(), suggestion.length() - 1).split(" or "));
    int best = candidates.stream().mapToInt(c -> edits(typed, lastWord(c))).min().orElse(0);
    return prefix
        + String.join(
            " or ", candidates.stream().filter(c -> edits(typed, lastWord(c)) == best).toList())
        + "?";
  }

  private static String lastWord(String candidate) {
    return candidate.substring(candidate.lastIndexOf(' ') + 1);
  }

  /** Levenshtein distance. */
  static int edits(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
