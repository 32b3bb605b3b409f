package io.kafkit.consumer;

import io.kafkit.common.output.ByteSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Polls, writes each record through the formatter, and stops at --max-messages, after --timeout-ms
 * without a record, at the end offsets (--exit-at-end), on Ctrl-C (a wakeup), or when standard
 * output closes. The output is flushed after each poll's records, and a group's offsets are
 * committed after the records were flushed: periodically, and when the loop ends.
 */
final class ConsumeLoop {
  static final long COMMIT_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();
  static final long MAX_POLL_MS = 1000;

  /** How the run ended. */
  enum End {
    MAX_MESSAGES,
    TIMEOUT,
    END_OFFSETS,
    INTERRUPTED,
    OUTPUT_CLOSED
  }

  private final Consumer<byte[], byte[]> consumer;
  private final RecordFormatter formatter;
  private final ByteSink out;
  private final PrintedOffsets printed;
  private final EndOffsets endOffsets;
  private final PrintWriter err;
  private final boolean skipOnError;
  private long count;

  ConsumeLoop(
      Consumer<byte[], byte[]> consumer,
      RecordFormatter formatter,
      ByteSink out,
      PrintedOffsets printed,
      EndOffsets endOffsets,
      boolean skipOnError,
      PrintWriter err) {
    this.consumer = consumer;
    this.formatter = formatter;
    this.out = out;
    this.printed = printed;
    this.endOffsets = endOffsets;
    this.skipOnError = skipOnError;
    this.err = err;
  }

  /**
   * @param maxMessages the most records to print, or -1
   * @param timeoutMs how long to wait for the next record before ending, or Long.MAX_VALUE
   */
  End run(long maxMessages, long timeoutMs) {
    long lastRecord = System.nanoTime();
    long lastCommit = lastRecord;
    try {
      while (maxMessages < 0 || count < maxMessages) {
        if (endOffsets != null && endOffsets.reached(consumer)) {
          return End.END_OFFSETS;
        }
        long idleMs = (System.nanoTime() - lastRecord) / 1_000_000;
        if (idleMs >= timeoutMs) {
          return End.TIMEOUT;
        }
        ConsumerRecords<byte[], byte[]> records =
            consumer.poll(Duration.ofMillis(Math.min(MAX_POLL_MS, timeoutMs - idleMs)));
        if (!records.isEmpty()) {
          lastRecord = System.nanoTime();
          if (!print(records, maxMessages)) {
            return End.OUTPUT_CLOSED;
          }
        }
        if (printed != null && System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
          printed.commit(consumer, null);
          lastCommit = System.nanoTime();
        }
      }
      return End.MAX_MESSAGES;
    } catch (WakeupException e) {
      return End.INTERRUPTED;
    }
  }

  /** Writes the records; false if standard output is gone (a closed pipe). */
  private boolean print(ConsumerRecords<byte[], byte[]> records, long maxMessages) {
    try {
      for (ConsumerRecord<byte[], byte[]> r : records) {
        if (maxMessages >= 0 && count >= maxMessages) {
          break;
        }
        count++;
        try {
          formatter.write(r, out);
        } catch (IOException e) {
          throw e;
        } catch (RuntimeException e) {
          if (!skipOnError) {
            throw new FormatException(r, e);
          }
          err.println(
              "Error processing message, skipping this message: "
                  + r.topic()
                  + "-"
                  + r.partition()
                  + "@"
                  + r.offset()
                  + ": "
                  + e.getMessage());
        }
        if (printed != null) {
          printed.written(r.topic(), r.partition(), r.offset());
        }
      }
      out.flush();
      if (printed != null) {
        printed.flushed();
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The records printed (or skipped on error), as Apache counts them. */
  long count() {
    return count;
  }

  /** A record the formatter could not write, without --skip-message-on-error. */
  static final class FormatException extends io.kafkit.common.cli.KafkitException {
    private static final long serialVersionUID = 1L;

    FormatException(ConsumerRecord<?, ?> r, RuntimeException cause) {
      super(
          "Cannot format the record at "
              + r.topic()
              + "-"
              + r.partition()
              + " offset "
              + r.offset()
              + ": "
              + cause.getMessage()
              + " (--skip-message-on-error skips such records)",
          cause);
    }
  }
}
