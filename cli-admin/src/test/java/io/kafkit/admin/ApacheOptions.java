package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.Environment;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/** Every long option Apache's 4.4.0 tool lists in its --help is one the kafkit command takes. */
final class ApacheOptions {
  private ApacheOptions() {}

  static void allAccepted(String apacheClass, Class<?> command) {
    CliResult help = ApacheTools.run(apacheClass, "--help");
    CommandSpec ours =
        CommandLines.create(command, Environment.of(Map.of(), Path.of("."))).getCommandSpec();
    Matcher option = Pattern.compile("(?m)^(--[a-z][a-z.-]*)").matcher(help.out() + help.err());
    int seen = 0;
    while (option.find()) {
      seen++;
      assertTrue(ours.findOption(option.group(1)) != null, option.group(1) + " missing");
    }
    assertTrue(seen >= 3, help.toString());
  }
}
