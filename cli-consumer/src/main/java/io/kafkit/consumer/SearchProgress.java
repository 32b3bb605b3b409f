package io.kafkit.consumer;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A search's progress, redrawn in place on a terminal's stderr at most five times a second: records
 * read, matches, the rate, and where each partition is (or how much of the range is read, past four
 * partitions). Only ever on a terminal: a pipe or a file gets nothing.
 */
final class SearchProgress implements AutoCloseable {
  private static final long EVERY_NANOS = 200_000_000L;
  private static final int PARTITIONS_SHOWN = 4;

  private final PrintWriter err;
  private final LongSupplier nanos;
  private final long started;
  private long lastDrawn;
  private boolean drawn;

  SearchProgress(PrintWriter err, LongSupplier nanos) {
    this.err = err;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
    this.lastDrawn = started;
  }

  void update(Consumer<?, ?> consumer, SearchTally tally, Bounds bounds) {
    long now = nanos.getAsLong();
    if (now - lastDrawn < EVERY_NANOS) {
      return;
    }
    lastDrawn = now;
    err.print("\r\033[K" + line(tally, positions(consumer), bounds, now - started));
    err.flush();
    drawn = true;
  }

  private static Map<TopicPartition, Long> positions(Consumer<?, ?> consumer) {
    Map<TopicPartition, Long> positions = new java.util.TreeMap<>(SearchTally.ORDER);
    for (TopicPartition tp : consumer.assignment()) {
      positions.put(tp, consumer.position(tp));
    }
    return positions;
  }

  /** The line itself, without the control bytes that redraw it. */
  static String line(
      SearchTally tally, Map<TopicPartition, Long> positions, Bounds bounds, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Read %,d records, %,d matched, %,.0f records/s",
                tally.read(),
                tally.kept(),
                tally.read() / seconds));
    if (!positions.isEmpty() && positions.size() <= PARTITIONS_SHOWN) {
      line.append(';');
      positions.forEach(
          (tp, at) -> {
            line.append(' ').append(tp).append(" at ").append(at);
            Long stop = bounds == null ? null : bounds.stops().get(tp);
            if (stop != null && stop != Long.MAX_VALUE) {
              line.append('/').append(stop);
            }
          });
    } else if (!positions.isEmpty()) {
      line.append("; ").append(positions.size()).append(" partitions");
    }
    return line.toString();
  }

  /** Clears the line, so the run's last words start on a clean one. */
  @Override
  public void close() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
