package io.kafkit.consumer;

import io.kafkit.common.convert.PointInTime;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where reading starts on partitions the tool assigns itself: the beginning, the end, an offset, or
 * the first record at or after a time (--from-time, through the broker's offset-for-time lookup; a
 * partition with nothing that late starts at its end).
 */
final class StartPosition {
  private enum Kind {
    EARLIEST,
    LATEST,
    OFFSET,
    TIME
  }

  private final Kind kind;
  private final long value;

  private StartPosition(Kind kind, long value) {
    this.kind = kind;
    this.value = value;
  }

  static StartPosition earliest() {
    return new StartPosition(Kind.EARLIEST, 0);
  }

  static StartPosition latest() {
    return new StartPosition(Kind.LATEST, 0);
  }

  /**
   * Apache's --offset: earliest, latest (any case) or a non-negative number.
   *
   * @throws IllegalArgumentException with Apache's message
   */
  static StartPosition offset(String text) {
    String lower = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("earliest")) {
      return earliest();
    }
    if (lower.equals("latest")) {
      return latest();
    }
    try {
      long offset = Long.parseLong(lower);
      if (offset >= 0) {
        return new StartPosition(Kind.OFFSET, offset);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "The provided offset value '"
            + text
            + "' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.");
  }

  /**
   * --from-time: an ISO-8601 instant (2026-11-22T10:00:00Z) or a duration back from now (-15m, 2h).
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  static StartPosition time(String text, Clock clock) {
    return new StartPosition(
        Kind.TIME,
        PointInTime.parse(text, clock)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--from-time takes " + PointInTime.FORMS + ", not '" + text + "'")));
  }

  boolean isTime() {
    return kind == Kind.TIME;
  }

  void seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    switch (kind) {
      case EARLIEST -> consumer.seekToBeginning(partitions);
      case LATEST -> consumer.seekToEnd(partitions);
      case OFFSET -> partitions.forEach(tp -> consumer.seek(tp, value));
      case TIME -> {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, value));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        for (TopicPartition tp : partitions) {
          OffsetAndTimestamp at = found.get(tp);
          if (at == null) {
            consumer.seekToEnd(java.util.List.of(tp));
          } else {
            consumer.seek(tp, at.offset());
          }
        }
      }
    }
  }
}
