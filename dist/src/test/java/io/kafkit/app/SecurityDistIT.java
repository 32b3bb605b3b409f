package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import io.kafkit.testkit.RunningProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools against a broker that asks for SASL (PLAIN): the right credentials, and the wrong ones.
 */
class SecurityDistIT {
  static final KafkaCluster cluster = KafkaCluster.sasl();
  final DistRunner dist = new DistRunner();
  @TempDir Path tmp;

  Path clientConfig(String user, String password) throws Exception {
    return Files.writeString(
        tmp.resolve(user + ".properties"),
        "security.protocol=SASL_PLAINTEXT\n"
            + "sasl.mechanism=PLAIN\n"
            + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\""
            + user
            + "\" password=\""
            + password
            + "\";\n");
  }

  @Test
  void everyToolWorksWithTheRightCredentials() throws Exception {
    String bs = cluster.bootstrapServers();
    String config =
        clientConfig(KafkaCluster.SASL_ADMIN, KafkaCluster.SASL_ADMIN_PASSWORD).toString();
    String topic = "secured-" + System.nanoTime() % 100000;
    CliResult created =
        dist.run(
            "kafka-topics.sh",
            "--bootstrap-server",
            bs,
            "--command-config",
            config,
            "--create",
            "--topic",
            topic);
    assertEquals(0, created.exitCode(), created.toString());
    try (RunningProcess producer =
        dist.start(
            "kafka-console-producer.sh",
            "--bootstrap-server",
            bs,
            "--producer.config",
            config,
            "--topic",
            topic)) {
      producer.type("over sasl\n").closeInput();
      assertEquals(0, producer.waitFor(Duration.ofSeconds(60)).exitCode());
    }
    CliResult consumed =
        dist.run(
            "kafka-console-consumer.sh",
            "--bootstrap-server",
            bs,
            "--consumer.config",
            config,
            "--topic",
            topic,
            "--from-beginning",
            "--max-messages",
            "1",
            "--group",
            "secured-group");
    assertEquals("over sasl\n", consumed.out(), consumed.toString());
    CliResult groups =
        dist.run(
            "kafka-consumer-groups.sh",
            "--bootstrap-server",
            bs,
            "--command-config",
            config,
            "--describe",
            "--group",
            "secured-group");
    assertEquals(0, groups.exitCode(), groups.toString());
    CliResult perf =
        dist.run(
            "kafka-producer-perf-test.sh",
            "--bootstrap-server",
            bs,
            "--producer.config",
            config,
            "--topic",
            topic,
            "--num-records",
            "100",
            "--record-size",
            "10",
            "--throughput",
            "-1");
    assertTrue(perf.out().startsWith("100 records sent"), perf.toString());
    CliResult consumerPerf =
        dist.run(
            "kafka-consumer-perf-test.sh",
            "--bootstrap-server",
            bs,
            "--consumer.config",
            config,
            "--topic",
            topic,
            "--num-records",
            "101");
    assertEquals(0, consumerPerf.exitCode(), consumerPerf.toString());
  }

  @Test
  void wrongCredentialsAreOneLineAndTheSecretIsNeverShown() throws Exception {
    String bs = cluster.bootstrapServers();
    for (Path config :
        new Path[] {
          clientConfig(KafkaCluster.SASL_ADMIN, "not-the-Secret-42"),
          clientConfig("nobody-we-know", "not-the-Secret-42")
        }) {
      for (String[] args :
          new String[][] {
            {"topics", "--list"},
            {"topics", "--list", "--verbose"},
            {"consumer-groups", "--list"},
          }) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--bootstrap-server";
        all[args.length + 1] = bs;
        all[args.length + 2] = "--command-config";
        all[args.length + 3] = config.toString();
        long start = System.nanoTime();
        CliResult r = dist.run("kafkit", all);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(seconds < 20, "took " + seconds + " s");
        assertTrue(r.err().contains("Authentication failed: "), r.toString());
        assertFalse(
            (r.out() + r.err()).contains("not-the-Secret-42"), "the password was shown:\n" + r);
        if (!String.join(" ", args).contains("--verbose")) {
          assertEquals(1, r.err().strip().lines().count(), "one line:\n" + r);
        }
      }
    }
  }

  @Test
  void aPlaintextClientAtASaslListenerIsToldToCheckItsSecuritySettings() {
    CliResult r =
        dist.run(
            "kafkit",
            "topics",
            "--list",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--connect-timeout",
            "3s");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(
        r.err()
            .contains("check that it is a Kafka listener and that the security settings match it"),
        r.toString());
  }
}
