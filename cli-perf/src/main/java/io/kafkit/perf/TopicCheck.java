package io.kafkit.perf;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.kafka.SendErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.config.ConfigException;

/**
 * Fails a perf run with one line before it starts when there is nothing to measure: no cluster, no
 * topic. Each check uses a client of its own, so that the measured client starts as cold as
 * Apache's does and the figures mean what Apache's mean (its first batch waits for metadata, its
 * rebalance time includes connecting).
 */
final class TopicCheck {
  private static final long AUTO_CREATE_WAIT_NANOS = 2_000_000_000L;

  private TopicCheck() {}

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.apache.kafka.common.errors.InterruptException(e);
    }
  }

  /** The topic exists, or the cluster created it on first use (as Apache's run relies on). */
  static void forProducing(
      KafkaClients clients, Map<String, Object> overrides, String topic, SendErrors errors) {
    Map<String, Object> probe = new HashMap<>(overrides);
    probe.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    try (Producer<byte[], byte[]> producer = clients.producer(probe)) {
      producer.partitionsFor(topic);
    } catch (ConfigException e) {
      throw e; // a bad client property: a usage error, as in every tool
    } catch (KafkaException e) {
      throw new KafkitException(errors.describe(e), ExitCodes.FAILED, e);
    }
  }

  /** The topic exists, or some topic matches the pattern. */
  static void forConsuming(
      KafkaClients clients, Map<String, Object> overrides, String topic, Pattern include) {
    Map<String, Object> probe = new HashMap<>(overrides);
    probe.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (Consumer<byte[], byte[]> consumer = clients.consumer(probe)) {
      if (topic != null) {
        // A cluster that creates topics on first use creates it on this first look, which still
        // answers with no partitions: look again for a moment before calling it missing.
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        long deadline = System.nanoTime() + AUTO_CREATE_WAIT_NANOS;
        while ((partitions == null || partitions.isEmpty()) && System.nanoTime() < deadline) {
          sleep(100);
          partitions = consumer.partitionsFor(topic);
        }
        if (partitions == null || partitions.isEmpty()) {
          throw new KafkitException(
              "Topic '" + topic + "' does not exist. List the topics with 'kafkit topics --list'.");
        }
      } else if (consumer.listTopics().keySet().stream()
          .noneMatch(t -> include.matcher(t).matches())) {
        throw new KafkitException(
            "No topic matches --include '"
                + include
                + "'. List the topics with 'kafkit topics --list'.");
      }
    }
  }
}
