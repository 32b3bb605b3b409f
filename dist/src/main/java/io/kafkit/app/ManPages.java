package io.kafkit.app;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Man pages in troff, generated from the command model: kafkit(1) and one per subcommand
 * (kafkit-topics(1), ...), with the synopsis, description, every option Apache's users may type and
 * the exit codes.
 */
public final class ManPages {
  private ManPages() {}

  /** Writes DIR/man1/kafkit.1 and DIR/man1/kafkit-SUBCOMMAND.1. */
  static void write(CommandLine root, Path dir) throws IOException {
    Path man1 = Files.createDirectories(dir.resolve("man1"));
    Files.writeString(man1.resolve("kafkit.1"), page(root, "kafkit"), StandardCharsets.UTF_8);
    for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
      if (!sub.getValue().getCommandSpec().usageMessage().hidden()) {
        Files.writeString(
            man1.resolve("kafkit-" + sub.getKey() + ".1"),
            page(sub.getValue(), "kafkit " + sub.getKey()),
            StandardCharsets.UTF_8);
      }
    }
  }

  static String page(CommandLine command, String fullName) {
    CommandSpec spec = command.getCommandSpec();
    String title = fullName.replace(' ', '-');
    String version = new VersionProvider().getVersion()[0];
    List<String> description = Arrays.asList(spec.usageMessage().description());
    StringBuilder s = new StringBuilder();
    s.append(".TH \"")
        .append(title.toUpperCase(java.util.Locale.ROOT))
        .append("\" \"1\" \"\" \"")
        .append(escape(version))
        .append("\" \"kafkit Manual\"\n");
    s.append(".SH NAME\n")
        .append(escape(title))
        .append(" \\- ")
        .append(escape(description.isEmpty() ? "" : firstSentence(description.get(0))))
        .append('\n');
    s.append(".SH SYNOPSIS\n.B ").append(escape(fullName)).append('\n');
    if (!command.getSubcommands().isEmpty()) {
      s.append("\\fICOMMAND\\fR\n");
    }
    s.append("[\\fIOPTIONS\\fR]\n");
    s.append(".SH DESCRIPTION\n");
    for (String paragraph : description) {
      s.append(".PP\n").append(escape(paragraph)).append('\n');
    }
    String script =
        Tools.dropIns().entrySet().stream()
            .filter(e -> fullName.equals("kafkit " + e.getValue()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    if (script != null) {
      s.append(".PP\nThe distribution's \\fB")
          .append(escape(script))
          .append(
              "\\fR runs this command with the same arguments, as a drop-in for Apache Kafka's script.\n");
    }
    if (!command.getSubcommands().isEmpty()) {
      s.append(".SH COMMANDS\n");
      command
          .getSubcommands()
          .forEach(
              (name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                  String[] about = sub.getCommandSpec().usageMessage().description();
                  s.append(".TP\n\\fB")
                      .append(escape(name))
                      .append("\\fR\n")
                      .append(escape(about.length == 0 ? "" : about[0]))
                      .append('\n');
                }
              });
    }
    s.append(".SH OPTIONS\n");
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      s.append(".TP\n");
      String names =
          String.join(
              ", ", Arrays.stream(option.names()).map(n -> "\\fB" + escape(n) + "\\fR").toList());
      s.append(names);
      if (option.arity().max() > 0) {
        s.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
      }
      s.append('\n').append(escape(String.join(" ", option.description()))).append('\n');
    }
    s.append(".SH EXIT STATUS\n");
    ExitCodes.helpList()
        .forEach(
            (code, meaning) ->
                s.append(".TP\n\\fB")
                    .append(code)
                    .append("\\fR\n")
                    .append(escape(meaning))
                    .append('\n'));
    s.append(".SH SEE ALSO\n");
    s.append(
            fullName.equals("kafkit")
                ? "kafkit\\-topics(1), kafkit\\-console\\-consumer(1)"
                : "kafkit(1)")
        .append('\n');
    return s.toString();
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text.replaceAll("\\.$", "") : text.substring(0, end);
  }

  /**
   * picocli's description format (%% and %n) undone, then troff's special characters escaped:
   * backslashes, dashes, and a dot or quote opening a line.
   */
  static String escape(String text) {
    String unformatted = text.replace("%%", "\u0000").replace("%n", " ").replace('\u0000', '%');
    String s = unformatted.replace("\\", "\\e").replace("-", "\\-");
    if (s.startsWith(".") || s.startsWith("'")) {
      s = "\\&" + s;
    }
    return s.replace("\n.", "\n\\&.");
  }
}
