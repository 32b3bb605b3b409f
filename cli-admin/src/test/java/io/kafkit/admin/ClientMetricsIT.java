package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import org.junit.jupiter.api.Test;

/** kafkit client-metrics against Apache's ClientMetricsCommand 4.4.0 on the same cluster. */
class ClientMetricsIT {
  static final String APACHE = "org.apache.kafka.tools.ClientMetricsCommand";
  static final KafkaCluster cluster = KafkaCluster.single();

  static CliResult kafkit(String... args) {
    return new CliRunner(() -> ClientMetricsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  static void assertSameAsApache(String... args) {
    CliResult a = apache(args);
    CliResult k = kafkit(args);
    String what = String.join(" ", args) + "\napache:\n" + a + "\nkafkit:\n" + k;
    assertEquals(a.out(), k.out(), what);
    assertEquals(a.exitCode(), k.exitCode(), what);
  }

  @Test
  void altersDescribesListsAndDeletesAsApache() throws Exception {
    // one resource made by each tool, then each read by both
    CliResult made =
        kafkit(
            "--alter",
            "--name",
            "cm-kafkit",
            "--metrics",
            "org.apache.kafka.producer.",
            "--interval",
            "1000",
            "--match",
            "client_id=abc,client_software_name=apache-kafka-java");
    assertEquals("Altered client metrics config for cm-kafkit.\n", made.out(), made.toString());
    CliResult theirs =
        apache(
            "--alter",
            "--name",
            "cm-apache",
            "--metrics",
            "org.apache.kafka.consumer.",
            "--interval",
            "2000");
    assertEquals(0, theirs.exitCode(), theirs.toString());

    assertSameAsApache("--list");
    assertSameAsApache("--describe");
    assertSameAsApache("--describe", "--name", "cm-kafkit");
    assertSameAsApache("--describe", "--name", "cm-apache");

    // an empty value resets the key, as in Apache
    assertSameAsApache("--alter", "--name", "cm-kafkit", "--interval=");
    CliResult reset = kafkit("--describe", "--name", "cm-kafkit", "--output", "json");
    JsonNode configs = Json.mapper().readTree(reset.out()).get("resources").get(0).get("configs");
    assertEquals("300000", configs.get("interval.ms").asText(), reset.out());
    assertEquals(
        "client_id=abc,client_software_name=apache-kafka-java", configs.get("match").asText());

    CliResult generated = kafkit("--alter", "--generate-name", "--metrics", "org.apache.kafka.");
    assertTrue(
        generated.out().matches("Altered client metrics config for [A-Za-z0-9_-]{22}\\.\n"),
        generated.out());

    // the broker's own checks, one line each
    CliResult interval = kafkit("--alter", "--name", "cm-bad", "--interval", "5");
    assertEquals(1, interval.exitCode(), interval.toString());
    assertTrue(interval.err().startsWith("Error: Invalid value 5 for interval.ms"), interval.err());
    CliResult pattern = kafkit("--alter", "--name", "cm-bad", "--match", "bogus_key=1");
    assertEquals(1, pattern.exitCode(), pattern.toString());
    assertTrue(pattern.err().startsWith("Error: Illegal client matching pattern"), pattern.err());

    // a missing resource is an error, not a note (Apache: exit 0)
    CliResult missing = kafkit("--describe", "--name", "no-such");
    assertEquals(1, missing.exitCode(), missing.toString());
    assertEquals("", missing.out());
    CliResult deleteMissing = kafkit("--delete", "--name", "no-such");
    assertEquals(1, deleteMissing.exitCode(), deleteMissing.toString());

    CliResult apacheDeleted = apache("--delete", "--name", "cm-apache");
    assertEquals("Deleted client metrics config for cm-apache.\n", apacheDeleted.out());
    CliResult deleted = kafkit("--delete", "--name", "cm-kafkit");
    assertEquals(
        "Deleted client metrics config for cm-kafkit.\n", deleted.out(), deleted.toString());
    assertTrue(!kafkit("--list").out().contains("cm-kafkit"));

    // Apache's usage checks, in its words
    for (String[] bad :
        new String[][] {
          {"--list", "--describe"},
          {"--list", "--name", "x"},
          {"--delete"},
          {"--alter", "--metrics", "m"},
          {"--alter", "--name", "x", "--interval", "abc"},
          {"--describe", "--interval", "5"}
        }) {
      CliResult a = apache(bad);
      CliResult k = kafkit(bad);
      assertEquals(2, k.exitCode(), k.toString());
      String apacheFirst =
          a.err().lines().filter(l -> !l.startsWith("SLF4J:")).findFirst().orElse("");
      assertEquals(
          apacheFirst,
          k.err().lines().findFirst().orElseThrow().replaceFirst("^Error: ", ""),
          String.join(" ", bad) + "\n" + a + "\n" + k);
    }
  }
}
