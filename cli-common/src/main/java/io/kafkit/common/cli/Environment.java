package io.kafkit.common.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a command reads from outside its arguments: environment variables and the user's home.
 * Injected (through {@link KafkitFactory}) so tests can give each run its own.
 */
public final class Environment {
  private final UnaryOperator<String> variables;
  private final Path home;
  private final InputStream stdin;
  private final OutputStream stdout;
  private final boolean terminal;
  private final java.util.function.BooleanSupplier stdoutTerminal;
  private final java.util.function.BooleanSupplier stderrTerminal;
  private Boolean stdoutTerminalAnswer;

  private Environment(
      UnaryOperator<String> variables,
      Path home,
      InputStream stdin,
      OutputStream stdout,
      boolean terminal,
      java.util.function.BooleanSupplier stdoutTerminal,
      java.util.function.BooleanSupplier stderrTerminal) {
    this.variables = variables;
    this.home = home;
    this.stdin = stdin;
    this.stdout = stdout;
    this.terminal = terminal;
    this.stdoutTerminal = stdoutTerminal;
    this.stderrTerminal = stderrTerminal;
  }

  public static Environment system() {
    boolean terminal = systemTerminal();
    return new Environment(
        System::getenv,
        Path.of(System.getProperty("user.home")),
        System.in,
        new FileOutputStream(FileDescriptor.out),
        terminal,
        () -> terminal || isStdoutTerminal(),
        () -> isTerminalDevice(Path.of("/proc/self/fd/2")));
  }

  public static Environment of(Map<String, String> variables, Path home) {
    return of(variables, home, InputStream.nullInputStream(), OutputStream.nullOutputStream());
  }

  /** A test's environment, with no terminal anywhere. */
  public static Environment of(
      Map<String, String> variables, Path home, InputStream stdin, OutputStream stdout) {
    Map<String, String> copy = Map.copyOf(variables);
    return new Environment(copy::get, home, stdin, stdout, false, () -> false, () -> false);
  }

  /** This environment with standard output a terminal, as a test's run at a person's screen. */
  public Environment withStdoutTerminal() {
    return new Environment(variables, home, stdin, stdout, terminal, () -> true, stderrTerminal);
  }

  /**
   * Standard output as bytes, unbuffered: for the tools that stream records, which buffer it
   * themselves. Everything else prints through picocli's writer.
   */
  public OutputStream stdout() {
    return stdout;
  }

  /** Whether standard output is a terminal, where raw control bytes must not go. */
  public boolean stdoutTerminal() {
    if (stdoutTerminalAnswer == null) {
      stdoutTerminalAnswer = stdoutTerminal.getAsBoolean();
    }
    return stdoutTerminalAnswer;
  }

  /**
   * Whether standard output alone is a terminal: Linux tells through /proc; elsewhere a POSIX
   * shell's {@code [ -t 1 ]}, run on the same standard output, does (asked only by the tools that
   * print records, once).
   */
  private static boolean isStdoutTerminal() {
    Path fd = Path.of("/proc/self/fd/1");
    if (Files.isSymbolicLink(fd)) {
      return isTerminalDevice(fd);
    }
    try {
      Process test =
          new ProcessBuilder("sh", "-c", "[ -t 1 ]")
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return test.waitFor() == 0;
    } catch (IOException e) {
      return false; // no POSIX shell: treat standard output as a pipe
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean isTerminalDevice(Path fd) {
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // No /proc (not Linux), or not a link: treat standard output as a pipe, where escaping
      // control characters would change the bytes a script reads.
      return false;
    }
  }

  /**
   * Whether standard error is a terminal (Linux, through /proc; elsewhere treated as not one):
   * where a long run may show its progress.
   */
  public boolean stderrTerminal() {
    return stderrTerminal.getAsBoolean();
  }

  /** Standard input. Tools that read it take it from here, never from {@code System.in}. */
  public InputStream stdin() {
    return stdin;
  }

  /**
   * Whether a person sits at this process: standard input and output are both a terminal, Apache's
   * own test ({@code System.console() != null}), made exact on Java 22+ where a console exists even
   * for pipes.
   */
  public boolean terminal() {
    return terminal;
  }

  private static boolean systemTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // Java 17-21: a console exists only for a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** The variable's value, if it is set and not blank. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.apply(name)).filter(v -> !v.isBlank());
  }

  /**
   * {@code $KAFKIT_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/kafkit}, else {@code
   * ~/.config/kafkit}.
   */
  public Path configDir() {
    return variable("KAFKIT_CONFIG_DIR")
        .map(Path::of)
        .orElseGet(
            () ->
                variable("XDG_CONFIG_HOME")
                    .map(Path::of)
                    .orElse(home.resolve(".config"))
                    .resolve("kafkit"));
  }

  /** {@code $XDG_DATA_HOME/kafkit}, else {@code ~/.local/share/kafkit}. */
  public Path dataDir() {
    return variable("XDG_DATA_HOME")
        .map(Path::of)
        .orElse(home.resolve(".local").resolve("share"))
        .resolve("kafkit");
  }
}
