package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every usage error of every tool is at most two lines on stderr: what is wrong, and where help is.
 * The bad inputs are generated from each tool's model (an unknown option, an abbreviation where
 * Apache refuses them, every option that takes a value given none) and listed by hand for the
 * values no type can refuse: counts, sizes and times that cannot be meant.
 */
class UsageErrorsTest {
  /** Where nothing listens: a command that wrongly got past its checks fails fast, exit 1. */
  static final String[] NOWHERE = {"--bootstrap-server", "127.0.0.1:1", "--connect-timeout", "1s"};

  static Stream<Arguments> generated() {
    List<Arguments> cases = new ArrayList<>();
    for (Tools.Tool tool : Tools.ALL) {
      CommandLine command = Kafkit.commandLine().getSubcommands().get(tool.name());
      leaves(tool, command, List.of(tool.name()), cases);
    }
    return cases.stream();
  }

  private static void leaves(
      Tools.Tool tool, CommandLine command, List<String> path, List<Arguments> cases) {
    if (!command.getSubcommands().isEmpty()) {
      command
          .getSubcommands()
          .forEach(
              (name, sub) -> {
                if (!name.equals("help")) {
                  List<String> longer = new ArrayList<>(path);
                  longer.add(name);
                  leaves(tool, sub, longer, cases);
                }
              });
      return;
    }
    cases.add(Arguments.of(tool, args(path, "--no-such-option")));
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (option.arity().min() > 0) {
        cases.add(Arguments.of(tool, args(path, option.longestName())));
      }
      String name = option.longestName();
      if (name.length() > 8 && !(command.getCommand() instanceof ArgparseRules)) {
        // jopt-simple refuses a prefix, and so does kafkit for Apache's jopt-simple tools
        cases.add(Arguments.of(tool, args(path, name.substring(0, name.length() - 2))));
      }
    }
  }

  private static String[] args(List<String> path, String... more) {
    List<String> all = new ArrayList<>(path.subList(1, path.size()));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  static Stream<Arguments> meaningless() {
    return Stream.of(
        tool("topics", "--create", "--topic", "x", "--partitions", "0"),
        tool("topics", "--create", "--topic", "x", "--replication-factor", "0"),
        tool("topics", "--describe", "--partition-size-limit-per-response", "0"),
        tool("topics", "--list", "--connect-timeout", "0"),
        tool("console-consumer", "--topic", "t", "--max-messages", "-5"),
        tool("console-consumer", "--topic", "t", "--max-messages", "0"),
        tool("console-consumer", "--topic", "t", "--partition", "-1"),
        tool("console-producer", "--topic", "t", "--partition", "-1"),
        tool("consumer-groups", "--list", "--timeout", "0"),
        tool("consumer-groups", "--list", "--timeout", "-5"),
        perf("0", "1", "-1"),
        perf("5", "0", "-1"),
        perf("5", "1", "0"),
        perf("5", "1", "-1", "--reporting-interval", "0"),
        perf("5", "1", "-1", "--warmup-records", "-1"),
        perf("5", "1", "-1", "--transaction-duration-ms", "0"),
        perf("5", "1", "-1", "--key-distribution", "random", "--record-key-range", "0"),
        perf("5", "1", "-1", "--key-distribution", "range"),
        perf("5", "1", "-1", "--record-key-range", "3"),
        tool("consumer-perf-test", "--topic", "t", "--num-records", "0"),
        tool("consumer-perf-test", "--topic", "t", "--num-records", "5", "--fetch-size", "0"),
        tool("consumer-perf-test", "--topic", "t", "--num-records", "5", "--timeout", "-1"),
        tool(
            "consumer-perf-test",
            "--topic",
            "t",
            "--num-records",
            "5",
            "--reporting-interval",
            "0"),
        tool("dump-log", "--files", "x.log", "--max-message-size", "0"),
        tool("dump-log", "--files", "x.log", "--max-bytes", "-1"),
        tool("dump-log", "--files", "x.log", "--start-offset", "-1"),
        tool("dump-log", "--files", "x.log,00000000000000000000.index", "--output", "json"),
        tool("dump-log", "--files", "x.log", "--end-offset", "-3"),
        tool("broker", "stop", "--wait", "0"),
        tool("broker", "start", "--port", "0"),
        tool("broker", "start", "--port", "70000"));
  }

  /** producer-perf-test with these counts, and more options. */
  private static Arguments perf(
      String numRecords, String recordSize, String throughput, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--topic",
                "t",
                "--num-records",
                numRecords,
                "--record-size",
                recordSize,
                "--throughput",
                throughput));
    args.addAll(List.of(more));
    return tool("producer-perf-test", args.toArray(String[]::new));
  }

  private static Arguments tool(String name, String... args) {
    return Arguments.of(Tools.named(name).orElseThrow(), args);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource({"generated", "meaningless"})
  void isAtMostTwoLines(Tools.Tool tool, String[] args) {
    List<String> all = new ArrayList<>(List.of(tool.name()));
    all.addAll(List.of(args));
    if (tool.makesClients() && !tool.name().equals("broker")) {
      all.addAll(List.of(NOWHERE));
    }
    String[] argv = all.toArray(String[]::new);
    CommandLine root = Kafkit.commandLineFor(argv);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    root.setOut(new PrintWriter(out, true));
    root.setErr(new PrintWriter(err, true));
    int exitCode = CommandLines.execute(root, argv);
    String result = "exit " + exitCode + "\nstdout:\n" + out + "stderr:\n" + err;
    assertEquals(ExitCodes.USAGE, exitCode, result);
    assertEquals("", out.toString(), "nothing on stdout\n" + result);
    List<String> lines = err.toString().lines().filter(l -> !l.isBlank()).toList();
    assertTrue(lines.size() <= 2, "at most two lines:\n" + result);
    assertTrue(lines.get(0).startsWith("Error: "), result);
    if (lines.size() == 2) {
      assertTrue(
          lines.get(1).matches("Try 'kafkit [A-Za-z0-9_ -]+ --help' for more information\\."),
          result);
    }
  }
}
