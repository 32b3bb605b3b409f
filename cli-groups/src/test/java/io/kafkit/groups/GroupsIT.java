package io.kafkit.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** kafka-groups.sh's list of every group type, and consumer-groups pointing at the right tool. */
class GroupsIT {
  static final KafkaCluster cluster = KafkaCluster.single();

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> GroupsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run("org.apache.kafka.tools.GroupsCommand", cluster.withBootstrap(args));
  }

  /** The same lines as Apache's, whose order is the broker's (kafkit sorts them by name). */
  static void assertSameLinesAsApache(String... args) {
    CliResult a = apache(args);
    CliResult k = kafkit(args);
    assertEquals(0, k.exitCode(), k.toString());
    List<String> apacheLines = a.out().lines().toList();
    List<String> kafkitLines = k.out().lines().toList();
    assertEquals(apacheLines.get(0), kafkitLines.get(0), "the header");
    assertEquals(
        apacheLines.stream().skip(1).sorted().toList(),
        kafkitLines.stream().skip(1).toList(),
        String.join(" ", args) + "\napache:\n" + a + "\nkafkit:\n" + k);
  }

  @Test
  void listsEveryTypeAsApacheDoes() throws Exception {
    String topic = cluster.createTopic("groups-orders", 1);
    String consumerGroup = "groups-classic-billing";
    String shareGroup = "groups-share-jobs";
    try (Admin admin = cluster.admin()) {
      admin
          .alterConsumerGroupOffsets(
              consumerGroup, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)))
          .all()
          .get();
      admin
          .alterShareGroupOffsets(shareGroup, Map.of(new TopicPartition(topic, 0), 0L))
          .all()
          .get();
    }
    assertSameLinesAsApache("--list");
    assertSameLinesAsApache("--list", "--share");
    assertSameLinesAsApache("--list", "--consumer");
    assertSameLinesAsApache("--list", "--group-type", "classic");
    assertSameLinesAsApache("--list", "--protocol", "consumer");
    assertTrue(kafkit("--list", "--share").out().contains(shareGroup + " "));

    CliResult conflict = kafkit("--list", "--consumer", "--share");
    assertEquals(2, conflict.exitCode(), conflict.toString());
    assertEquals(
        apache("--list", "--consumer", "--share")
            .err()
            .lines()
            .filter(l -> !l.startsWith("SLF4J"))
            .findFirst()
            .orElse(""),
        conflict.err().lines().findFirst().orElse("").substring("Error: ".length()));

    CliResult wrongTool =
        new CliRunner(() -> ConsumerGroupsCommand.class)
            .run(cluster.withBootstrap("--describe", "--group", shareGroup));
    assertEquals(1, wrongTool.exitCode(), wrongTool.toString());
    assertEquals(
        "\nError: '"
            + shareGroup
            + "' is a share group, not a consumer group: describe it with 'kafkit share-groups"
            + " --describe --group "
            + shareGroup
            + "'.\n",
        wrongTool.err());
  }
}
