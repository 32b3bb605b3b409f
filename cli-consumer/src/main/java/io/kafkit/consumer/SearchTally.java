package io.kafkit.consumer;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/** How many records a run read and kept, in all and by partition: --count's answer. */
final class SearchTally {
  /** Topics by name, then partitions by number. */
  static final java.util.Comparator<TopicPartition> ORDER =
      java.util.Comparator.comparing(TopicPartition::topic)
          .thenComparingInt(TopicPartition::partition);

  private final Map<TopicPartition, long[]> byPartition = new TreeMap<>(ORDER);
  private long read;
  private long kept;
  private String lastTopic;
  private int lastPartition = -1;
  private long[] last;

  void read(String topic, int partition, boolean matched) {
    if (last == null || partition != lastPartition || !topic.equals(lastTopic)) {
      last = byPartition.computeIfAbsent(new TopicPartition(topic, partition), tp -> new long[2]);
      lastTopic = topic;
      lastPartition = partition;
    }
    last[0]++;
    read++;
    if (matched) {
      last[1]++;
      kept++;
    }
  }

  long read() {
    return read;
  }

  long kept() {
    return kept;
  }

  /** Read and kept, by partition in topic and partition order. */
  Map<TopicPartition, long[]> byPartition() {
    return byPartition;
  }
}
