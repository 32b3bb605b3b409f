package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafkit delete-records against Apache's DeleteRecordsCommand 4.4.0 on the same cluster. */
class DeleteRecordsIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final String APACHE = "org.apache.kafka.tools.DeleteRecordsCommand";
  static final AtomicInteger ids = new AtomicInteger();
  static final long BASE = 1_700_000_000_000L;

  @TempDir Path dir;

  /** A topic of three partitions, records 0..29 with timestamps BASE+i, record i in i%3. */
  static String topic() throws Exception {
    String t = cluster.createTopic("delete-" + ids.incrementAndGet(), 3);
    Properties props = new Properties();
    props.put("bootstrap.servers", cluster.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 30; i++) {
        producer.send(new ProducerRecord<>(t, i % 3, BASE + i, null, "v" + i));
      }
    }
    return t;
  }

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> DeleteRecordsCommand.class).run(cluster.withBootstrap(args));
  }

  static long start(String topic, int partition) throws Exception {
    try (Admin admin = cluster.admin()) {
      TopicPartition tp = new TopicPartition(topic, partition);
      return admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset();
    }
  }

  Path file(String json) throws Exception {
    return Files.writeString(dir.resolve("offsets-" + ids.incrementAndGet() + ".json"), json);
  }

  static String entry(String topic, int partition, long offset) {
    return "{\"topic\": \""
        + topic
        + "\", \"partition\": "
        + partition
        + ", \"offset\": "
        + offset
        + "}";
  }

  @Test
  void theOffsetFilePrintsApachesLines() throws Exception {
    String ours = topic();
    String theirs = topic();
    String template = "{\"partitions\": [%s], \"version\": 1}";
    CliResult k =
        kafkit("--offset-json-file", file(String.format(template, entry(ours, 0, 4))).toString());
    CliResult a =
        ApacheTools.run(
            APACHE,
            cluster.withBootstrap(
                "--offset-json-file",
                file(String.format(template, entry(theirs, 0, 4))).toString()));
    assertEquals(0, a.exitCode(), a.toString());
    assertEquals(0, k.exitCode(), k.toString());
    assertEquals(a.out().replace(theirs, "T"), k.out().replace(ours, "T"));
    assertEquals(
        "Executing records delete operation\nRecords delete operation completed:\n"
            + "partition: T-0\tlow_watermark: 4\n",
        k.out().replace(ours, "T"));
    assertEquals(4, start(ours, 0));
  }

  @Test
  void severalPartitionsAndMinusOneAsApache() throws Exception {
    String ours = topic();
    String theirs = topic();
    String template = "{\"partitions\": [%s, %s, %s]}"; // the version is optional
    CliResult k =
        kafkit(
            "--offset-json-file",
            file(String.format(template, entry(ours, 0, 2), entry(ours, 1, -1), entry(ours, 2, 0)))
                .toString());
    CliResult a =
        ApacheTools.run(
            APACHE,
            cluster.withBootstrap(
                "--offset-json-file",
                file(String.format(
                        template, entry(theirs, 0, 2), entry(theirs, 1, -1), entry(theirs, 2, 0)))
                    .toString()));
    assertEquals(0, k.exitCode(), k.toString());
    // the client answers partitions in an order of its own: compare the lines as sets
    assertEquals(
        a.out().replace(theirs, "T").lines().sorted().toList(),
        k.out().replace(ours, "T").lines().sorted().toList());
    assertEquals(10, start(ours, 1));
  }

  @Test
  void anOffsetBeyondTheEndIsNamedAndFailsTheRun() throws Exception {
    String t = topic();
    CliResult k =
        kafkit(
            "--offset-json-file",
            file("{\"partitions\": [" + entry(t, 0, 99) + "], \"version\": 1}").toString());
    assertEquals(1, k.exitCode(), k.toString());
    assertTrue(
        k.out().contains("partition: " + t + "-0\terror: ")
            && k.out().contains("OffsetOutOfRangeException"),
        k.out());
    assertEquals(
        "Error: the records of 1 partition were not deleted: "
            + t
            + "-0 (an offset beyond the partition's end: 'kafkit get-offsets' shows where each"
            + " ends; -1 deletes every record).\n",
        k.err());
  }

  @Test
  void anOffsetBelowMinusOneIsSaidToBeNoOffset() throws Exception {
    String t = topic();
    Path f = file("{\"partitions\": [" + entry(t, 0, -2) + ", " + entry(t, 1, 3) + "]}");
    CliResult k = kafkit("--offset-json-file", f.toString());
    assertEquals(1, k.exitCode(), k.toString());
    assertTrue(
        k.out().contains("partition: " + t + "-0\terror: ")
            && k.out().contains("OffsetOutOfRangeException")
            && k.out().contains("partition: " + t + "-1\tlow_watermark: 3\n"),
        k.out());
    assertEquals(
        "Error: the records of 1 partition were not deleted: "
            + t
            + "-0 (an offset below -1 is no offset: give 0 or more, or -1 to delete every"
            + " record).\n",
        k.err());
    assertEquals(0, start(t, 0));
    // a dry run says so too, where it said that nothing would go
    CliResult dry = kafkit("--offset-json-file", f.toString(), "--dry-run");
    assertEquals(1, dry.exitCode(), dry.toString());
    assertEquals(
        "Error: Partition "
            + t
            + "-0: -2 is no offset: give 0 or more, or -1 to delete every record (Apache's tool"
            + " reports OffsetOutOfRangeException).\n",
        dry.err());
  }

  @Test
  void aPartitionThatDoesNotExistIsNamedAtOnce() throws Exception {
    String t = topic();
    CliResult k =
        kafkit(
            "--offset-json-file",
            file("{\"partitions\": ["
                    + entry(t, 0, 3)
                    + ", "
                    + entry(t, 42, 1)
                    + ", "
                    + entry("no-such-topic", 0, 1)
                    + "]}")
                .toString());
    assertEquals(1, k.exitCode(), k.toString());
    List<String> lines = k.out().lines().sorted().toList();
    String unknown = "\terror: " + DeleteRecords.UNKNOWN;
    assertEquals(
        List.of(
            "Executing records delete operation",
            "Records delete operation completed:",
            "partition: " + t + "-0\tlow_watermark: 3",
            "partition: " + t + "-42" + unknown,
            "partition: no-such-topic-0" + unknown),
        lines);
    assertEquals(3, start(t, 0));
  }

  @Test
  void theDirectFormWithDryRunFirst() throws Exception {
    String t = topic();
    CliResult dry = kafkit("--topic", t, "--before-offset", "6", "--dry-run");
    assertEquals(0, dry.exitCode(), dry.toString());
    assertEquals(
        "Dry run: no records deleted. Records delete operation would give:\n"
            + "partition: T-0\tlow_watermark: 0 -> 6\trecords deleted: 6\n"
            + "partition: T-1\tlow_watermark: 0 -> 6\trecords deleted: 6\n"
            + "partition: T-2\tlow_watermark: 0 -> 6\trecords deleted: 6\n",
        dry.out().replace(t, "T"));
    assertEquals(0, start(t, 0));
    CliResult one = kafkit("--topic", t, "--partition", "1", "--before-offset", "6");
    assertEquals(0, one.exitCode(), one.toString());
    assertEquals(6, start(t, 1));
    assertEquals(0, start(t, 2));
    // records 0..29 have timestamps BASE+i; before BASE+15 in partition 2 are 2, 5, 8, 11, 14
    CliResult byTime =
        kafkit("--topic", t, "--partition", "2", "--before-time", Long.toString(BASE + 15));
    assertEquals(0, byTime.exitCode(), byTime.toString());
    assertEquals(5, start(t, 2));
    // spaces around a time are dropped: never a duration of as many milliseconds back
    CliResult spaced = kafkit("--topic", t, "--partition", "2", "--before-time", (BASE + 21) + " ");
    assertEquals(0, spaced.exitCode(), spaced.toString());
    assertEquals(7, start(t, 2));
    CliResult json = kafkit("--topic", t, "--before-offset", "-1", "--dry-run", "--output", "json");
    JsonNode plan = Json.mapper().readTree(json.out());
    assertEquals(3, plan.size());
    assertEquals(10, plan.get(0).get("records").asLong());
    assertEquals(4, plan.get(1).get("records").asLong());
  }

  @Test
  void badFilesAndOptions() throws Exception {
    String t = topic();
    for (String[] bad :
        List.of(
            new String[] {"not json", "The input string is not a valid JSON"},
            new String[] {
              "{\"version\": 2, \"partitions\": []}", "Not supported version field value 2"
            },
            new String[] {"{\"version\": 1}", "Missing partitions field"},
            new String[] {
              "{\"partitions\": [" + entry(t, 0, 1) + ", " + entry(t, 0, 2) + "]}",
              "Offset json file contains duplicate topic partitions: " + t + "-0"
            })) {
      Path f = file(bad[0]);
      CliResult r = kafkit("--offset-json-file", f.toString());
      assertEquals(1, r.exitCode(), r.toString());
      assertEquals("Error: " + f + ": " + bad[1] + "\n", r.err());
      assertEquals("", r.out());
    }
    assertEquals(2, kafkit("--topic", t).exitCode());
    assertEquals(
        2, kafkit("--topic", t, "--before-offset", "1", "--before-time", "-1h").exitCode());
    assertEquals(2, kafkit("--offset-json-file", "x.json", "--topic", t).exitCode());
    assertEquals(2, kafkit("--topic", t, "--before-time", "soon").exitCode());
    // ListOffsets would read -1 as the end (every record gone), -2 as the start
    for (String time : new String[] {"-1", "-2", " -1", "- 1"}) {
      CliResult r = kafkit("--topic", t, "--before-time", time);
      assertEquals(2, r.exitCode(), r.toString());
      assertTrue(
          r.err().startsWith("Error: --before-time takes epoch milliseconds (0 or more), "),
          r.err());
    }
    assertEquals(0, start(t, 0));
    CliResult noPartition = kafkit("--topic", t, "--partition", "7", "--before-offset", "1");
    assertEquals(1, noPartition.exitCode(), noPartition.toString());
    assertTrue(noPartition.err().contains("has no partition 7"), noPartition.err());
  }

  @Test
  void everyOptionOfApachesHelpIsAccepted() {
    ApacheOptions.allAccepted(APACHE, DeleteRecordsCommand.class);
  }
}
