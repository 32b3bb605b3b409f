package io.kafkit.common.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Apache's jopt-simple tools accept long options with one dash ({@code -create -partitions 2
 * -bootstrap-server ...}), and old guides are full of them. picocli would read {@code -create} as a
 * cluster of short options, so such words are rewritten to {@code --create} before parsing, when
 * (and only when) the command has that long option.
 */
public final class ApacheArguments {
  private ApacheArguments() {}

  public static String[] normalize(CommandLine root, String... args) {
    List<String> result = new ArrayList<>(args.length);
    CommandLine current = root;
    boolean expectingValue = false;
    boolean endOfOptions = false;
    for (String arg : args) {
      if (endOfOptions || expectingValue) {
        result.add(arg);
        expectingValue = false;
        continue;
      }
      if (arg.equals("--")) {
        endOfOptions = true;
        result.add(arg);
        continue;
      }
      CommandLine sub = current.getSubcommands().get(arg);
      if (sub != null) {
        current = sub;
        result.add(arg);
        continue;
      }
      String rewritten = singleDashLongOption(current.getCommandSpec(), arg);
      OptionSpec option = findOption(current, rewritten);
      expectingValue = option != null && option.arity().min() > 0 && !rewritten.contains("=");
      result.add(rewritten);
    }
    return result.toArray(String[]::new);
  }

  private static String singleDashLongOption(CommandSpec spec, String arg) {
    if (arg.length() < 3 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
      return arg;
    }
    if (!Character.isLetter(arg.charAt(1)) || spec.findOption(nameOf(arg)) != null) {
      return arg; // a negative number, or a real short option such as -v
    }
    String doubled = "-" + arg;
    return spec.findOption(nameOf(doubled)) != null ? doubled : arg;
  }

  private static OptionSpec findOption(CommandLine cmd, String arg) {
    return arg.startsWith("-") ? cmd.getCommandSpec().findOption(nameOf(arg)) : null;
  }

  private static String nameOf(String arg) {
    int eq = arg.indexOf('=');
    return eq < 0 ? arg : arg.substring(0, eq);
  }
}
