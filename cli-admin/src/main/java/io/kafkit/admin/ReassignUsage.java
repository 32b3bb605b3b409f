package io.kafkit.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * kafka-reassign-partitions.sh's command-line rules, in its order and words: one action, one way to
 * connect, the action's required files, and no option the action does not take.
 */
final class ReassignUsage {
  private static final List<String> ACTIONS =
      List.of("--generate", "--execute", "--verify", "--cancel", "--list");

  /** Apache's options each action allows besides itself, in its words. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "--verify",
          Set.of(
              "--bootstrap-server",
              "--command-config",
              "--preserve-throttles",
              "--reassignment-json-file"),
          "--generate",
          Set.of(
              "--bootstrap-server",
              "--broker-list",
              "--command-config",
              "--disable-rack-aware",
              "--topics-to-move-json-file"),
          "--execute",
          Set.of(
              "--additional",
              "--bootstrap-server",
              "--command-config",
              "--throttle",
              "--replica-alter-log-dirs-throttle",
              "--timeout",
              "--disallow-replication-factor-change",
              "--reassignment-json-file"),
          "--cancel",
          Set.of(
              "--bootstrap-server",
              "--bootstrap-controller",
              "--command-config",
              "--preserve-throttles",
              "--timeout",
              "--reassignment-json-file"),
          "--list",
          Set.of("--bootstrap-server", "--bootstrap-controller", "--command-config"));

  /** Apache's own options: the ones its per-action rule speaks of. */
  private static final Set<String> APACHE_OPTIONS =
      Set.of(
          "--bootstrap-server",
          "--bootstrap-controller",
          "--command-config",
          "--reassignment-json-file",
          "--topics-to-move-json-file",
          "--broker-list",
          "--disable-rack-aware",
          "--throttle",
          "--replica-alter-log-dirs-throttle",
          "--timeout",
          "--additional",
          "--preserve-throttles",
          "--disallow-replication-factor-change");

  private ReassignUsage() {}

  /** The action; an IllegalArgumentException with Apache's message if a rule is broken. */
  static String action(ParseResult parsed) {
    List<String> actions = ACTIONS.stream().filter(parsed::hasMatchedOption).toList();
    if (actions.size() != 1) {
      throw new IllegalArgumentException(
          "Command must include exactly one action: --generate, --execute, --verify, --cancel,"
              + " --list");
    }
    String action = actions.get(0);
    if (parsed.hasMatchedOption("--bootstrap-server")
        && parsed.hasMatchedOption("--bootstrap-controller")) {
      throw new IllegalArgumentException(
          "Please don't specify both --bootstrap-server and --bootstrap-controller");
    }
    List<String> required =
        switch (action) {
          case "--verify", "--execute", "--cancel" -> List.of("--reassignment-json-file");
          case "--generate" -> List.of("--topics-to-move-json-file", "--broker-list");
          default -> List.of();
        };
    for (String option : required) {
      if (!parsed.hasMatchedOption(option)) {
        throw new IllegalArgumentException(
            "Missing required argument \"[" + option.substring(2) + "]\"");
      }
    }
    Set<String> allowed = new HashSet<>(ALLOWED.get(action));
    for (OptionSpec option : parsed.matchedOptions()) {
      String name = option.longestName();
      if (APACHE_OPTIONS.contains(name) && !allowed.contains(name)) {
        throw new IllegalArgumentException(
            "Option \"["
                + name.substring(2)
                + "]\" can't be used with action \"["
                + action.substring(2)
                + "]\"");
      }
    }
    return action;
  }
}
