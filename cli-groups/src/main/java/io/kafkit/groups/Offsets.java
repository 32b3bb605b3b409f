package io.kafkit.groups;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Log offsets of many partitions in one request; a partition that fails is left out. */
final class Offsets {
  private Offsets() {}

  static Map<TopicPartition, ListOffsetsResultInfo> latest(
      Admin admin, Collection<TopicPartition> partitions) throws InterruptedException {
    return list(admin, partitions, OffsetSpec.latest());
  }

  static Map<TopicPartition, ListOffsetsResultInfo> earliest(
      Admin admin, Collection<TopicPartition> partitions) throws InterruptedException {
    return list(admin, partitions, OffsetSpec.earliest());
  }

  static Map<TopicPartition, ListOffsetsResultInfo> list(
      Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec)
      throws InterruptedException {
    Map<TopicPartition, ListOffsetsResultInfo> found = new HashMap<>();
    if (partitions.isEmpty()) {
      return found;
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    ListOffsetsResult result = admin.listOffsets(request);
    for (TopicPartition tp : partitions) {
      try {
        found.put(tp, result.partitionResult(tp).get());
      } catch (ExecutionException e) {
        // a deleted topic or a partition without a leader: shown as "-"
      }
    }
    return found;
  }
}
