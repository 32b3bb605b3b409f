package io.kafkit.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicsListIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  final CliRunner kafkit = new CliRunner(TopicsCommand::new);

  @BeforeAll
  static void topics() throws Exception {
    try (Admin admin = cluster.admin()) {
      admin
          .createTopics(
              List.of(new NewTopic("list-b", 1, (short) 1), new NewTopic("list-a", 2, (short) 1)))
          .all()
          .get();
    }
  }

  @Test
  void listsTopicsSorted() {
    CliResult r = kafkit.run("--bootstrap-server", cluster.bootstrapServers(), "--list");
    assertEquals(0, r.exitCode(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(
        lines.indexOf("list-a") >= 0 && lines.indexOf("list-a") < lines.indexOf("list-b"), r.out());
  }

  @Test
  void bootstrapFromTheEnvironmentAndOneDashOptions() {
    CliResult r =
        kafkit
            .env("KAFKIT_BOOTSTRAP_SERVER", cluster.bootstrapServers())
            .run("-list", "-exclude-internal");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("list-a\n"), r.out());
    assertFalse(r.out().contains("__consumer_offsets"), r.out());
  }
}
