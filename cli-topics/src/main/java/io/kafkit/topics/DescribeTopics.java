package io.kafkit.topics;

import io.kafkit.common.cli.KafkitException;
import io.kafkit.topics.TopicsView.Mode;
import io.kafkit.topics.TopicsView.PartitionView;
import io.kafkit.topics.TopicsView.TopicView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicIdException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * {@code --describe}: a fixed number of requests whatever the number of topics (list, describe all,
 * their configs, reassignments in progress, live brokers), then a view.
 */
final class DescribeTopics {
  private DescribeTopics() {}

  static TopicsView fetch(Admin admin, TopicsRequest request)
      throws ExecutionException, InterruptedException {
    DescribeTopicsOptions options = new DescribeTopicsOptions();
    if (request.partitionSizeLimit() != null) {
      options.partitionSizeLimitPerResponse(request.partitionSizeLimit());
    }
    Collection<TopicDescription> descriptions;
    if (request.topicId() != null) {
      Uuid id = Uuid.fromString(request.topicId());
      try {
        descriptions =
            admin
                .describeTopics(TopicCollection.ofTopicIds(List.of(id)), options)
                .allTopicIds()
                .get()
                .values();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicIdException)) {
          throw e;
        }
        if (!request.ifExists()) {
          throw new KafkitException(
              "TopicId '" + request.topicId() + "' does not exist as expected");
        }
        descriptions = List.of(); // as Apache: nothing, exit 0
      }
    } else {
      List<String> names = TopicSelection.select(admin, request, !request.excludeInternal());
      descriptions =
          names.isEmpty()
              ? List.of()
              : admin
                  .describeTopics(TopicCollection.ofTopicNames(names), options)
                  .allTopicNames()
                  .get()
                  .values();
    }
    List<TopicDescription> sorted =
        descriptions.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    Map<String, Config> configs = configs(admin, sorted);
    Map<TopicPartition, PartitionReassignment> reassignments = reassignments(admin, sorted);
    Set<Integer> liveBrokers =
        request.filters().unavailable
            ? admin.describeCluster().nodes().get().stream()
                .map(Node::id)
                .collect(Collectors.toSet())
            : Set.of();

    DescribeFilters filters = request.filters();
    List<TopicView> topics = new ArrayList<>();
    for (TopicDescription d : sorted) {
      Config config = configs.get(d.name());
      Map<String, String> overrides = new LinkedHashMap<>();
      boolean hasOverride = false;
      Integer minIsr = null;
      if (config != null) {
        for (ConfigEntry e : config.entries()) {
          if (!e.isDefault()) {
            overrides.put(e.name(), e.value());
          }
          hasOverride |= !e.isDefault();
          if (e.name().equals(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG) && e.value() != null) {
            minIsr = Integer.valueOf(e.value());
          }
        }
      }
      if (filters.topicsWithOverrides && !hasOverride) {
        continue;
      }
      List<PartitionView> partitions = new ArrayList<>();
      for (TopicPartitionInfo p : d.partitions()) {
        PartitionReassignment r = reassignments.get(new TopicPartition(d.name(), p.partition()));
        PartitionView view = partition(p, r);
        if (matches(filters, view, minIsr, liveBrokers)) {
          partitions.add(view);
        }
      }
      if (filters.partitionFilter() && partitions.isEmpty()) {
        continue; // the text shows nothing of it either: no partition matched the filter
      }
      TopicPartitionInfo first = d.partitions().isEmpty() ? null : d.partitions().get(0);
      int replicationFactor =
          first == null
              ? 0
              : partition(first, reassignments.get(new TopicPartition(d.name(), first.partition())))
                  .replicationFactor();
      topics.add(
          new TopicView(
              d.name(),
              Uuid.ZERO_UUID.equals(d.topicId()) ? null : d.topicId().toString(),
              d.partitions().size(),
              replicationFactor,
              overrides,
              d.isInternal(),
              partitions));
    }
    Mode mode =
        filters.partitionFilter()
            ? Mode.PARTITIONS
            : filters.topicsWithOverrides ? Mode.SUMMARIES : Mode.ALL;
    return new TopicsView(topics, mode);
  }

  private static Map<String, Config> configs(Admin admin, List<TopicDescription> topics)
      throws ExecutionException, InterruptedException {
    if (topics.isEmpty()) {
      return Map.of();
    }
    List<ConfigResource> resources =
        topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
    return admin.describeConfigs(resources).all().get().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
  }

  /** Reassignments in progress; none where the broker or the user's rights do not tell. */
  private static Map<TopicPartition, PartitionReassignment> reassignments(
      Admin admin, List<TopicDescription> topics) throws InterruptedException {
    if (topics.isEmpty()) {
      return Map.of();
    }
    try {
      return admin.listPartitionReassignments().reassignments().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnsupportedVersionException
          || e.getCause() instanceof ClusterAuthorizationException) {
        return Map.of();
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static PartitionView partition(TopicPartitionInfo p, PartitionReassignment r) {
    Node leader = p.leader();
    return new PartitionView(
        p.partition(),
        leader == null || leader.isEmpty() ? null : leader.id(),
        ids(p.replicas()),
        ids(p.isr()),
        p.elr() == null ? null : ids(p.elr()),
        p.lastKnownElr() == null ? null : ids(p.lastKnownElr()),
        inProgress(p, r) ? r.addingReplicas() : null,
        inProgress(p, r) ? r.removingReplicas() : null);
  }

  private static boolean inProgress(TopicPartitionInfo p, PartitionReassignment r) {
    return r != null
        && p.replicas().stream()
            .anyMatch(
                n -> r.addingReplicas().contains(n.id()) || r.removingReplicas().contains(n.id()));
  }

  private static boolean matches(
      DescribeFilters f, PartitionView p, Integer minIsr, Set<Integer> liveBrokers) {
    if (!f.partitionFilter()) {
      return true;
    }
    boolean keep = false;
    keep |= f.underReplicated && p.replicationFactor() - p.isr().size() > 0;
    keep |= f.unavailable && (p.leader() == null || !liveBrokers.contains(p.leader()));
    keep |= f.underMinIsr && (p.leader() == null || minIsr != null && p.isr().size() < minIsr);
    keep |= f.atMinIsr && minIsr != null && p.isr().size() == minIsr;
    return keep;
  }

  private static List<Integer> ids(List<Node> nodes) {
    List<Integer> ids = new ArrayList<>(nodes.size());
    nodes.forEach(n -> ids.add(n.id()));
    return ids;
  }
}
