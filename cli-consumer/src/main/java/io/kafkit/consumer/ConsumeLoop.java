package io.kafkit.consumer;

import io.kafkit.common.filter.RecordFilter;
import io.kafkit.common.output.ByteSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Polls, writes each record the filter keeps through the formatter (or only counts it, --count),
 * and stops at --max-messages matches, after --timeout-ms without a record, at the bounds
 * (--exit-at-end, --to-offset, --to-time), on Ctrl-C (a wakeup), or when standard output closes.
 * The output is flushed after each poll's records, and a group's offsets are committed after the
 * records were flushed, periodically and when the loop ends: the offsets of every record read, kept
 * or not, so a search does not read the same records again on its next run.
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
  private final Bounds bounds;
  private final PrintWriter err;
  private final boolean skipOnError;
  private final RecordFilter filter;
  private final SearchTally tally;
  private final boolean countOnly;
  private SearchProgress progress;
  private RecordDecoding decoding;
  private long count;

  ConsumeLoop(
      Consumer<byte[], byte[]> consumer,
      RecordFormatter formatter,
      ByteSink out,
      PrintedOffsets printed,
      Bounds bounds,
      boolean skipOnError,
      PrintWriter err,
      RecordFilter filter,
      SearchTally tally,
      boolean countOnly) {
    this.consumer = consumer;
    this.formatter = formatter;
    this.out = out;
    this.printed = printed;
    this.bounds = bounds;
    this.skipOnError = skipOnError;
    this.err = err;
    this.filter = filter;
    this.tally = tally;
    this.countOnly = countOnly;
  }

  /** Shows the search's progress on a terminal's stderr while the loop runs. */
  void showProgress(SearchProgress progress) {
    this.progress = progress;
  }

  /** Decodes keys and values by their schemas before the filter and the formatter see them. */
  void decode(RecordDecoding decoding) {
    this.decoding = decoding;
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
        if (bounds != null && bounds.reached(consumer)) {
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
        if (progress != null) {
          progress.update(consumer, tally, bounds);
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

  /** Writes the records kept; false if standard output is gone (a closed pipe). */
  private boolean print(ConsumerRecords<byte[], byte[]> records, long maxMessages) {
    try {
      for (ConsumerRecord<byte[], byte[]> read : records) {
        if (maxMessages >= 0 && count >= maxMessages) {
          break;
        }
        if (bounds != null && !bounds.within(read, consumer)) {
          continue;
        }
        ConsumerRecord<byte[], byte[]> r = decoding == null ? read : decoding.apply(read, err);
        boolean kept = filter.matches(r.key(), r.value(), r.headers());
        tally.read(r.topic(), r.partition(), kept);
        if (kept) {
          count++;
          if (!countOnly) {
            write(r);
          }
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

  private void write(ConsumerRecord<byte[], byte[]> r) throws IOException {
    try {
      formatter.write(r, out);
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException e) {
      if (!skipOnError) {
        throw new FormatException(r, e, "--skip-message-on-error skips such records");
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
  }

  /** The records kept: printed (or skipped on error, as Apache counts them) or counted. */
  long count() {
    return count;
  }

  /** A record the formatter could not write, with the option that would have gone past it. */
  static final class FormatException extends io.kafkit.common.cli.KafkitException {
    private static final long serialVersionUID = 1L;

    FormatException(ConsumerRecord<?, ?> r, RuntimeException cause, String remedy) {
      super(
          "Cannot format the record at "
              + r.topic()
              + "-"
              + r.partition()
              + " offset "
              + r.offset()
              + ": "
              + cause.getMessage()
              + " ("
              + remedy
              + ")",
          cause);
    }
  }
}
