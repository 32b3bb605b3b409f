package io.kafkit.common.connect;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one factory of Kafka clients. Each gets the merged connection properties, then the tool's
 * own, and time limits that make an unreachable cluster fail within the connect timeout instead of
 * the clients' 60 seconds (unless the user set those limits).
 *
 * <p>Unless the user set them, clients report their metrics neither over JMX nor to the broker
 * (KIP-714): a command that lives for seconds has no one watching, and registering an MBean per
 * metric took about 10 ms of a console producer's start-up.
 */
public final class KafkaClients {
  private final ConnectionSettings settings;

  public KafkaClients(ConnectionSettings settings) {
    this.settings = settings;
  }

  public ConnectionSettings settings() {
    return settings;
  }

  public Admin admin() {
    return admin(Map.of());
  }

  public Admin admin(Map<String, ?> overrides) {
    Properties props = settings.clientProperties();
    unwatched(props);
    // The admin client refuses a default.api.timeout.ms below request.timeout.ms: when the user
    // set one of the two (a client config file with request.timeout.ms=60000), the other follows.
    long timeout = settings.timeout().toMillis();
    long apiTimeout = millis(props, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, -1);
    long requestTimeout = millis(props, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, -1);
    props.putIfAbsent(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        Long.toString(Math.max(timeout, requestTimeout)));
    props.putIfAbsent(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
        Long.toString(apiTimeout < 0 ? timeout : Math.min(timeout, apiTimeout)));
    props.putAll(overrides);
    return Admin.create(props);
  }

  public Producer<byte[], byte[]> producer(Map<String, ?> overrides) {
    return new KafkaProducer<>(
        producerProperties(overrides), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** The settings {@link #producer} makes its producer with, serializers included. */
  public Properties producerProperties(Map<String, ?> overrides) {
    Properties props = settings.clientProperties();
    unwatched(props);
    props.putIfAbsent(
        ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(settings.timeout().toMillis()));
    props.putAll(overrides);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }

  /** A time limit the user set, or {@code absent} when unset or not a number (the client says). */
  private static long millis(Properties props, String name, long absent) {
    Object value = props.get(name);
    if (value == null) {
      return absent;
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      return absent;
    }
  }

  private static void unwatched(Properties props) {
    props.putIfAbsent(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, "");
    props.putIfAbsent(CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, "false");
  }

  public Consumer<byte[], byte[]> consumer(Map<String, ?> overrides) {
    Properties props = settings.clientProperties();
    unwatched(props);
    props.putIfAbsent(
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(settings.timeout().toMillis()));
    props.putAll(overrides);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** A share consumer (KIP-932), with the same limits and quiet metrics as the others. */
  public ShareConsumer<byte[], byte[]> shareConsumer(Map<String, ?> overrides) {
    Properties props = settings.clientProperties();
    unwatched(props);
    props.putIfAbsent(
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(settings.timeout().toMillis()));
    props.putAll(overrides);
    return new KafkaShareConsumer<>(
        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
