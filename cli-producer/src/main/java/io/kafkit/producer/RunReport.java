package io.kafkit.producer;

import io.kafkit.common.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The end of a run on stderr: every record not sent, by line; where reading stopped and why; with
 * --verbose, what was sent and how fast. Its exit code is 1 if anything was not sent.
 */
final class RunReport {
  private final Delivery delivery;
  private final PrintWriter err;
  private final boolean verbose;
  private final boolean pipe;

  /**
   * @param pipe whether a fatal failure stopped the reading (a pipe does; the prompt goes on)
   */
  RunReport(Delivery delivery, PrintWriter err, boolean verbose, boolean pipe) {
    this.delivery = delivery;
    this.err = err;
    this.verbose = verbose;
    this.pipe = pipe;
  }

  /**
   * @param lastLine the number of the last line sent
   * @param badLine the line that stopped the run, or null
   * @param interrupted whether Ctrl-C ended the run
   */
  int print(long lastLine, LineException badLine, boolean interrupted) {
    delivery.failures().summary().forEach(err::println);
    if (badLine != null) {
      err.println(
          "Error: "
              + badLine.getMessage()
              + ". Lines before it were sent; it and the lines after it were not.");
    } else if (pipe && delivery.fatal()) {
      err.println(
          "Stopped reading after line "
              + lastLine
              + " because of the error above: no line after it was sent.");
    } else if (interrupted) {
      err.println("Interrupted: all " + lastLine + " lines read were sent.");
    }
    if (verbose) {
      err.println(summary());
    }
    err.flush();
    if (badLine != null || (pipe && delivery.fatal()) || delivery.failures().count() > 0) {
      return ExitCodes.FAILED;
    }
    return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
  }

  String summary() {
    double seconds = delivery.elapsedNanos() / 1e9;
    long records = delivery.acknowledged();
    return String.format(
        Locale.ROOT,
        "Sent %d %s (%d bytes) in %.3f s: %.0f records/s, %.1f MB/s.",
        records,
        records == 1 ? "record" : "records",
        delivery.bytes(),
        seconds,
        seconds > 0 ? records / seconds : 0.0,
        seconds > 0 ? delivery.bytes() / seconds / 1e6 : 0.0);
  }
}
