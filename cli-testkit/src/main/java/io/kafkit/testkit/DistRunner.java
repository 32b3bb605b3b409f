package io.kafkit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the assembled distribution's scripts as real processes. The distribution's directory comes
 * from the system property {@code kafkit.dist.home}, which the dist module's build sets.
 */
public final class DistRunner {
  private final Path home;
  private final Map<String, String> environment = new HashMap<>();
  private final java.util.Set<String> removed = new java.util.HashSet<>();
  private long timeoutSeconds = 120;

  public DistRunner() {
    String dir = System.getProperty("kafkit.dist.home");
    if (dir == null) {
      throw new IllegalStateException("kafkit.dist.home is not set: run through mvn verify");
    }
    this.home = Path.of(dir);
  }

  /** Runs the scripts of another distribution directory (the self-contained image). */
  public DistRunner(Path home) {
    this.home = home;
  }

  /** Leaves an inherited environment variable out of the scripts' environment. */
  public DistRunner without(String name) {
    removed.add(name);
    return this;
  }

  public Path home() {
    return home;
  }

  public DistRunner env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public DistRunner timeoutSeconds(long seconds) {
    this.timeoutSeconds = seconds;
    return this;
  }

  /** {@code kafkit broker start} on these ports, its data in dataDir. */
  public CliResult startBroker(Path dataDir, String port, String controllerPort) {
    return run(
        "kafkit",
        "broker",
        "start",
        "--data-dir",
        dataDir.toString(),
        "--port",
        port,
        "--controller-port",
        controllerPort);
  }

  /** {@code kafkit broker stop} for the broker whose data is in dataDir. */
  public CliResult stopBroker(Path dataDir) {
    return run("kafkit", "broker", "stop", "--data-dir", dataDir.toString());
  }

  /** Runs bin/SCRIPT with the arguments and waits for it. */
  public CliResult run(String script, String... args) {
    return run(new java.io.File("/dev/null"), script, args);
  }

  /** Runs bin/SCRIPT with the file as its standard input and waits for it. */
  public CliResult runWithInput(Path input, String script, String... args) {
    return run(input.toFile(), script, args);
  }

  private CliResult run(java.io.File input, String script, String... args) {
    Path executable = home.resolve("bin").resolve(script);
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(executable + " is not an executable script");
    }
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    removed.forEach(builder.environment()::remove);
    builder.redirectInput(ProcessBuilder.Redirect.from(input));
    try {
      Process process = builder.start();
      CompletableFuture<String> out = read(process.getInputStream());
      CompletableFuture<String> err = read(process.getErrorStream());
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " did not finish within " + timeoutSeconds + "s");
      }
      return new CliResult(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts bin/SCRIPT with its standard input open to the test. */
  public RunningProcess start(String script, String... args) {
    return start(command(script, args));
  }

  /**
   * Starts bin/SCRIPT on a real pseudo-terminal (through util-linux's {@code script}), as a person
   * at a terminal runs it: what the test types arrives as keystrokes.
   */
  public RunningProcess startInTerminal(String script, String... args) {
    // A pty made for a pipe has no size; give it a terminal's.
    StringBuilder line = new StringBuilder("stty cols 120 rows 40; exec ");
    for (String word : command(script, args)) {
      line.append('\'').append(word.replace("'", "'\\''")).append("' ");
    }
    return start(List.of("script", "-qefc", line.toString().trim(), "/dev/null"));
  }

  private List<String> command(String script, String... args) {
    Path executable = home.resolve("bin").resolve(script);
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    return command;
  }

  private RunningProcess start(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    removed.forEach(builder.environment()::remove);
    try {
      return new RunningProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
