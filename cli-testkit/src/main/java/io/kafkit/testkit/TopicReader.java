package io.kafkit.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads back what a test wrote, with a plain consumer assigned to every partition. */
public final class TopicReader {
  private TopicReader() {}

  /**
   * Every record of the topic from its start, stopping once {@code count} arrived (then reading a
   * little longer, so that extra records, duplicates, show) or after 30 seconds.
   */
  public static List<ConsumerRecord<byte[], byte[]>> read(
      String bootstrapServers, String topic, int count) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            10_000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .collect(Collectors.toList());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        if (records.size() >= count && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + Duration.ofMillis(300).toNanos();
        }
      }
      return records;
    }
  }
}
