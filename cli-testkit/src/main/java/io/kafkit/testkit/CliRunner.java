package io.kafkit.testkit;

import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
  private byte[] stdin = new byte[0];
  private boolean stdoutTerminal;

  /**
   * @param command a command object, or its class for picocli to build with kafkit's factory (which
   *     gives the command the test's environment)
   */
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

  /** What the command reads on standard input (nothing by default). */
  public CliRunner stdin(String text) {
    return stdin(text.getBytes(StandardCharsets.UTF_8));
  }

  public CliRunner stdin(byte[] bytes) {
    this.stdin = bytes.clone();
    return this;
  }

  /** Runs as if standard output were a terminal (it is a pipe by default). */
  public CliRunner stdoutTerminal() {
    this.stdoutTerminal = true;
    return this;
  }

  public CliResult run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Environment environment =
        Environment.of(variables, home, new ByteArrayInputStream(stdin), bytes);
    CommandLine cmd =
        CommandLines.create(
            command.get(), stdoutTerminal ? environment.withStdoutTerminal() : environment);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exitCode = CommandLines.execute(cmd, args);
    // A command writes to stdout either through picocli's writer or as bytes, never both.
    return new CliResult(
        exitCode,
        out + bytes.toString(StandardCharsets.UTF_8),
        err.toString(),
        bytes.toByteArray());
  }
}
