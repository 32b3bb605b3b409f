package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import io.kafkit.testkit.RunningProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** consumer-groups --describe --watch through a pipe and on a real terminal, until Ctrl-C. */
class GroupsWatchDistIT {
  static final Duration WAIT = Duration.ofSeconds(60);
  final DistRunner dist = new DistRunner();

  static String groupWithLag(KafkaCluster cluster, String name) throws Exception {
    String topic = cluster.createTopic(name, 1);
    produce(cluster, topic, 10);
    try (Admin admin = cluster.admin()) {
      admin
          .alterConsumerGroupOffsets(
              name, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(4)))
          .all()
          .get();
    }
    return topic;
  }

  static void produce(KafkaCluster cluster, String topic, int count) throws Exception {
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        p.send(new ProducerRecord<>(topic, ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
      }
    }
  }

  @Test
  void throughAPipeEachRefreshIsATableHeadedByItsTime() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String group = "watch-pipe-" + System.nanoTime() % 100000;
    String topic = groupWithLag(cluster, group);
    try (RunningProcess watch =
        dist.start(
            "kafkit",
            "consumer-groups",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--describe",
            "--group",
            group,
            "--watch",
            "300ms")) {
      watch.awaitOutput("LAG-CHANGE", 2, WAIT);
      produce(cluster, topic, 5);
      watch.awaitOutput(" +5 ", 1, WAIT);
      watch.interrupt();
      CliResult r = watch.waitFor(WAIT);
      assertEquals(130, r.exitCode(), r.toString());
      List<String> lines = r.out().lines().toList();
      assertTrue(
          lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), lines.toString());
      assertTrue(
          lines
              .get(1)
              .matches(
                  "GROUP +TOPIC +PARTITION +CURRENT-OFFSET +LOG-END-OFFSET +LAG +LAG-CHANGE.*"),
          lines.toString());
      // the first refresh has nothing to compare with; then the lag of 6 grew by 5
      assertTrue(lines.get(2).matches(group + " +" + topic + " +0 +4 +10 +6 +- .*"), lines.get(2));
      assertTrue(
          lines.stream().anyMatch(l -> l.matches(group + " +" + topic + " +0 +4 +15 +11 +\\+5 .*")),
          r.out());
      assertTrue(!r.out().contains("\033["), "no control bytes into a pipe");
    }
  }

  @Test
  void onATerminalTheTableIsRedrawnInPlaceUntilCtrlC() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String group = "watch-tty-" + System.nanoTime() % 100000;
    groupWithLag(cluster, group);
    try (RunningProcess watch =
        dist.startInTerminal(
            "kafkit",
            "consumer-groups",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--describe",
            "--group",
            group,
            "--watch",
            "300ms")) {
      watch.awaitOutput("\033[H\033[J", 3, WAIT).awaitOutput("Ctrl-C to stop", 3, WAIT);
      watch.type("\u0003");
      CliResult r = watch.waitFor(WAIT);
      assertEquals(130, r.exitCode(), r.toString());
    }
  }
}
