package io.kafkit.topics;

import io.kafkit.topics.TopicsView.Mode;
import io.kafkit.topics.TopicsView.PartitionView;
import io.kafkit.topics.TopicsView.TopicView;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** kafka-topics.sh's describe layout: tab-separated summary and partition lines. */
final class DescribeTopicsText {
  private DescribeTopicsText() {}

  static void render(TopicsView view, PrintWriter out) {
    for (TopicView topic : view.topics()) {
      if (view.mode() != Mode.PARTITIONS) {
        out.println(summary(topic));
      }
      if (view.mode() != Mode.SUMMARIES) {
        for (PartitionView partition : topic.partitions()) {
          out.println(partition(topic.topic(), partition));
        }
      }
    }
  }

  static String summary(TopicView t) {
    StringBuilder line = new StringBuilder("Topic: ").append(t.topic());
    if (t.topicId() != null) {
      line.append("\tTopicId: ").append(t.topicId());
    }
    line.append("\tPartitionCount: ").append(t.partitionCount());
    line.append("\tReplicationFactor: ").append(t.replicationFactor());
    line.append("\tConfigs: ")
        .append(
            t.configs().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
    return line.toString();
  }

  static String partition(String topic, PartitionView p) {
    StringBuilder line = new StringBuilder("\tTopic: ").append(topic);
    line.append("\tPartition: ").append(p.partition());
    line.append("\tLeader: ").append(p.leader() == null ? "none" : p.leader().toString());
    line.append("\tReplicas: ").append(ids(p.replicas()));
    line.append("\tIsr: ").append(ids(p.isr()));
    if (p.addingReplicas() != null) {
      line.append("\tAdding Replicas: ").append(ids(p.addingReplicas()));
      line.append("\tRemoving Replicas: ").append(ids(p.removingReplicas()));
    }
    line.append("\tElr: ").append(p.elr() == null ? "N/A" : ids(p.elr()));
    line.append("\tLastKnownElr: ")
        .append(p.lastKnownElr() == null ? "N/A" : ids(p.lastKnownElr()));
    return line.toString();
  }

  private static String ids(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
