package io.kafkit.perf;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The acknowledged records of a producer perf run (or of its steady state): totals, every latency,
 * and the current reporting window, whose line Apache's ProducerPerformance prints when a record
 * completes after the interval has passed. Fed by the producer's callbacks; read by the progress
 * line, hence synchronized.
 */
final class ProducerStats {
  private static final double MIB = 1024.0 * 1024.0;

  private final long startNanos;
  private final long intervalNanos;
  private final boolean steadyState;
  private final PrintWriter windows;
  private final LatencyHistogram latencies = new LatencyHistogram();
  private boolean printWindows;
  private boolean announced;

  private long count;
  private long bytes;
  private long totalLatencyNanos;
  private long maxLatencyNanos;

  private long windowStart;
  private long windowCount;
  private long windowBytes;
  private long windowLatencyNanos;
  private long windowMaxNanos;

  /**
   * @param windows where window lines go, or null for none (a progress line instead, or JSON)
   */
  ProducerStats(long startNanos, long intervalMs, boolean steadyState, PrintWriter windows) {
    this.startNanos = startNanos;
    this.windowStart = startNanos;
    this.intervalNanos = intervalMs * 1_000_000L;
    this.steadyState = steadyState;
    this.windows = windows;
    this.printWindows = windows != null;
  }

  synchronized void record(long latencyNanos, int size, long nowNanos) {
    count++;
    bytes += size;
    totalLatencyNanos += latencyNanos;
    maxLatencyNanos = Math.max(maxLatencyNanos, latencyNanos);
    latencies.add(latencyNanos / 1_000_000L);
    windowCount++;
    windowBytes += size;
    windowLatencyNanos += latencyNanos;
    windowMaxNanos = Math.max(windowMaxNanos, latencyNanos);
    if (nowNanos - windowStart >= intervalNanos) {
      if (printWindows) {
        if (steadyState && !announced) {
          windows.println("In steady state.");
          announced = true;
        }
        windows.println(windowLine(nowNanos));
        windows.flush();
      }
      windowStart = nowNanos;
      windowCount = 0;
      windowBytes = 0;
      windowLatencyNanos = 0;
      windowMaxNanos = 0;
    }
  }

  /** Stops window lines (the whole run's, once its steady state reports them). */
  synchronized void suppressWindows() {
    printWindows = false;
  }

  synchronized long count() {
    return count;
  }

  synchronized long bytes() {
    return bytes;
  }

  String windowLine(long nowNanos) {
    double seconds = (nowNanos - windowStart) / 1e9;
    return String.format(
        Locale.ROOT,
        "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max"
            + " latency.",
        windowCount,
        windowCount / seconds,
        windowBytes / seconds / MIB,
        windowCount == 0 ? 0.0 : windowLatencyNanos / 1e6 / windowCount,
        windowMaxNanos / 1e6);
  }

  /** The totals up to now, as the final line and the JSON report show them. */
  synchronized ProducerResult.Totals totals(long nowNanos) {
    long elapsedNanos = Math.max(nowNanos - startNanos, 1);
    double seconds = elapsedNanos / 1e9;
    return new ProducerResult.Totals(
        count,
        count / seconds,
        bytes / seconds / MIB,
        elapsedNanos / 1_000_000L,
        new ProducerResult.Latency(
            count == 0 ? 0.0 : totalLatencyNanos / 1e6 / count,
            maxLatencyNanos / 1e6,
            latencies.percentile(0.5),
            latencies.percentile(0.95),
            latencies.percentile(0.99),
            latencies.percentile(0.999)));
  }

  /** Apache's final line. */
  static String totalLine(ProducerResult.Totals t, boolean steadyState) {
    ProducerResult.Latency l = t.latencyMs();
    return String.format(
        Locale.ROOT,
        "%d%s records sent, %f records/sec (%.2f MB/sec), %.2f ms avg latency, %.2f ms max latency,"
            + " %d ms 50th, %d ms 95th, %d ms 99th, %d ms 99.9th.",
        t.records(),
        steadyState ? " steady state" : "",
        t.recordsPerSec(),
        t.mbPerSec(),
        l.avg(),
        l.max(),
        l.p50(),
        l.p95(),
        l.p99(),
        l.p999());
  }
}
