package io.kafkit.perf;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a send rate: before record n is sent, waits until n / rate seconds have passed since the
 * start. Measuring from the start (not between records) keeps the average exact over any run; waits
 * under a millisecond are saved up rather than slept, as sleeping that little overshoots.
 */
final class Pacer {
  private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final long startNanos;
  private final double nanosPerRecord;

  /**
   * @param recordsPerSecond the rate; zero or less for none
   */
  Pacer(double recordsPerSecond, long startNanos) {
    this.startNanos = startNanos;
    this.nanosPerRecord = recordsPerSecond > 0 ? 1e9 / recordsPerSecond : 0;
  }

  boolean limited() {
    return nanosPerRecord > 0;
  }

  /**
   * Waits, if the {@code sent} records so far are ahead of the rate, until they are not. Returns
   * early when the thread is interrupted or {@code stop} says so.
   */
  void pace(long sent, java.util.function.BooleanSupplier stop) {
    if (nanosPerRecord <= 0) {
      return;
    }
    long due = startNanos + (long) (sent * nanosPerRecord);
    long ahead = due - System.nanoTime();
    while (ahead >= MIN_WAIT_NANOS
        && !stop.getAsBoolean()
        && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(ahead);
      ahead = due - System.nanoTime();
    }
  }
}
