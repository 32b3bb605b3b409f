package io.kafkit.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/** Asks a broker for its cluster metadata: the sign that it is up and serving, and who leads. */
final class BrokerProbe implements AutoCloseable {
  private final Admin admin;

  BrokerProbe(String bootstrap) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200"));
  }

  /** The cluster id if the broker answered within the time, else empty. */
  Optional<String> clusterId(Duration within) throws InterruptedException {
    try {
      int ms = (int) within.toMillis();
      return Optional.of(
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(ms))
              .clusterId()
              .get(ms + 500L, TimeUnit.MILLISECONDS));
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return Optional.empty();
    }
  }

  /**
   * The ids of the brokers the cluster counts as alive (registered and unfenced) if a node answered
   * within the time, else empty.
   */
  Optional<Set<Integer>> liveNodes(Duration within) throws InterruptedException {
    try {
      int ms = (int) within.toMillis();
      return Optional.of(
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(ms))
              .nodes()
              .get(ms + 500L, TimeUnit.MILLISECONDS)
              .stream()
              .map(Node::id)
              .collect(Collectors.toSet()));
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return Optional.empty();
    }
  }

  /**
   * How many partitions (internal topics' included) each broker leads, if a node answered within
   * the time, else empty.
   */
  Optional<Map<Integer, Integer>> leaderCounts(Duration within) throws InterruptedException {
    try {
      int ms = (int) within.toMillis();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms + 500L);
      Set<String> topics =
          admin
              .listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(ms))
              .names()
              .get(ms + 500L, TimeUnit.MILLISECONDS);
      Map<Integer, Integer> counts = new HashMap<>();
      if (topics.isEmpty()) {
        return Optional.of(counts);
      }
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      for (TopicDescription topic :
          admin
              .describeTopics(topics, new DescribeTopicsOptions().timeoutMs((int) left))
              .allTopicNames()
              .get(left + 500L, TimeUnit.MILLISECONDS)
              .values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          if (partition.leader() != null) {
            counts.merge(partition.leader().id(), 1, Integer::sum);
          }
        }
      }
      return Optional.of(counts);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ZERO);
  }
}
