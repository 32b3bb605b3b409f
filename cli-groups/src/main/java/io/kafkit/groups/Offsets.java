package io.kafkit.groups;

import io.kafkit.common.cli.KafkitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The offsets a groups command reads, each kind in one request whatever the number of groups or
 * partitions: log offsets (a partition that fails is left out), committed offsets (a group that
 * does not exist has none), and the partitions a list of --topic arguments names.
 */
final class Offsets {
  private Offsets() {}

  /** Each group's committed offsets, in one request. */
  static Map<String, Map<TopicPartition, OffsetAndMetadata>> committed(
      Admin admin, Collection<String> groups) throws Exception {
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
    if (groups.isEmpty()) {
      return committed;
    }
    Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
    groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
    ListConsumerGroupOffsetsResult result = admin.listConsumerGroupOffsets(specs);
    for (String group : groups) {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      try {
        result
            .partitionsToOffsetAndMetadata(group)
            .get()
            .forEach(
                (tp, o) -> {
                  if (o != null) {
                    offsets.put(tp, o);
                  }
                });
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
      }
      committed.put(group, offsets);
    }
    return committed;
  }

  /** The partitions of {@code topic} (all of them) and {@code topic:0,1} arguments. */
  static Set<TopicPartition> partitions(Admin admin, List<GroupsRequest.TopicSpec> topics)
      throws Exception {
    Set<TopicPartition> partitions = new HashSet<>();
    List<String> whole = new ArrayList<>();
    for (GroupsRequest.TopicSpec t : topics) {
      if (t.partitions().isEmpty()) {
        whole.add(t.topic());
      } else {
        t.partitions().forEach(p -> partitions.add(new TopicPartition(t.topic(), p)));
      }
    }
    if (!whole.isEmpty()) {
      Map<String, TopicDescription> described;
      try {
        described = admin.describeTopics(whole).allTopicNames().get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          throw new KafkitException(
              "Topic " + whole + " does not exist: " + e.getCause().getMessage());
        }
        throw e;
      }
      described
          .values()
          .forEach(
              d ->
                  d.partitions()
                      .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
    }
    return partitions;
  }

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
