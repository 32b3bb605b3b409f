package io.kafkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** e2e-latency against a real cluster, with Apache's EndToEndLatency 4.4.0 as the oracle. */
class EndToEndLatencyIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final String APACHE = "org.apache.kafka.tools.EndToEndLatency";
  static final String LINES =
      "0\t\\d+\\.\\d+\n1000\t\\d+\\.\\d+\nAvg latency: \\d+\\.\\d{4} ms\n"
          + "Percentiles: 50th = \\d+, 99th = \\d+, 99\\.9th = \\d+\n";

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> EndToEndLatencyCommand.class).run(args);
  }

  @Test
  void measuresAsApacheDoesInItsLines() throws Exception {
    String topic = cluster.createTopic("e2e", 1);
    String[] named = {
      "--bootstrap-server",
      cluster.bootstrapServers(),
      "--topic",
      topic,
      "--num-records",
      "1200",
      "--producer-acks",
      "all",
      "--record-size",
      "100",
      "--record-key-size",
      "8",
      "--num-headers",
      "2",
      "--record-header-key-size",
      "4",
      "--record-header-size",
      "-1"
    };
    CliResult apache = ApacheTools.run(APACHE, named);
    CliResult ours = kafkit(named);
    assertEquals(0, apache.exitCode(), apache.toString());
    assertEquals(0, ours.exitCode(), ours.toString());
    assertTrue(apache.out().matches(LINES), apache.out());
    assertTrue(ours.out().matches(LINES), ours.out());

    // Apache's positional arguments, with its deprecation warning (on stderr here)
    CliResult positional = kafkit(cluster.bootstrapServers(), topic, "200", "1", "10");
    assertEquals(0, positional.exitCode(), positional.toString());
    assertTrue(positional.err().startsWith("WARNING: Positional argument usage is deprecated"));
    assertTrue(positional.out().startsWith("0\t"), positional.out());

    CliResult json =
        kafkit(
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            topic,
            "--num-records",
            "100",
            "--producer-acks",
            "1",
            "--record-size",
            "10",
            "--output",
            "json");
    JsonNode result = Json.mapper().readTree(json.out());
    assertEquals(100, result.get("records").asInt(), json.out());
    assertTrue(result.get("p50Ms").asDouble() <= result.get("maxMs").asDouble(), json.out());
    assertTrue(result.get("complete").asBoolean());
  }

  @Test
  void createsAMissingTopicAsApacheSays() {
    CliResult created =
        kafkit(
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            "e2e-new",
            "--num-records",
            "5",
            "--producer-acks",
            "1",
            "--record-size",
            "10");
    assertEquals(0, created.exitCode(), created.toString());
    assertTrue(
        created
            .out()
            .startsWith(
                "Topic \"e2e-new\" does not exist. Will create topic with 1 partition(s) and"
                    + " replication factor = 1\n0\t"),
        created.out());
  }

  @Test
  void usageErrorsInApachesWords() {
    String bs = cluster.bootstrapServers();
    for (List<String> bad :
        List.of(
            List.of(
                "--bootstrap-server",
                bs,
                "--topic",
                "t",
                "--num-records",
                "5",
                "--producer-acks",
                "0",
                "--record-size",
                "1"),
            List.of(
                "--bootstrap-server",
                bs,
                "--topic",
                "t",
                "--num-records",
                "0",
                "--producer-acks",
                "1",
                "--record-size",
                "1"),
            List.of(
                "--bootstrap-server",
                bs,
                "--topic",
                "t",
                "--producer-acks",
                "1",
                "--record-size",
                "1"),
            List.of(
                "--bootstrap-server",
                bs,
                "--topic",
                "t",
                "--num-records",
                "5",
                "--producer-acks",
                "1",
                "--record-size",
                "1",
                "--record-header-size",
                "-2"),
            List.of(bs, "t", "5"))) {
      String[] args = bad.toArray(String[]::new);
      CliResult a = ApacheTools.run(APACHE, args);
      CliResult k = kafkit(args);
      String what = String.join(" ", args) + "\napache:\n" + a + "\nkafkit:\n" + k;
      assertEquals(2, k.exitCode(), what);
      assertEquals(
          a.err().lines().findFirst().orElseThrow(),
          k.err().lines().findFirst().orElseThrow().replaceFirst("^Error: ", ""),
          what);
    }
  }
}
