package io.kafkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** share-consumer-perf-test against a real cluster, with Apache's as the oracle. */
class SharePerfTestIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final AtomicInteger ids = new AtomicInteger();
  static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d{3}";
  static final Pattern RESULT =
      Pattern.compile(
          "^"
              + TIME
              + ", "
              + TIME
              + ", (\\d+\\.\\d{4}), \\d+\\.\\d{4}, \\d+\\.\\d{4}, (\\d+), \\d+$",
          Pattern.MULTILINE);
  static final Pattern PER_CONSUMER =
      Pattern.compile(
          "^Share consumer (\\d) having client id perf-share-consumer-client-(\\d) consumption"
              + " metrics- "
              + TIME
              + ", "
              + TIME
              + ", \\d+\\.\\d{4}, \\d+\\.\\d{4}, \\d+\\.\\d{4}, (\\d+), \\d+$",
          Pattern.MULTILINE);
  static String topic;

  @BeforeAll
  static void fill() {
    topic = cluster.createTopic("share-perf", 2);
    CliResult r =
        new CliRunner(() -> ProducerPerfTestCommand.class)
            .run(
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--topic",
                topic,
                "--num-records",
                "5000",
                "--record-size",
                "100",
                "--throughput",
                "-1");
    assertEquals(0, r.exitCode(), r.toString());
  }

  /** A new share group that starts at the earliest records. */
  static String group() {
    String g = "share-perf-" + ids.incrementAndGet();
    cluster.shareGroupFromEarliest(g);
    return g;
  }

  static CliResult perf(String... args) {
    return new CliRunner(() -> SharePerfTestCommand.class).run(cluster.withBootstrap(args));
  }

  @Test
  void consumesAndPrintsApachesLines() throws Exception {
    String[] args = {
      "--topic", topic, "--num-records", "5000", "--threads", "2", "--show-consumer-stats"
    };
    CliResult r = perf(concat(args, "--group", group()));
    assertEquals(0, r.exitCode(), r.toString());
    CliResult a =
        ApacheTools.run(
            "org.apache.kafka.tools.ShareConsumerPerformance",
            cluster.withBootstrap(concat(args, "--group", group())));
    for (CliResult each : List.of(r, a)) {
      String[] lines = each.out().strip().split("\n");
      assertEquals(SharePerfTestCommand.HEADER, lines[0], each.toString());
      Matcher total = RESULT.matcher(each.out());
      assertTrue(total.find(), each.toString());
      assertEquals("5000", total.group(2), each.toString());
      Matcher per = PER_CONSUMER.matcher(each.out());
      long sum = 0;
      int consumers = 0;
      while (per.find()) {
        assertEquals(per.group(1), per.group(2), "consumer N has client id ...-N");
        sum += Long.parseLong(per.group(3));
        consumers++;
      }
      assertEquals(2, consumers, each.toString());
      assertEquals(5000, sum, "the consumers' records add up: " + each);
      assertEquals(4, lines.length, each.toString());
    }
    assertEquals("", r.err());
  }

  @Test
  void aTopicWithFewerRecordsEndsAtTheTimeoutWithApachesWarning() throws Exception {
    CliResult r =
        perf("--topic", topic, "--num-records", "6000", "--timeout", "8000", "--group", group());
    assertEquals(0, r.exitCode(), r.toString());
    Matcher total = RESULT.matcher(r.out());
    assertTrue(total.find(), r.toString());
    assertEquals("5000", total.group(2));
    assertTrue(
        r.err()
            .startsWith(
                "WARNING: Exiting before consuming the expected number of records: timeout (8000"
                    + " ms) exceeded."),
        r.err());
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
