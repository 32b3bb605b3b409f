package io.kafkit.groups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/** How Apache's group tools write a member's assignment and a group's coordinator. */
final class GroupText {
  private GroupText() {}

  /** {@code topic:0,1,2;other:0}, topics and partitions sorted. */
  static String assignment(Collection<TopicPartition> partitions) {
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    partitions.forEach(
        tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    return byTopic.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + ":"
                    + e.getValue().stream()
                        .sorted()
                        .map(String::valueOf)
                        .collect(Collectors.joining(",")))
        .collect(Collectors.joining(";"));
  }

  /** {@code host:port (id)}, or "-" when the broker named none. */
  static String coordinator(Node node) {
    return node == null ? "-" : node.host() + ":" + node.port() + "  (" + node.idString() + ")";
  }
}
