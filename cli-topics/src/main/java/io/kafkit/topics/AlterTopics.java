package io.kafkit.topics;

import io.kafkit.common.cli.KafkitException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreatePartitionsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * {@code --alter}: more partitions (and where their replicas go), and, beyond Apache 4, config
 * overrides set or removed through incremental config alteration. Everything is validated by the
 * brokers first, so a bad config or partition count changes nothing at all.
 */
final class AlterTopics {
  private AlterTopics() {}

  static void run(Admin admin, TopicsRequest request, PrintWriter out)
      throws ExecutionException, InterruptedException {
    List<String> topics = TopicSelection.select(admin, request, true);
    if (topics.isEmpty()) {
      return;
    }
    Map<ConfigResource, Collection<AlterConfigOp>> configChanges = configChanges(request, topics);
    Map<String, NewPartitions> newPartitions = new LinkedHashMap<>();
    if (request.partitions() != null) {
      Map<String, TopicDescription> current = admin.describeTopics(topics).allTopicNames().get();
      for (String topic : topics) {
        newPartitions.put(topic, grow(request, current.get(topic)));
      }
    }
    // Validate both kinds of change before applying either.
    if (!configChanges.isEmpty()) {
      admin
          .incrementalAlterConfigs(configChanges, new AlterConfigsOptions().validateOnly(true))
          .all()
          .get();
    }
    if (!newPartitions.isEmpty()) {
      admin
          .createPartitions(newPartitions, new CreatePartitionsOptions().validateOnly(true))
          .all()
          .get();
      admin
          .createPartitions(
              newPartitions, new CreatePartitionsOptions().retryOnQuotaViolation(false))
          .all()
          .get();
    }
    if (!configChanges.isEmpty()) {
      admin.incrementalAlterConfigs(configChanges).all().get();
    }
  }

  private static NewPartitions grow(TopicsRequest request, TopicDescription topic) {
    int now = topic.partitions().size();
    int wanted = request.partitions();
    if (wanted <= now) {
      throw new KafkitException(
          "The number of partitions for a topic can only be increased. Topic "
              + topic.name()
              + " currently has "
              + now
              + " partitions, "
              + wanted
              + " would not be an increase.");
    }
    if (request.replicaAssignment() == null) {
      return NewPartitions.increaseTo(wanted);
    }
    Map<Integer, List<Integer>> assignment = ReplicaAssignment.parse(request.replicaAssignment());
    List<List<Integer>> added = new ArrayList<>();
    for (int p = now; p < wanted; p++) {
      List<Integer> replicas = assignment.get(p);
      if (replicas == null) {
        throw new KafkitException(
            "--replica-assignment names "
                + assignment.size()
                + " partitions; "
                + wanted
                + " are needed (the first "
                + now
                + " for the existing ones, which stay where they are)");
      }
      added.add(replicas);
    }
    return NewPartitions.increaseTo(wanted, added);
  }

  private static Map<ConfigResource, Collection<AlterConfigOp>> configChanges(
      TopicsRequest request, List<String> topics) {
    List<AlterConfigOp> ops = new ArrayList<>();
    request
        .configs()
        .forEach(
            (k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
    request
        .deleteConfigs()
        .forEach(
            k -> ops.add(new AlterConfigOp(new ConfigEntry(k, null), AlterConfigOp.OpType.DELETE)));
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
    if (!ops.isEmpty()) {
      topics.forEach(t -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, t), ops));
    }
    return changes;
  }
}
