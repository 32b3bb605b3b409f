package io.kafkit.groups;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.kafkit.common.cli.ExitCodes;
import java.io.PrintWriter;

/**
 * {@code --validate-regex}: whether a regular expression is one the group coordinator accepts for a
 * consumer group's subscription (KIP-848: RE2 syntax, checked by RE2/J as the broker does).
 * Apache's wording; no cluster needed. Unlike Apache, an invalid one exits 1.
 */
final class ValidateRegex {
  private ValidateRegex() {}

  static int run(String regex, PrintWriter out) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      out.println("The regular expression `" + regex + "` is invalid: " + e.getDescription() + ".");
      out.flush();
      return ExitCodes.FAILED;
    }
    out.println("The regular expression `" + regex + "` is valid.");
    out.flush();
    return ExitCodes.OK;
  }
}
