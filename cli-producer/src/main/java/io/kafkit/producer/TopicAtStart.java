package io.kafkit.producer;

import io.kafkit.common.connect.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsResult;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What the console producer asks of its topic before the first send, with one admin client:
 *
 * <ul>
 *   <li>its max.message.bytes, for {@link MessageSizeLimit};
 *   <li>that every partition's leader answers. Right after a topic is made, a leader refuses
 *       records for a moment (NOT_LEADER_OR_FOLLOWER) while the Java client already has the next
 *       batches in flight; a leader that has no state for the producer yet appends whatever
 *       sequence comes first, so a later batch lands before the refused ones, which the client then
 *       retries as out of order until delivery.timeout.ms fails them. Listing each partition's end
 *       offset is answered by the same leader only once it is ready (the admin client retries until
 *       then), so waiting for it closes that window.
 * </ul>
 *
 * A cluster that answers nothing within the timeout ends the run at once; anything else it does not
 * answer (an unknown topic, no permission, a partition without a leader) is left to the send path,
 * which says what is wrong, by line.
 */
final class TopicAtStart {
  private TopicAtStart() {}

  /**
   * What the cluster told of the topic: its max.message.bytes, and its partition count (0:
   * unknown).
   */
  record Found(OptionalInt maxMessageBytes, int partitions) {}

  /**
   * The topic's max.message.bytes and partition count, as far as the cluster tells them, once its
   * leaders answer.
   *
   * @throws org.apache.kafka.common.errors.TimeoutException when the cluster answers nothing within
   *     the timeout: the run stops there rather than wait again for its first send
   */
  static Found look(KafkaClients clients, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin admin = clients.admin()) {
      DescribeConfigsResult configs = admin.describeConfigs(List.of(resource));
      DescribeTopicsResult topics = admin.describeTopics(List.of(topic));
      OptionalInt limit = maxMessageBytes(configs.all(), resource, deadline);
      int partitions = awaitLeaders(admin, topics, topic, deadline);
      return new Found(limit, partitions);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Found(OptionalInt.empty(), 0);
    }
  }

  private static OptionalInt maxMessageBytes(
      org.apache.kafka.common.KafkaFuture<Map<ConfigResource, Config>> configs,
      ConfigResource resource,
      long deadline)
      throws InterruptedException {
    try {
      ConfigEntry entry =
          configs
              .get(left(deadline), TimeUnit.NANOSECONDS)
              .get(resource)
              .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      return entry == null || entry.value() == null
          ? OptionalInt.empty()
          : OptionalInt.of(Integer.parseInt(entry.value()));
    } catch (TimeoutException e) {
      throw new org.apache.kafka.common.errors.TimeoutException("no answer to DescribeConfigs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException timeout) {
        throw timeout;
      }
      return OptionalInt.empty();
    } catch (RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Waits, within the deadline, for each partition that has a leader to answer ListOffsets; returns
   * the topic's partition count, 0 if unknown.
   */
  private static int awaitLeaders(
      Admin admin, DescribeTopicsResult topics, String topic, long deadline)
      throws InterruptedException {
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    int count;
    try {
      List<org.apache.kafka.common.TopicPartitionInfo> partitions =
          topics.allTopicNames().get(left(deadline), TimeUnit.NANOSECONDS).get(topic).partitions();
      count = partitions.size();
      partitions.stream()
          .filter(p -> p.leader() != null && !p.leader().isEmpty())
          .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return 0; // the send path meets the same problem and names it
    }
    if (ends.isEmpty()) {
      return count;
    }
    int timeoutMs = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left(deadline)));
    ListOffsetsResult offsets =
        admin.listOffsets(ends, new ListOffsetsOptions().timeoutMs(timeoutMs));
    for (TopicPartition partition : ends.keySet()) {
      try {
        offsets.partitionResult(partition).get(left(deadline), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        // a partition whose leader does not answer in time: its records wait for it as usual
      }
    }
    return count;
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }
}
