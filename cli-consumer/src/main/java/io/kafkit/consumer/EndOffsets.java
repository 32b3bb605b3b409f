package io.kafkit.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code --exit-at-end}: each partition's end offset when it was assigned; the run is over when
 * every assigned partition was read up to it (kcat -e).
 */
final class EndOffsets {
  private final Map<TopicPartition, Long> ends = new HashMap<>();
  private boolean assigned;

  void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assigned = true;
    Map<TopicPartition, Long> fresh = new HashMap<>();
    for (TopicPartition tp : partitions) {
      if (!ends.containsKey(tp)) {
        fresh.put(tp, null);
      }
    }
    if (!fresh.isEmpty()) {
      ends.putAll(consumer.endOffsets(fresh.keySet()));
    }
  }

  void revoked(Collection<TopicPartition> partitions) {
    partitions.forEach(ends::remove);
  }

  /** Whether every assigned partition's position reached its end offset. */
  boolean reached(Consumer<?, ?> consumer) {
    if (!assigned) {
      return false;
    }
    for (TopicPartition tp : consumer.assignment()) {
      Long end = ends.get(tp);
      if (end != null && consumer.position(tp) < end) {
        return false;
      }
    }
    return true;
  }
}
