package io.kafkit.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where reading a partition ends: its end offset when it was first assigned (--exit-at-end), the
 * last offset asked for (--to-offset), or the last record at or before a time (--to-time),
 * whichever comes first. Each partition's bound is an offset it stops before; a partition that has
 * reached it is paused, and the run is over once every assigned partition has. A partition with no
 * bound of its own (--to-offset P:N names others) is read on.
 *
 * <p>A time is turned into an offset through the broker's offset-for-time lookup, as --from-time
 * is. A time still to come has no offset yet: the first record after it ends its partition, and
 * once the time has passed, the partition's end offset then does.
 *
 * <p>A bound is kept for the whole run, through rebalances: a partition that comes back keeps the
 * end it had when first assigned. While a rebalance has taken every partition away, the run is not
 * over.
 */
final class Bounds {
  /** --to-offset for every partition. */
  static final int ALL_PARTITIONS = -1;

  private static final long NONE = Long.MAX_VALUE;

  private final boolean atEnd;
  private final Map<Integer, Long> lastOffsets;
  private final Long toTime;
  private final java.time.Clock clock;
  private final Map<TopicPartition, Long> stops = new HashMap<>();
  private final Set<TopicPartition> timeToCome = new HashSet<>();
  private boolean assigned;
  // the last record's partition and bound: most records follow one of the same partition
  private String lastTopic;
  private int lastPartition = -1;
  private long lastStop = NONE;

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
      long stop = NONE;
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
        } else {
          timeToCome.add(tp);
        }
      }
      stops.put(tp, stop);
    }
    lastTopic = null;
  }

  /** The partitions went away (a rebalance): the run is not over until some come back. */
  void revoked(Collection<TopicPartition> partitions) {
    assigned = false;
    lastTopic = null;
  }

  /**
   * Whether the record is inside its partition's bound. One past it ends the partition: a record
   * later than a --to-time still to come sets the bound at itself.
   */
  boolean within(ConsumerRecord<?, ?> r, Consumer<?, ?> consumer) {
    long stop;
    if (r.partition() == lastPartition && r.topic().equals(lastTopic)) {
      stop = lastStop;
    } else {
      Long known = stops.get(new TopicPartition(r.topic(), r.partition()));
      stop = known == null ? NONE : known;
      lastTopic = r.topic();
      lastPartition = r.partition();
      lastStop = stop;
    }
    if (r.offset() >= stop) {
      consumer.pause(List.of(new TopicPartition(r.topic(), r.partition())));
      return false;
    }
    if (!timeToCome.isEmpty() && r.timestamp() > toTime) {
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      if (timeToCome.remove(tp)) {
        stops.put(tp, r.offset());
        lastStop = r.offset();
        consumer.pause(List.of(tp));
        return false;
      }
    }
    return true;
  }

  /** Whether every assigned partition was read up to its bound. */
  boolean reached(Consumer<?, ?> consumer) {
    if (!assigned) {
      return false;
    }
    if (!timeToCome.isEmpty() && toTime <= clock.millis()) {
      // the time has come without a record after it: the partitions end where they are now
      consumer.endOffsets(timeToCome).forEach((tp, end) -> stops.merge(tp, end, Math::min));
      timeToCome.clear();
      lastTopic = null;
    }
    for (TopicPartition tp : consumer.assignment()) {
      Long stop = stops.get(tp);
      if (stop == null || stop == NONE || consumer.position(tp) < stop) {
        return false;
      }
    }
    return true;
  }

  /** Each partition's bound, for the progress line; Long.MAX_VALUE when it has none. */
  Map<TopicPartition, Long> stops() {
    return stops;
  }
}
