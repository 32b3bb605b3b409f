package io.kafkit.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a group may commit: per partition, the offset after the last record written out and flushed.
 * Records fetched but not printed (--max-messages reached) or lost in a broken pipe are never
 * committed, so the group resumes exactly after what the user saw.
 */
final class PrintedOffsets {
  private final Map<TopicPartition, Long> written = new HashMap<>();
  private final Map<TopicPartition, Long> flushed = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  void written(String topic, int partition, long offset) {
    written.put(new TopicPartition(topic, partition), offset + 1);
  }

  /** The output was flushed: everything written is now seen. */
  void flushed() {
    flushed.putAll(written);
  }

  /** Commits what was flushed since the last commit, for the given partitions (all if null). */
  void commit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    flushed.forEach(
        (tp, next) -> {
          if ((partitions == null || partitions.contains(tp)) && !next.equals(committed.get(tp))) {
            offsets.put(tp, new OffsetAndMetadata(next));
          }
        });
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets);
      offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
    }
  }

  /** The partitions went to another member: forget them (after committing them). */
  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(
        tp -> {
          written.remove(tp);
          flushed.remove(tp);
          committed.remove(tp);
        });
  }
}
