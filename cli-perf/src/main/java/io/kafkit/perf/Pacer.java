package io.kafkit.perf;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Holds a send rate: before record n is sent, waits until n / rate seconds have passed since the
 * start. Measuring from the start (not between records) keeps the average exact over any run; waits
 * under a millisecond are saved up rather than slept, as sleeping that little overshoots.
 */
final class Pacer {
  private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final long startNanos;
  private final double nanosPerRecord;
  private final LongSupplier clock;
  private final LongConsumer park;

  /**
   * @param recordsPerSecond the rate; zero or less for none
   */
  Pacer(double recordsPerSecond, long startNanos) {
    this(recordsPerSecond, startNanos, System::nanoTime, LockSupport::parkNanos);
  }

  /** With the clock (nanoseconds) and the wait (for so many nanoseconds) given: for tests. */
  Pacer(double recordsPerSecond, long startNanos, LongSupplier clock, LongConsumer park) {
    this.startNanos = startNanos;
    this.nanosPerRecord = recordsPerSecond > 0 ? 1e9 / recordsPerSecond : 0;
    this.clock = clock;
    this.park = park;
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
    long ahead = due - clock.getAsLong();
    while (ahead >= MIN_WAIT_NANOS
        && !stop.getAsBoolean()
        && !Thread.currentThread().isInterrupted()) {
      park.accept(ahead);
      ahead = due - clock.getAsLong();
    }
  }
}
