package io.kafkit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A launcher process a test talks to while it runs: what it types goes to the process's standard
 * input (or terminal), and its output can be awaited.
 */
public final class RunningProcess implements AutoCloseable {
  private final Process process;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();

  private final Thread outPump;
  private final Thread errPump;

  RunningProcess(Process process) {
    this.process = process;
    outPump = pump(process.getInputStream(), out);
    errPump = pump(process.getErrorStream(), err);
  }

  /** Waits until what the process wrote before it ended has been read (at most 10 s). */
  private void drain() throws InterruptedException {
    outPump.join(10_000);
    errPump.join(10_000);
  }

  /** Sends text (keys, for a terminal) to the process. */
  public RunningProcess type(String text) {
    return write(text.getBytes(StandardCharsets.UTF_8));
  }

  public RunningProcess write(byte[] bytes) {
    try {
      OutputStream in = process.getOutputStream();
      in.write(bytes);
      in.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the process's standard input: end of input. */
  public RunningProcess closeInput() {
    try {
      process.getOutputStream().close();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until stdout shows {@code text} at least {@code times} times. */
  public RunningProcess awaitOutput(String text, int times, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(out.toString(), text) < times) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected '" + text + "' " + times + " times; output so far:\n" + out + "\n" + err);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return this;
  }

  /** Waits for the process to end; its exit code, stdout and stderr. */
  public CliResult waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new AssertionError("did not finish within " + timeout + "; output:\n" + out + err);
      }
      drain();
      process.getInputStream().close();
      return new CliResult(process.exitValue(), out.toString(), err.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGINT, as Ctrl-C in a shell does. */
  public RunningProcess interrupt() {
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGKILL, as a crash or an OOM killer does: no shutdown hook runs. */
  public RunningProcess kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
      drain();
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String errors() {
    return err.toString();
  }

  public String output() {
    return out.toString();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static Thread pump(InputStream stream, StringBuffer into) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (stream) {
                for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                  into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "process-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
