package io.kafkit.consumer;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record whose key or value was decoded by its schema: the bytes are now JSON text (or hex text),
 * and the JSON output writes a JSON key or value as a JSON value, not as a string.
 */
final class DecodedRecord extends ConsumerRecord<byte[], byte[]> {
  private final boolean keyJson;
  private final boolean valueJson;

  DecodedRecord(
      ConsumerRecord<byte[], byte[]> r,
      byte[] key,
      byte[] value,
      boolean keyJson,
      boolean valueJson) {
    super(
        r.topic(),
        r.partition(),
        r.offset(),
        r.timestamp(),
        r.timestampType(),
        r.serializedKeySize(),
        r.serializedValueSize(),
        key,
        value,
        r.headers(),
        r.leaderEpoch(),
        r.deliveryCount().isPresent() ? r.deliveryCount() : Optional.empty());
    this.keyJson = keyJson;
    this.valueJson = valueJson;
  }

  boolean keyJson() {
    return keyJson;
  }

  boolean valueJson() {
    return valueJson;
  }
}
