package io.kafkit.producer;

import io.kafkit.common.kafka.SendErrors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account a {@link Delivery} keeps: records and bytes sent (on the sending thread), those that
 * failed (on any thread), each failure shown and logged by line, and the time since it began.
 */
final class DeliveryTally {
  private final SendErrors errors;
  private final FailureLog failures;
  private final AtomicLong failedRecords = new AtomicLong();
  private final AtomicLong failedBytes = new AtomicLong();
  private final long startNanos = System.nanoTime();
  private long sent;
  private long sentBytes;

  DeliveryTally(SendErrors errors, FailureLog failures) {
    this.errors = errors;
    this.failures = failures;
  }

  /** A record handed over for sending, with the bytes of its key and value. */
  void sent(long bytes) {
    sent++;
    sentBytes += bytes;
  }

  /** A record that was not sent: counted, and shown with its line and the reason. */
  void failed(long line, String topic, int keySize, int valueSize, Throwable error) {
    failedRecords.incrementAndGet();
    failedBytes.addAndGet(Math.max(keySize, 0) + Math.max(valueSize, 0));
    String reason = errors.describe(error);
    failures.add(line, reason, Delivery.failure(line, topic, keySize, valueSize, reason));
  }

  long acknowledged() {
    return sent - failedRecords.get();
  }

  long bytes() {
    return sentBytes - failedBytes.get();
  }

  long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  FailureLog failures() {
    return failures;
  }
}
