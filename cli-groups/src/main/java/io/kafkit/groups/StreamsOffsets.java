package io.kafkit.groups;

import io.kafkit.common.kafka.KafkaErrors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupSubtopologyDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Streams groups' committed offsets, for a reset: --all-input-topics resets the committed
 * partitions of the topology's source topics; --input-topic only partitions the group has committed
 * (its source or repartition topics). With --execute, the internal topics asked for are deleted
 * after the group's offsets are written.
 */
final class StreamsOffsets implements GroupOffsets {
  private final StreamsGroups groups;
  private final PrintWriter err;
  private final Map<String, StreamsGroupDescription> described = new HashMap<>();
  private boolean failed;

  StreamsOffsets(StreamsGroups groups, PrintWriter err) {
    this.groups = groups;
    this.err = err;
  }

  @Override
  public List<String> groupIds() throws Exception {
    return groups.groupIds();
  }

  /** Groups that are not empty, and groups that are not streams groups, are left alone. */
  @Override
  public List<String> active(List<String> ids, PrintWriter err) throws Exception {
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, StreamsGroupDescription> e : groups.describe(ids).entrySet()) {
      StreamsGroupDescription d = e.getValue();
      String group = e.getKey();
      if (d == null) {
        err.println("Error: Group '" + group + "' does not exist or is not a streams group.");
        refused.add(group);
      } else if (d.groupState() != GroupState.EMPTY) {
        err.println(
            "Error: Assignments can only be reset if the group '"
                + group
                + "' is inactive, but the current state is "
                + d.groupState()
                + ".");
        refused.add(group);
      } else {
        described.put(group, d);
      }
    }
    return refused;
  }

  @Override
  public Map<String, Map<TopicPartition, Long>> current(List<String> ids) throws Exception {
    Map<String, Map<TopicPartition, Long>> current = new LinkedHashMap<>();
    groups
        .committed(ids)
        .forEach(
            (group, offsets) -> {
              Map<TopicPartition, Long> plain = new HashMap<>();
              offsets.forEach((tp, o) -> plain.put(tp, o.offset()));
              current.put(group, plain);
            });
    return current;
  }

  @Override
  public Set<TopicPartition> allTopicsScope(String group, Map<TopicPartition, Long> current) {
    Set<String> sources = new HashSet<>();
    for (StreamsGroupSubtopologyDescription s : described.get(group).subtopologies()) {
      sources.addAll(s.sourceTopics());
    }
    Set<TopicPartition> scope = new HashSet<>();
    current.keySet().stream().filter(tp -> sources.contains(tp.topic())).forEach(scope::add);
    return scope;
  }

  @Override
  public Set<TopicPartition> topicsScope(
      String group, Set<TopicPartition> named, Map<TopicPartition, Long> current, PrintWriter err) {
    if (current.keySet().containsAll(named)) {
      return named;
    }
    err.println("Error: One or more topics are not part of the group '" + group + "'.");
    failed = true;
    return Set.of();
  }

  @Override
  public void alter(String group, Map<TopicPartition, Long> offsets) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    offsets.forEach((tp, o) -> committed.put(tp, new OffsetAndMetadata(o)));
    groups.admin.alterStreamsGroupOffsets(group, committed).all().get();
    deleteInternalTopics(group);
  }

  /** --delete-all-internal-topics or --delete-internal-topic, once the offsets are written. */
  private void deleteInternalTopics(String group) throws Exception {
    StreamsGroupsRequest request = groups.request;
    List<String> topics;
    if (request.deleteAllInternalTopics()) {
      topics = InternalTopics.of(described.get(group), err);
    } else {
      topics = request.deleteInternalTopics();
    }
    if (topics.isEmpty()) {
      return;
    }
    try {
      groups.admin.deleteTopics(topics).all().get();
    } catch (ExecutionException e) {
      failed = true;
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        err.println(
            "Error: Deleting internal topics for group '"
                + group
                + "' failed because the topics do not exist.");
      } else {
        err.println(
            "Error: Deleting internal topics for group '"
                + group
                + "' failed due to "
                + KafkaErrors.unwrap(e).getMessage());
      }
    }
    err.flush();
  }

  @Override
  public void table(ResetPlan plan, PrintWriter out) {
    String fmt = "%n%-30s %-30s %-10s %-15s";
    if (!plan.groups().isEmpty()) {
      out.printf(fmt, "GROUP", "TOPIC", "PARTITION", "NEW-OFFSET");
    }
    for (ResetPlan.GroupPlan g : plan.groups()) {
      for (ResetPlan.NewOffset o : g.offsets()) {
        out.printf(fmt, g.group(), o.topic(), o.partition(), o.offset());
      }
    }
    out.println();
  }

  @Override
  public boolean failed() {
    return failed;
  }
}
