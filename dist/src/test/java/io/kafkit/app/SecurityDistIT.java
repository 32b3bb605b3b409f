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
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tools against secured brokers: SSL, SASL_PLAINTEXT and SASL_SSL, with PLAIN, SCRAM-SHA-256
 * and SCRAM-SHA-512; the right credentials and the wrong ones, certificates the client does not
 * trust or that name another host, and a user without the rights.
 */
class SecurityDistIT {
  final DistRunner dist = new DistRunner();
  @TempDir Path tmp;

  /**
   * A client properties file for a cluster: its protocol, and for SASL the mechanism and the user's
   * login; for TLS, the truststore that trusts the test kit's certificate.
   */
  Path clientConfig(
      KafkaCluster cluster, String protocol, String mechanism, String user, String password)
      throws Exception {
    StringBuilder text = new StringBuilder("security.protocol=" + protocol + "\n");
    if (mechanism != null) {
      text.append("sasl.mechanism=")
          .append(mechanism)
          .append("\nsasl.jaas.config=")
          .append(KafkaCluster.jaasConfig(mechanism, user, password))
          .append('\n');
    }
    if (protocol.endsWith("SSL")) {
      cluster
          .clientSslConfig()
          .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    }
    return Files.writeString(
        Files.createTempFile(tmp, protocol + "-" + mechanism, ".properties"), text);
  }

  Path clientConfig(String user, String password) throws Exception {
    return clientConfig(KafkaCluster.sasl(), "SASL_PLAINTEXT", "PLAIN", user, password);
  }

  static Stream<Arguments> connections() {
    return Stream.of(
        Arguments.of("SSL", null),
        Arguments.of("SASL_PLAINTEXT", "PLAIN"),
        Arguments.of("SASL_PLAINTEXT", "SCRAM-SHA-256"),
        Arguments.of("SASL_PLAINTEXT", "SCRAM-SHA-512"),
        Arguments.of("SASL_SSL", "PLAIN"),
        Arguments.of("SASL_SSL", "SCRAM-SHA-256"),
        Arguments.of("SASL_SSL", "SCRAM-SHA-512"));
  }

  static KafkaCluster cluster(String protocol) {
    return switch (protocol) {
      case "SSL" -> KafkaCluster.ssl();
      case "SASL_SSL" -> KafkaCluster.saslSsl();
      default -> KafkaCluster.sasl();
    };
  }

