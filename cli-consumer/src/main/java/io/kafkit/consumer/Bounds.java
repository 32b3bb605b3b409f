package io.kafkit.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where reading a partition ends: its end offset when it was assigned (--exit-at-end), the last
 * offset asked for (--to-offset), or the last record at or before a time (--to-time), whichever
 * comes first. Each partition's bound is an offset it stops before; a partition that has reached it
 * is paused, and the run is over once every assigned partition has.
 *
 * <p>A time is turned into an offset through the broker's offset-for-time lookup, as --from-time
 * is. A time still to come has no offset yet: the first record after it ends its partition.
 */
final class Bounds {
  /** --to-offset for every partition. */
  static final int ALL_PARTITIONS = -1;

  private final boolean atEnd;
  private final Map<Integer, Long> lastOffsets;
  private final Long toTime;
  private final java.time.Clock clock;
  private final Map<TopicPartition, Long> stops = new HashMap<>();
  private boolean assigned;

  /**
   * @param atEnd stop at each partition's end offset when it was assigned
   * @param lastOffsets the last offset to read, by partition ({@link #ALL_PARTITIONS} for all)
   * @param toTime the last record time to read, in epoch milliseconds, or null
   */
  Bounds(boolean atEnd, Map<Integer, Long> lastOffsets, Long toTime, java.time.Clock clock) {
    this.atEnd = atEnd;
    this.lastOffsets = Map.copyOf(lastOffsets);
    this.toTime = toTime;
    this.clock = clock;
  }

  /** Whether any bound was asked for. */
  static boolean any(boolean atEnd, Map<Integer, Long> lastOffsets, Long toTime) {
    return atEnd || !lastOffsets.isEmpty() || toTime != null;
  }

  void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assigned = true;
    List<TopicPartition> fresh = partitions.stream().filter(tp -> !stops.containsKey(tp)).toList();
    if (fresh.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> ends = null;
    boolean timePassed = toTime != null && toTime <= clock.millis();
    if (atEnd || timePassed) {
      ends = consumer.endOffsets(fresh);
    }
    Map<TopicPartition, OffsetAndTimestamp> afterTime = Map.of();
    if (toTime != null && toTime < Long.MAX_VALUE) {
      Map<TopicPartition, Long> query = new HashMap<>();
      fresh.forEach(tp -> query.put(tp, toTime + 1));
      afterTime = consumer.offsetsForTimes(query);
    }
    for (TopicPartition tp : fresh) {
      long stop = Long.MAX_VALUE;
      if (atEnd) {
        stop = Math.min(stop, ends.get(tp));
      }
      Long last = lastOffsets.getOrDefault(tp.partition(), lastOffsets.get(ALL_PARTITIONS));
      if (last != null) {
        stop = Math.min(stop, last + 1);
      }
      if (toTime != null) {
        OffsetAndTimestamp after = afterTime.get(tp);
        if (after != null) {
          stop = Math.min(stop, after.offset());
        } else if (timePassed) {
          stop = Math.min(stop, ends.get(tp));
        }
      }
      stops.put(tp, stop);
    }
  }

  void revoked(Collection<TopicPartition> partitions) {
    partitions.forEach(stops::remove);
  }

  /**
   * Whether the record is inside its partition's bound. One past it ends the partition: a record
   * later than a --to-time still to come sets the bound at itself.
   */
  boolean within(ConsumerRecord<?, ?> r, Consumer<?, ?> consumer) {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    Long stop = stops.get(tp);
    if (stop != null && stop != Long.MAX_VALUE && r.offset() >= stop) {
      consumer.pause(List.of(tp));
      return false;
    }
    if (toTime != null && r.timestamp() > toTime && stop != null && stop == Long.MAX_VALUE) {
      stops.put(tp, r.offset());
      consumer.pause(List.of(tp));
      return false;
    }
    return true;
  }

  /** Whether every assigned partition was read up to its bound. */
  boolean reached(Consumer<?, ?> consumer) {
    if (!assigned) {
      return false;
    }
    for (TopicPartition tp : consumer.assignment()) {
      Long stop = stops.get(tp);
      if (stop == null || stop == Long.MAX_VALUE || consumer.position(tp) < stop) {
        return false;
      }
    }
    return true;
  }

  /** Each assigned partition's bound, for the progress line; Long.MAX_VALUE when it has none. */
  Map<TopicPartition, Long> stops() {
    return stops;
  }
}
