package io.kafkit.perf;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A live line on a terminal, redrawn four times a second in place of Apache's scroll of window
 * lines: a bar, records done of the total, the rate so far and the time taken. Erased when the run
 * ends, so that the final line stands alone.
 */
final class ProgressLine implements AutoCloseable {
  private static final int BAR = 24;
  private static final long REDRAW_MS = 250;

  private final PrintWriter out;
  private final String verb;
  private final long total;
  private final LongSupplier records;
  private final LongSupplier bytes;
  private final long startNanos;
  private final Thread thread;
  private volatile boolean done;
  private int width;

  private ProgressLine(
      PrintWriter out,
      String verb,
      long total,
      LongSupplier records,
      LongSupplier bytes,
      long startNanos) {
    this.out = out;
    this.verb = verb;
    this.total = total;
    this.records = records;
    this.bytes = bytes;
    this.startNanos = startNanos;
    this.thread = new Thread(this::loop, "kafkit-progress");
    thread.setDaemon(true);
  }

  /** Starts redrawing; {@code verb} is what happened to the records ("sent", "consumed"). */
  static ProgressLine start(
      PrintWriter out, String verb, long total, LongSupplier records, LongSupplier bytes) {
    ProgressLine line = new ProgressLine(out, verb, total, records, bytes, System.nanoTime());
    line.thread.start();
    return line;
  }

  private void loop() {
    while (!done) {
      try {
        Thread.sleep(REDRAW_MS);
      } catch (InterruptedException e) {
        return;
      }
      draw();
    }
  }

  private synchronized void draw() {
    if (done) {
      return;
    }
    String text =
        render(total, records.getAsLong(), bytes.getAsLong(), System.nanoTime() - startNanos, verb);
    out.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
    out.flush();
    width = text.length();
  }

  static String render(long total, long done, long bytes, long elapsedNanos, String verb) {
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    int filled = (int) (fraction * BAR);
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%  %,d/%,d records %s  %,.0f rec/s  %.2f MB/s  %.1f s",
        "#".repeat(filled),
        ".".repeat(BAR - filled),
        (int) (fraction * 100),
        done,
        total,
        verb,
        done / seconds,
        bytes / seconds / (1024.0 * 1024.0),
        seconds);
  }

  @Override
  public void close() {
    synchronized (this) {
      done = true;
      if (width > 0) {
        out.print("\r" + " ".repeat(width) + "\r");
        out.flush();
      }
    }
    thread.interrupt();
  }
}
