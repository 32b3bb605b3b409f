package io.kafkit.groups;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;

/**
 * {@code --validate-regex}: whether a regular expression is one the group coordinator accepts for a
 * consumer group's subscription (KIP-848: RE2 syntax, checked by RE2/J as the broker does).
 * Apache's wording; no cluster needed. Unlike Apache, an invalid one exits 1.
 */
final class ValidateRegex {
  private ValidateRegex() {}

  /** The verdict; {@code problem} is null for a valid expression. */
  record Verdict(String regex, boolean valid, String problem) {}

  static int run(String regex, OutputOptions output, PrintWriter out) {
    Verdict verdict;
    try {
      Pattern.compile(regex);
      verdict = new Verdict(regex, true, null);
    } catch (PatternSyntaxException e) {
      verdict = new Verdict(regex, false, e.getDescription());
    }
    output.print(verdict, ValidateRegex::text, out);
    return verdict.valid() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  static void text(Verdict verdict, PrintWriter out) {
    out.println(
        verdict.valid()
            ? "The regular expression `" + verdict.regex() + "` is valid."
            : "The regular expression `"
                + verdict.regex()
                + "` is invalid: "
                + verdict.problem()
                + ".");
  }
}