  /** The super user's login for a mechanism (PLAIN and SCRAM have their own passwords). */
  Path adminConfig(String protocol, String mechanism) throws Exception {
    String password =
        mechanism == null || mechanism.equals("PLAIN")
            ? KafkaCluster.SASL_ADMIN_PASSWORD
            : KafkaCluster.SCRAM_ADMIN_PASSWORD;
    return clientConfig(cluster(protocol), protocol, mechanism, KafkaCluster.SASL_ADMIN, password);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("connections")
  void everyToolWorksWithTheRightCredentials(String protocol, String mechanism) throws Exception {
    KafkaCluster cluster = cluster(protocol);
    String bs = cluster.bootstrapServers();
    String config = adminConfig(protocol, mechanism).toString();
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
      producer.type("over " + protocol + "\n").closeInput();
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
            topic + "-group");
    assertEquals("over " + protocol + "\n", consumed.out(), consumed.toString());
    CliResult groups =
        dist.run(
            "kafka-consumer-groups.sh",
            "--bootstrap-server",
            bs,
            "--command-config",
            config,
            "--describe",
            "--group",
            topic + "-group");
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
    String bs = KafkaCluster.sasl().bootstrapServers();
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
            KafkaCluster.sasl().bootstrapServers(),
            "--connect-timeout",
            "3s");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(
        r.err()
            .contains("check that it is a Kafka listener and that the security settings match it"),
        r.toString());
  }

  /** Runs kafkit with the arguments, then --bootstrap-server and --command-config. */
  CliResult kafkit(String bs, Path config, String... args) {
    String[] all = Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--bootstrap-server";
    all[args.length + 1] = bs;
    all[args.length + 2] = "--command-config";
    all[args.length + 3] = config.toString();
    return dist.run("kafkit", all);
  }

  /** Pipes one line into the console producer, which must fail with {@code expected}. */
  void pipeFails(String bs, Path config, String topic, String expected) {
    try (RunningProcess producer =
        dist.start(
            "kafkit",
            "console-producer",
            "--bootstrap-server",
            bs,
            "--producer.config",
            config.toString(),
            "--topic",
            topic)) {
      producer.type("a line\n").closeInput();
      CliResult r = producer.waitFor(Duration.ofSeconds(60));
      assertEquals(1, r.exitCode(), r.toString());
      assertTrue(r.err().contains(expected), r.toString());
      assertFalse(r.err().contains("\tat "), r.toString());
    }
  }

  /** Exit 1, one line on stderr that says {@code expected}, and no stack trace. */
  static void oneLineFailure(CliResult r, String expected) {
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains(expected), r.toString());
    assertEquals(1, r.err().strip().lines().count(), "one line:\n" + r);
  }

  @Test
  void aCertificateTheClientDoesNotTrustIsOneLine() throws Exception {
    KafkaCluster cluster = KafkaCluster.ssl();
    // no truststore: the JDK's own CAs, which never signed the test kit's certificate
    Path config =
        Files.writeString(tmp.resolve("untrusting.properties"), "security.protocol=SSL\n");
    for (String[] args :
        new String[][] {
          {"topics", "--list"},
          {"consumer-groups", "--list"},
          {"console-consumer", "--topic", "t", "--from-beginning", "--max-messages", "1"},
        }) {
      long start = System.nanoTime();
      CliResult r = kafkit(cluster.bootstrapServers(), config, args);
      assertTrue(System.nanoTime() - start < 30_000_000_000L, "took too long: " + r);
      oneLineFailure(r, "is not trusted");
    }
    pipeFails(cluster.bootstrapServers(), config, "t", "is not trusted");
  }

  @Test
  void aCertificateForAnotherHostIsOneLine() throws Exception {
    KafkaCluster cluster = KafkaCluster.ssl();
    Path config = clientConfig(cluster, "SSL", null, null, null);
    // the certificate names localhost only; the same listener by its address does not match it
    String byAddress = cluster.bootstrapServers().replace("localhost", "127.0.0.1");
    CliResult r = kafkit(byAddress, config, "topics", "--list");
    oneLineFailure(r, "does not name the host");
    assertEquals(0, kafkit(cluster.bootstrapServers(), config, "topics", "--list").exitCode());
  }

  @Test
  void aUserWithoutRightsToATopicGetsOneLine() throws Exception {
    KafkaCluster cluster = KafkaCluster.sasl();
    String bs = cluster.bootstrapServers();
    Path admin = adminConfig("SASL_PLAINTEXT", "PLAIN");
    String topic = "guarded-" + System.nanoTime() % 100000;
    assertEquals(0, kafkit(bs, admin, "topics", "--create", "--topic", topic).exitCode());
    Path user = clientConfig(KafkaCluster.SASL_USER, KafkaCluster.SASL_USER_PASSWORD);
    for (String[] args :
        new String[][] {
          {"topics", "--describe", "--topic", topic},
          {"console-consumer", "--topic", topic, "--from-beginning", "--max-messages", "1"},
          {"consumer-groups", "--describe", "--group", topic + "-group"},
        }) {
      long start = System.nanoTime();
      CliResult r = kafkit(bs, user, args);
      assertTrue(System.nanoTime() - start < 30_000_000_000L, "took too long: " + r);
      oneLineFailure(r, "Not authorized");
    }
    pipeFails(bs, user, topic, "Not authorized");
  }

  @Test
  void aProfileCarriesTheSecuritySettingsAndNeverShowsTheirSecrets() throws Exception {
    KafkaCluster cluster = KafkaCluster.saslSsl();
    DistRunner withProfiles =
        new DistRunner().env("KAFKIT_CONFIG_DIR", tmp.resolve("cfg").toString());
    Path good = adminConfig("SASL_SSL", "SCRAM-SHA-256");
    Path bad =
        clientConfig(
            cluster, "SASL_SSL", "SCRAM-SHA-256", KafkaCluster.SASL_ADMIN, "wrong-Secret-7");
    for (Path config : new Path[] {good, bad}) {
      String name = config == good ? "secured" : "mistyped";
      CliResult set =
          withProfiles.run(
              "kafkit",
              "profile",
              "set",
              name,
              "--bootstrap-server",
              cluster.bootstrapServers(),
              "--from-file",
              config.toString());
      assertEquals(0, set.exitCode(), set.toString());
      CliResult shown = withProfiles.run("kafkit", "profile", "show", name);
      assertEquals(0, shown.exitCode(), shown.toString());
      assertTrue(shown.out().contains("sasl.mechanism"), shown.toString());
      for (String secret :
          new String[] {
            KafkaCluster.SCRAM_ADMIN_PASSWORD, "wrong-Secret-7", "TrustStorePassword"
          }) {
        assertFalse(shown.out().contains(secret), "a secret was shown:\n" + shown);
      }
    }
    CliResult listed = withProfiles.run("kafkit", "topics", "--list", "--profile", "secured");
    assertEquals(0, listed.exitCode(), listed.toString());
    CliResult refused =
        withProfiles.run("kafkit", "topics", "--list", "--profile", "mistyped", "--verbose");
    assertEquals(1, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("Authentication failed"), refused.toString());
    for (String secret : new String[] {"wrong-Secret-7", "TrustStorePassword"}) {
      assertFalse((refused.out() + refused.err()).contains(secret), "a secret was shown");
    }
  }
}
