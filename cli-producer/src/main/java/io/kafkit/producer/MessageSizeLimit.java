package io.kafkit.producer;

import io.kafkit.common.connect.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Keeps Apache's producer within the topic's max.message.bytes. A batch the broker refuses as too
 * large is split by the Java client into batches of batch.size, so a batch smaller than batch.size
 * that holds one record over the limit is split into itself, again and again, until the chained
 * futures overflow the client's network thread and flush() waits forever. Capping batch.size and
 * max.request.size at the topic's limit makes the client refuse such a record itself, by line, and
 * never builds a batch the broker refuses.
 */
final class MessageSizeLimit {
  private MessageSizeLimit() {}

  /**
   * The topic's max.message.bytes, if the cluster tells it within the timeout; empty when it does
   * not (an unknown topic, no DescribeConfigs permission, a slow cluster): the send path then says
   * what is wrong.
   */
  static OptionalInt of(KafkaClients clients, String topic, Duration timeout) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin admin = clients.admin()) {
      Map<ConfigResource, Config> configs =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      ConfigEntry entry = configs.get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      return entry == null || entry.value() == null
          ? OptionalInt.empty()
          : OptionalInt.of(Integer.parseInt(entry.value()));
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }

  /** Lowers batch.size and max.request.size in {@code overrides} to the limit where above it. */
  static void cap(KafkaClients clients, Map<String, Object> overrides, int limit) {
    ProducerConfig config = new ProducerConfig(clients.producerProperties(overrides));
    for (String key :
        List.of(ProducerConfig.BATCH_SIZE_CONFIG, ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
      if (config.getInt(key) > limit) {
        overrides.put(key, Integer.toString(limit));
      }
    }
  }
}
