package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * kafka-dump-log.sh from the distribution: the internal-topic decoders find Kafka's broker jars.
 */
class DumpLogDistIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  final DistRunner dist = new DistRunner();

  @Test
  void offsetsAndMetadataDecodersRunFromTheDistribution() throws Exception {
    String topic = cluster.createTopic("dump-dist-" + System.nanoTime() % 100000, 1);
    String group = "dump-dist-group-" + topic;
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            group);
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(7)));
    }
    List<String> logs = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      logs.add(
          cluster
              .partitionDir("__consumer_offsets", p)
              .resolve("00000000000000000000.log")
              .toString());
    }
    CliResult offsets =
        dist.run("kafka-dump-log.sh", "--files", String.join(",", logs), "--offsets-decoder");
    assertEquals(0, offsets.exitCode(), offsets.toString());
    assertTrue(offsets.out().contains("\"group\":\"" + group + "\""), offsets.out());
    String metadata =
        cluster
            .partitionDir("__cluster_metadata", 0)
            .resolve("00000000000000000000.log")
            .toString();
    CliResult m = dist.run("kafkit", "dump-log", "--files", metadata, "--cluster-metadata-decoder");
    assertEquals(0, m.exitCode(), m.toString());
    assertTrue(m.out().contains("\"name\":\"" + topic + "\""), m.out());
  }
}
