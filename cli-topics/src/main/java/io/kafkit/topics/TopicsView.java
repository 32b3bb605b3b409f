package io.kafkit.topics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What {@code --describe} found: the topics, each with its non-default configs and partitions (only
 * the matching ones when a partition filter was given).
 */
record TopicsView(List<TopicView> topics, @JsonIgnore Mode mode) {

  /** Which lines the text layout prints, as Apache's filters decide. */
  enum Mode {
    /** A summary line per topic and a line per partition. */
    ALL,
    /** Partition lines only (--under-replicated-partitions and the other partition filters). */
    PARTITIONS,
    /** Summary lines only (--topics-with-overrides). */
    SUMMARIES
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TopicView(
      String topic,
      String topicId,
      int partitionCount,
      int replicationFactor,
      Map<String, String> configs,
      boolean internal,
      List<PartitionView> partitions) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PartitionView(
      int partition,
      Integer leader,
      List<Integer> replicas,
      List<Integer> isr,
      List<Integer> elr,
      List<Integer> lastKnownElr,
      List<Integer> addingReplicas,
      List<Integer> removingReplicas) {

    /** Replicas less those being added by a reassignment in progress. */
    int replicationFactor() {
      return replicas.size() - (addingReplicas == null ? 0 : addingReplicas.size());
    }
  }
}
