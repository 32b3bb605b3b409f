package io.kafkit.common.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Apache's jopt-simple tools accept long options with one dash ({@code -create -partitions 2
 * -bootstrap-server ...}), and old guides are full of them. picocli would read {@code -create} as a
 * cluster of short options, so such words are rewritten to {@code --create} before parsing, when
 * (and only when) the command has that long option.
 *
 * <p>jopt-simple also takes a flag given twice ({@code --list --list}, a wrapper script adding
 * {@code --force} to what its user typed) as given once; picocli would refuse it. A flag seen again
 * for the same command is dropped. An option with a value given twice is still refused, as Apache's
 * tools refuse it.
 */
public final class ApacheArguments {
  private ApacheArguments() {}

  public static String[] normalize(CommandLine root, String... args) {
    List<String> result = new ArrayList<>(args.length);
    CommandLine current = root;
    boolean expectingValue = false;
    boolean endOfOptions = false;
    Set<OptionSpec> flagsSeen = new HashSet<>();
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
      if (arg.isEmpty() && current.getCommandSpec().positionalParameters().isEmpty()) {
        continue; // a quoted variable that was empty: jopt-simple ignores it too
      }
      CommandLine sub = current.getSubcommands().get(arg);
      if (sub != null) {
        current = sub;
        flagsSeen.clear();
        result.add(arg);
        continue;
      }
      String rewritten = singleDashLongOption(current.getCommandSpec(), arg);
      OptionSpec option = findOption(current, rewritten);
      expectingValue = option != null && option.arity().min() > 0 && !rewritten.contains("=");
      if (isFlag(option) && !flagsSeen.add(option)) {
        continue;
      }
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

  private static boolean isFlag(OptionSpec option) {
    return option != null && option.arity().max() == 0 && !option.isMultiValue();
  }

  private static OptionSpec findOption(CommandLine cmd, String arg) {
    return arg.startsWith("-") ? cmd.getCommandSpec().findOption(nameOf(arg)) : null;
  }

  private static String nameOf(String arg) {
    int eq = arg.indexOf('=');
    return eq < 0 ? arg : arg.substring(0, eq);
  }
}
