package io.kafkit.testkit;

import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Runs a kafkit command in this JVM, wired exactly as the launcher wires it, with an environment of
 * the test's choosing (empty by default: no profile, no $KAFKIT_BOOTSTRAP_SERVER).
 */
public final class CliRunner {
  private final Supplier<Object> command;
  private final Map<String, String> variables = new HashMap<>();
  private Path home = Path.of(System.getProperty("java.io.tmpdir"), "kafkit-test-home");

  public CliRunner(Supplier<Object> command) {
    this.command = command;
  }

  public CliRunner env(String name, String value) {
    variables.put(name, value);
    return this;
  }

  public CliRunner home(Path home) {
    this.home = home;
    return this;
  }

  public CliResult run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = CommandLines.create(command.get(), Environment.of(variables, home));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exitCode = CommandLines.execute(cmd, args);
    return new CliResult(exitCode, out.toString(), err.toString());
  }
}
