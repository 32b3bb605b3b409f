package io.kafkit.producer;

import io.kafkit.common.connect.KafkaClients;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Keeps Apache's producer within the topic's max.message.bytes. A batch the broker refuses as too
 * large is split by the Java client into batches of batch.size, so a batch smaller than batch.size
 * that holds one record over the limit is split into itself, again and again, until the chained
 * futures overflow the client's network thread and flush() waits forever. Capping batch.size and
 * max.request.size at the topic's limit makes the client refuse such a record itself, by line, and
 * never builds a batch the broker refuses. The limit is read by {@link TopicAtStart}.
 */
final class MessageSizeLimit {
  private MessageSizeLimit() {}

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
