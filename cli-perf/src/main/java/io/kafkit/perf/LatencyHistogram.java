package io.kafkit.perf;

import java.util.Arrays;

/**
 * Every latency of a run, counted per millisecond: exact percentiles over all records at a fixed
 * cost per record, where Apache's ProducerPerformance sorts a sample of at most 500,000.
 * Percentiles are nearest-rank, as Apache computes them ({@code sorted[(int) (p * n)]}).
 */
final class LatencyHistogram {
  /** Latencies above this many milliseconds (10 minutes) share the last bucket. */
  static final int MAX_TRACKED_MS = 600_000;

  private long[] counts = new long[1024];
  private long total;

  void add(long millis) {
    int bucket = (int) Math.min(Math.max(millis, 0), MAX_TRACKED_MS);
    if (bucket >= counts.length) {
      counts =
          Arrays.copyOf(
              counts, Math.min(Math.max(bucket + 1, counts.length * 2), MAX_TRACKED_MS + 1));
    }
    counts[bucket]++;
    total++;
  }

  long total() {
    return total;
  }

  /** The latency (ms) at or below which the fraction {@code p} of the records were acknowledged. */
  int percentile(double p) {
    if (total == 0) {
      return 0;
    }
    long rank = Math.min((long) (p * total), total - 1);
    long seen = 0;
    for (int ms = 0; ms < counts.length; ms++) {
      seen += counts[ms];
      if (seen > rank) {
        return ms;
      }
    }
    return counts.length - 1;
  }
}
