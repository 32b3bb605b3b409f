package io.kafkit.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka-share-groups.sh's actions against a real cluster, with real share consumers. */
class ShareGroupsIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final String APACHE = "org.apache.kafka.tools.consumer.group.ShareGroupCommand";

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> ShareGroupsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  static void assertSameAsApache(String... args) {
    CliResult a = apache(args);
    CliResult k = kafkit(args);
    assertEquals(a.out(), k.out(), String.join(" ", args) + "\napache:\n" + a + "\nkafkit:\n" + k);
  }

  /** A topic of 3 partitions with 10 records in each. */
  static String topicWithRecords(String name) {
    String t = cluster.createTopic(name, 3);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < 30; i++) {
        p.send(new ProducerRecord<>(t, i % 3, null, ("r" + i).getBytes(StandardCharsets.UTF_8)));
      }
      p.flush();
    }
    return t;
  }

  static Map<TopicPartition, SharePartitionOffsetInfo> startOffsets(String group) throws Exception {
    try (Admin admin = cluster.admin()) {
      return admin
          .listShareGroupOffsets(
              Map.of(group, new org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec()))
          .partitionsToOffsetInfo(group)
          .get();
    }
  }

  /** A share consumer of the group that polls (and so acknowledges) until closed. */
  static final class Member implements AutoCloseable {
    final AtomicBoolean running = new AtomicBoolean(true);
    final CountDownLatch received;
    final Thread thread;

    Member(String group, String topic, int records) throws InterruptedException {
      received = new CountDownLatch(records);
      thread =
          new Thread(
              () -> {
                try (KafkaShareConsumer<byte[], byte[]> c =
                    new KafkaShareConsumer<>(
                        Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            cluster.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            group,
                            ConsumerConfig.CLIENT_ID_CONFIG,
                            "share-member"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
                  c.subscribe(List.of(topic));
                  while (running.get()) {
                    c.poll(Duration.ofMillis(100)).forEach(r -> received.countDown());
                    c.commitSync();
                  }
                }
              });
      thread.start();
    }

    void awaitRecords() throws InterruptedException {
      assertTrue(received.await(60, TimeUnit.SECONDS), "the member got the records");
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }

  @Test
  void listDescribeResetAndDeleteAsApacheDoes(@TempDir Path dir) throws Exception {
    String t = topicWithRecords("share-orders");
    String g = "share-billing";
    cluster.shareGroupFromEarliest(g);
    try (Member m = new Member(g, t, 30)) {
      m.awaitRecords();
      assertSameAsApache("--describe", "--group", g, "--members");
      assertSameAsApache("--describe", "--group", g, "--state");
      CliResult active =
          kafkit("--reset-offsets", "--group", g, "--topic", t, "--to-earliest", "--execute");
      assertEquals(1, active.exitCode(), active.toString());
      assertTrue(active.err().contains("Share group '" + g + "' is not empty"), active.err());
      CliResult busy = kafkit("--delete", "--group", g);
      assertEquals(1, busy.exitCode(), busy.toString());
    }
    assertSameAsApache("--list");
    assertSameAsApache("--list", "--state");
    assertSameAsApache("--describe", "--group", g);
    assertSameAsApache("--describe", "--group", g, "--verbose");
    assertSameAsApache("--describe", "--group", g, "--state", "--verbose");
    assertSameAsApache("--describe", "--group", g, "--members");
    // Apache's note for an empty group, on stderr, in the views that have it
    assertEquals("", kafkit("--describe", "--group", g).err());
    assertEquals(
        "\nShare group '" + g + "' has no active members.\n",
        kafkit("--describe", "--group", g, "--members").err());
    // several groups: by group id, as Apache's describe prints them
    String audit = "share-audit";
    CliResult created =
        kafkit(
            "--reset-offsets",
            "--group",
            audit,
            "--topic",
            t + ":1",
            "--to-offset",
            "3",
            "--execute");
    assertEquals(0, created.exitCode(), created.toString());
    for (String view : List.of("--offsets", "--state", "--members")) {
      assertSameAsApache("--describe", "--group", g, "--group", audit, view);
    }
    CliResult both = kafkit("--describe", "--group", g, "--group", audit);
    assertTrue(both.out().indexOf(audit) < both.out().indexOf(g), both.out());
    assertEquals(0, kafkit("--delete", "--group", audit).exitCode());

    JsonNode json =
        Json.mapper().readTree(kafkit("--describe", "--group", g, "--output", "json").out());
    JsonNode partitions = json.get("groups").get(0).get("partitions");
    assertEquals(3, partitions.size(), json.toString());
    partitions.forEach(p -> assertEquals(0, p.get("lag").asInt(), "all acknowledged: " + json));

    String[] dry = {"--reset-offsets", "--group", g, "--topic", t, "--to-offset", "4", "--dry-run"};
    assertSameAsApache(dry);
    assertSameAsApache(
        "--reset-offsets", "--group", g, "--all-topics", "--to-earliest", "--dry-run", "--export");
    CliResult done =
        kafkit("--reset-offsets", "--group", g, "--topic", t, "--to-offset", "4", "--execute");
    assertEquals(0, done.exitCode(), done.toString());
    assertEquals(kafkit(dry).out(), done.out(), "the dry run showed what --execute did");
    startOffsets(g).values().forEach(o -> assertEquals(4, o.startOffset()));

    // a plan without a row for the group resets nothing, and says so: a failure
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.csv"), "someone," + t + ",0,1\n");
    CliResult none =
        kafkit("--reset-offsets", "--group", g, "--from-file", elsewhere.toString(), "--execute");
    assertEquals(1, none.exitCode(), none.toString());
    assertEquals("Error: No reset plan for group " + g + " found.\n", none.err());
    String[] noPlan = {
      "--reset-offsets", "--group", g, "--from-file", elsewhere.toString(), "--dry-run"
    };
    assertEquals(
        apache(noPlan).out().replace("\nError: No reset plan for group " + g + " found.\n", ""),
        kafkit(noPlan).out());
    startOffsets(g).values().forEach(o -> assertEquals(4, o.startOffset()));

    // "t:0" is a topic name to --delete-offsets, as to Apache's tool: nothing is deleted
    CliResult partitionSuffix = kafkit("--delete-offsets", "--group", g, "--topic", t + ":0");
    assertEquals(1, partitionSuffix.exitCode(), partitionSuffix.toString());
    assertEquals(
        apache("--delete-offsets", "--group", g, "--topic", t + ":0").out(), partitionSuffix.out());
    String row = java.util.regex.Pattern.quote(t + ":0") + " +Error: This server does not host";
    assertTrue(
        partitionSuffix.out().lines().anyMatch(l -> l.matches(row + " this topic-partition\\.")),
        partitionSuffix.out());
    assertEquals(3, startOffsets(g).size(), "no offset deleted");
    // rows sorted by topic as Apache sorts them; a topic's error is in its row only
    String[] missingTopics = {
      "--delete-offsets", "--group", g, "--topic", t + "-zz", "--topic", t + "-aa"
    };
    CliResult sorted = kafkit(missingTopics);
    assertEquals(apache(missingTopics).out(), sorted.out());
    assertTrue(sorted.out().indexOf(t + "-aa") < sorted.out().indexOf(t + "-zz"), sorted.out());
    assertEquals("", sorted.err());
    startOffsets(g).values().forEach(o -> assertEquals(4, o.startOffset()));

    CliResult offsetsDeleted = kafkit("--delete-offsets", "--group", g, "--topic", t);
    assertEquals(0, offsetsDeleted.exitCode(), offsetsDeleted.toString());
    assertEquals(
        "\nTOPIC           STATUS\n" + t + "    Successful\n",
        offsetsDeleted.out(),
        "Apache's table");
    assertTrue(startOffsets(g).isEmpty(), "the offsets are gone");
    // nothing to reset: Apache's blank line, without the header
    String[] nothing = {
      "--reset-offsets", "--group", g, "--all-topics", "--to-earliest", "--dry-run"
    };
    assertSameAsApache(nothing);
    assertEquals("\n", kafkit(nothing).out());
    CliResult deleted = kafkit("--delete", "--group", g);
    assertEquals(0, deleted.exitCode(), deleted.toString());
    assertEquals(
        "Deletion of requested share groups ('" + g + "') was successful.\n", deleted.out());
    CliResult missing = kafkit("--describe", "--group", g);
    assertEquals(1, missing.exitCode(), missing.toString());
    assertEquals("\nError: Share group '" + g + "' does not exist.\n", missing.err());
    CliResult again = kafkit("--delete", "--group", g);
    assertEquals(1, again.exitCode(), again.toString());
    assertTrue(again.err().contains("is not a share group"), again.err());
  }

  @Test
  void aGroupOfAnotherTypeIsNamedInApachesWords() throws Exception {
    String g = cluster.consumerGroupWithOffset("share-it-consumers");
    CliResult r = kafkit("--describe", "--group", g);
    assertEquals(1, r.exitCode(), r.toString());
    assertEquals("\nError: Group " + g + " is not a share group.\n", r.err());
    assertEquals("", r.out());
    String words = "Group " + g + " is not a share group.";
    assertTrue(apache("--describe", "--group", g).out().contains(words));
  }

  @Test
  void usageErrorsInApachesWords() {
    String[][] cases = {
      {"--describe"},
      {"--describe", "--group", "g", "--members", "--state"},
      {"--delete"},
      {"--delete", "--group", "g", "--all-groups"},
      {"--delete", "--group", "g", "--topic", "t"},
      {"--delete-offsets", "--group", "g"},
      {"--reset-offsets", "--group", "g", "--topic", "t", "--to-earliest"},
      {
        "--reset-offsets", "--group", "g", "--topic", "t", "--to-earliest", "--dry-run", "--execute"
      },
      {"--reset-offsets", "--group", "g", "--to-earliest", "--dry-run"},
      {"--reset-offsets", "--group", "g", "--topic", "t", "--dry-run"},
      {
        "--reset-offsets",
        "--group",
        "g",
        "--topic",
        "t",
        "--all-topics",
        "--to-latest",
        "--dry-run"
      },
      {
        "--reset-offsets",
        "--group",
        "g",
        "--topic",
        "t",
        "--to-latest",
        "--to-earliest",
        "--dry-run"
      },
      {"--list", "--group", "g"},
      {"--describe", "--group", "g", "--topic", "t"},
    };
    for (String[] args : cases) {
      CliResult k = kafkit(args);
      assertEquals(2, k.exitCode(), String.join(" ", args) + ": " + k);
      String first = apache(args).err().lines().findFirst().orElse("");
      assertTrue(
          k.err().startsWith("Error: " + first + "\n")
              || first.contains("[all-groups], [group]")
              || first.contains("[group], [topic]")
              || first.contains("[topic], [group]"),
          String.join(" ", args) + "\napache: " + first + "\nkafkit: " + k.err());
    }
  }
}
