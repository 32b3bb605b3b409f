package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafkit configs against Apache's ConfigCommand 4.4.0 on the same 1- and 3-broker clusters. */
class ConfigsIT {
  static final String APACHE = "org.apache.kafka.tools.ConfigCommand";
  static final AtomicInteger ids = new AtomicInteger();

  @TempDir Path dir;

  static CliResult kafkit(KafkaCluster cluster, String... args) {
    return new CliRunner(() -> ConfigsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(KafkaCluster cluster, String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  static String name(String prefix) {
    return prefix + "-" + ids.incrementAndGet();
  }

  static String[] with(String[] args, String from, String to) {
    String[] copy = args.clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] = copy[i].replace(from, to);
    }
    return copy;
  }

  /** The same command on two entities of the same kind, one each: the same lines, names aside. */
  static void sameAlter(KafkaCluster cluster, String ours, String theirs, String... args) {
    CliResult a = apache(cluster, with(args, "ENTITY", theirs));
    CliResult k = kafkit(cluster, with(args, "ENTITY", ours));
    assertEquals(0, a.exitCode(), a.toString());
    assertEquals(0, k.exitCode(), k.toString());
    assertEquals(a.out().replace(theirs, "ENTITY"), k.out().replace(ours, "ENTITY"));
  }

  static Map<String, String> dynamicTopicConfigs(KafkaCluster cluster, String topic)
      throws Exception {
    try (Admin admin = cluster.admin()) {
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin.describeConfigs(List.of(r)).all().get().get(r).entries().stream()
          .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
          .collect(java.util.stream.Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
    }
  }

  @Test
  void topicAltersAndDescribesAsApache() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String ours = cluster.createTopic(name("cfg"), 1);
    String theirs = cluster.createTopic(name("cfg"), 1);
    sameAlter(
        cluster,
        ours,
        theirs,
        "--alter",
        "--topic",
        "ENTITY",
        "--add-config",
        "retention.ms=86400000, cleanup.policy=[compact,delete],max.message.bytes=2000000");
    Path file = Files.writeString(dir.resolve("add.properties"), "segment.ms=3600000\n");
    sameAlter(
        cluster,
        ours,
        theirs,
        "--entity-type",
        "topics",
        "--entity-name",
        "ENTITY",
        "--alter",
        "--add-config-file",
        file.toString());
    sameAlter(
        cluster,
        ours,
        theirs,
        "--alter",
        "--topic",
        "ENTITY",
        "--delete-config",
        "max.message.bytes,nope");
    assertEquals(dynamicTopicConfigs(cluster, theirs), dynamicTopicConfigs(cluster, ours));
    assertEquals(
        Map.of(
            "retention.ms",
            "86400000",
            "cleanup.policy",
            "compact,delete",
            "segment.ms",
            "3600000"),
        dynamicTopicConfigs(cluster, ours));
    for (String[] args :
        new String[][] {
          {"--describe", "--topic", "ENTITY"},
          {"--describe", "--entity-type", "topics", "--entity-name", "ENTITY"},
          {"--describe", "--all", "--topic", "ENTITY"},
        }) {
      CliResult a = apache(cluster, with(args, "ENTITY", theirs));
      CliResult k = kafkit(cluster, with(args, "ENTITY", ours));
      assertEquals(0, k.exitCode(), k.toString());
      assertEquals(a.out().replace(theirs, "ENTITY"), k.out().replace(ours, "ENTITY"));
    }
    assertTrue(
        kafkit(cluster, "--describe", "--topic", ours)
            .out()
            .contains(
                "  cleanup.policy=compact,delete sensitive=false"
                    + " synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete,"
                    + " DEFAULT_CONFIG:log.cleanup.policy=delete}\n"));
  }

  @Test
  void clusterWideDescribesAsApache() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String user = name("user");
    kafkit(
        cluster,
        "--alter",
        "--user",
        user,
        "--add-config",
        "producer_byte_rate=1024,consumer_byte_rate=2048");
    kafkit(
        cluster,
        "--alter",
        "--user",
        user,
        "--client",
        "app",
        "--add-config",
        "request_percentage=50");
    // a default quota every later test on this broker would meet: generous, and taken back below
    kafkit(
        cluster, "--alter", "--client-defaults", "--add-config", "controller_mutation_rate=100000");
    kafkit(cluster, "--alter", "--ip", "10.0.0.1", "--add-config", "connection_creation_rate=10");
    kafkit(cluster, "--alter", "--broker-defaults", "--add-config", "log.cleaner.backoff.ms=16000");
    kafkit(
        cluster,
        "--alter",
        "--group",
        name("group"),
        "--add-config",
        "consumer.session.timeout.ms=50000");
    kafkit(
        cluster,
        "--alter",
        "--client-metrics",
        name("metrics"),
        "--add-config",
        "metrics=[org.apache.kafka.producer,org.apache.kafka.consumer],interval.ms=10000");
    for (String[] args :
        new String[][] {
          {"--describe", "--entity-type", "topics"},
          {"--describe", "--broker", "0"},
          {"--describe", "--broker-defaults"},
          {"--describe", "--entity-type", "brokers"},
          {"--describe", "--entity-type", "brokers", "--entity-default"},
          {"--describe", "--all", "--broker", "0"},
          {"--describe", "--broker-logger", "0"},
          {"--describe", "--entity-type", "users"},
          {"--describe", "--user", user},
          {"--describe", "--user", user, "--client", "app"},
          {"--describe", "--entity-type", "users", "--entity-type", "clients"},
          {"--describe", "--entity-type", "clients"},
          {"--describe", "--client-defaults"},
          {"--describe", "--entity-type", "ips"},
          {"--describe", "--ip", "10.0.0.1"},
          {"--describe", "--entity-type", "groups"},
          {"--describe", "--entity-type", "client-metrics"},
          {"-describe", "-entity-type", "brokers", "-entity-name", "0"},
        }) {
      CliResult a = apache(cluster, args);
      CliResult k = kafkit(cluster, args);
      assertEquals(0, k.exitCode(), k.toString());
      assertEquals(a.out(), k.out(), String.join(" ", args));
    }
    assertTrue(
        kafkit(cluster, "--describe", "--user", user)
            .out()
            .contains("Quota configs for user-principal '" + user + "' are "));
    assertEquals(
        0,
        kafkit(
                cluster,
                "--alter",
                "--client-defaults",
                "--delete-config",
                "controller_mutation_rate")
            .exitCode());
  }

  @Test
  void quotasAlterAsApache() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String ours = name("quser");
    String theirs = name("quser");
    sameAlter(
        cluster,
        ours,
        theirs,
        "--alter",
        "--user",
        "ENTITY",
        "--add-config",
        "producer_byte_rate=1000");
    sameAlter(
        cluster,
        ours,
        theirs,
        "--alter",
        "--entity-type",
        "users",
        "--entity-name",
        "ENTITY",
        "--entity-type",
        "clients",
        "--entity-default",
        "--add-config",
        "request_percentage=25");
    sameAlter(
        cluster,
        ours,
        theirs,
        "--alter",
        "--user",
        "ENTITY",
        "--delete-config",
        "producer_byte_rate");
    String[] describe = {
      "--describe", "--entity-type", "users", "--entity-name", "ENTITY", "--entity-type", "clients"
    };
    CliResult a = apache(cluster, with(describe, "ENTITY", theirs));
    CliResult k = kafkit(cluster, with(describe, "ENTITY", ours));
    assertEquals(a.out().replace(theirs, "ENTITY"), k.out().replace(ours, "ENTITY"));
    assertEquals(
        "Quota configs for user-principal 'ENTITY', the default client-id are request_percentage=25.0\n",
        k.out().replace(ours, "ENTITY"));
    CliResult gone =
        kafkit(cluster, "--alter", "--user", ours, "--delete-config", "producer_byte_rate");
    assertEquals(1, gone.exitCode(), gone.toString());
    assertEquals("Invalid config(s): producer_byte_rate\n", gone.err());
  }

  @Test
  void scramCredentialsWorkAndThePasswordIsNeverShown() throws Exception {
    KafkaCluster cluster = KafkaCluster.sasl();
    Path admin = adminConfig(cluster);
    String user = name("scram");
    String secret = "s3cret-" + ids.incrementAndGet();
    CliResult set =
        kafkit(
            cluster,
            "--command-config",
            admin.toString(),
            "--alter",
            "--entity-type",
            "users",
            "--entity-name",
            user,
            "--add-config",
            "SCRAM-SHA-256=[iterations=8192,password=" + secret + "]");
    assertEquals(0, set.exitCode(), set.toString());
    assertEquals("Completed updating config for user " + user + ".\n", set.out());
    assertFalse(set.out().contains(secret) || set.err().contains(secret));
    CliResult theirs =
        ApacheTools.run(
            APACHE,
            cluster.withBootstrap(
                "--command-config", admin.toString(), "--describe", "--user", user));
    CliResult ours =
        kafkit(cluster, "--command-config", admin.toString(), "--describe", "--user", user);
    assertEquals(theirs.out(), ours.out());
    assertEquals(
        "SCRAM credential configs for user-principal '"
            + user
            + "' are SCRAM-SHA-256=iterations=8192\n",
        ours.out());
    // the new user can log in with the password
    Map<String, Object> login =
        Map.of(
            "bootstrap.servers",
            cluster.bootstrapServers(),
            "security.protocol",
            "SASL_PLAINTEXT",
            "sasl.mechanism",
            "SCRAM-SHA-256",
            "sasl.jaas.config",
            KafkaCluster.jaasConfig("SCRAM-SHA-256", user, secret));
    try (Admin client = Admin.create(login)) {
      client.describeCluster().clusterId().get();
    }
    // a malformed credential is refused without echoing it
    CliResult bad =
        kafkit(
            cluster,
            "--command-config",
            admin.toString(),
            "--alter",
            "--user",
            user,
            "--add-config",
            "SCRAM-SHA-512=[iterations=9000,pass=" + secret + "]");
    assertEquals(2, bad.exitCode(), bad.toString());
    assertFalse(bad.err().contains(secret), bad.err());
    // SCRAM has no dry run at the broker: checked here, the password never shown
    CliResult dry =
        kafkit(
            cluster,
            "--command-config",
            admin.toString(),
            "--alter",
            "--user",
            user,
            "--add-config",
            "SCRAM-SHA-512=[password=" + secret + "]",
            "--dry-run");
    assertEquals(0, dry.exitCode(), dry.toString());
    assertEquals(
        "Dry run: checked here, not by the broker (it has no dry run for credentials); nothing was"
            + " altered.\nSCRAM-SHA-512: would be set, 4096 iterations\n",
        dry.out());
    CliResult notHeld =
        kafkit(
            cluster,
            "--command-config",
            admin.toString(),
            "--alter",
            "--user",
            user,
            "--delete-config",
            "SCRAM-SHA-512",
            "--dry-run");
    assertEquals(1, notHeld.exitCode(), notHeld.toString());
    assertEquals("User '" + user + "' has no SCRAM-SHA-512 credential to delete.\n", notHeld.err());
    CliResult delete =
        kafkit(
            cluster,
            "--command-config",
            admin.toString(),
            "--alter",
            "--user",
            user,
            "--delete-config",
            "SCRAM-SHA-256");
    assertEquals(0, delete.exitCode(), delete.toString());
  }

  private Path adminConfig(KafkaCluster cluster) throws Exception {
    return Files.writeString(
        dir.resolve("admin.properties"),
        "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config="
            + KafkaCluster.jaasConfig(
                "PLAIN", KafkaCluster.SASL_ADMIN, KafkaCluster.SASL_ADMIN_PASSWORD)
            + "\n");
  }

  @Test
  void dryRunShowsBeforeAndAfterAndChangesNothing() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String t = cluster.createTopic(name("dry"), 1);
    kafkit(cluster, "--alter", "--topic", t, "--add-config", "retention.ms=5000");
    CliResult plan =
        kafkit(
            cluster,
            "--alter",
            "--topic",
            t,
            "--add-config",
            "retention.ms=7000,segment.ms=100000",
            "--delete-config",
            "nope",
            "--dry-run");
    assertEquals(0, plan.exitCode(), plan.toString());
    List<String> lines = plan.out().lines().toList();
    assertEquals("Dry run: the change is valid; nothing was altered.", lines.get(0));
    assertTrue(lines.get(1).matches("CONFIG +NOW +AFTER"), plan.out());
    assertTrue(
        plan.out().lines().anyMatch(l -> l.matches("nope +\\(not set\\) +\\(default\\)")),
        plan.out());
    assertTrue(
        plan.out()
            .lines()
            .anyMatch(l -> l.matches("retention\\.ms +5000 \\(topic\\) +7000 \\(topic\\)")),
        plan.out());
    assertTrue(
        plan.out()
            .lines()
            .anyMatch(l -> l.matches("segment\\.ms +604800000 \\(default\\) +100000 \\(topic\\)")),
        plan.out());
    assertEquals(Map.of("retention.ms", "5000"), dynamicTopicConfigs(cluster, t));
    CliResult invalid =
        kafkit(cluster, "--alter", "--topic", t, "--add-config", "retention.ms=abc", "--dry-run");
    assertEquals(1, invalid.exitCode(), invalid.toString());
    assertEquals(
        "Invalid value abc for configuration retention.ms: Not a number of type LONG\n",
        invalid.err());
    CliResult json =
        kafkit(
            cluster,
            "--alter",
            "--topic",
            t,
            "--delete-config",
            "retention.ms",
            "--dry-run",
            "--output",
            "json");
    JsonNode doc = Json.mapper().readTree(json.out());
    assertTrue(doc.get("dryRun").asBoolean(), json.out());
    assertEquals("5000", doc.at("/changes/0/current").asText(), json.out());
    assertTrue(doc.at("/changes/0/after").isNull(), json.out());
    assertEquals("default", doc.at("/changes/0/afterSource").asText(), json.out());
    assertEquals(Map.of("retention.ms", "5000"), dynamicTopicConfigs(cluster, t));
  }

  @Test
  void aTerminalAndJsonShowWhereEachValueComesFrom() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String t = cluster.createTopic(name("src"), 1);
    kafkit(cluster, "--alter", "--topic", t, "--add-config", "retention.ms=5000");
    CliResult table =
        new CliRunner(() -> ConfigsCommand.class)
            .stdoutTerminal()
            .run(cluster.withBootstrap("--describe", "--all", "--topic", t));
    assertEquals(0, table.exitCode(), table.toString());
    List<String> lines = table.out().lines().toList();
    assertEquals("All configs for topic " + t + " are:", lines.get(0));
    assertTrue(lines.get(1).matches("  CONFIG +VALUE +SOURCE"), table.out());
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("  retention\\.ms +5000 +topic")), table.out());
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("  segment\\.ms +604800000 +default")), table.out());
    CliResult json = kafkit(cluster, "--describe", "--topic", t, "--output", "json");
    JsonNode doc = Json.mapper().readTree(json.out());
    assertEquals(t, doc.at("/0/entityName").asText());
    assertEquals("retention.ms", doc.at("/0/configs/0/name").asText());
    assertEquals("topic", doc.at("/0/configs/0/source").asText());
    assertEquals("DYNAMIC_TOPIC_CONFIG", doc.at("/0/configs/0/sourceName").asText());
  }

  @Test
  void threeBrokersAndTheControllersAsApache() throws Exception {
    KafkaCluster cluster = KafkaCluster.three();
    sameAlter(
        cluster,
        "1",
        "1",
        "--alter",
        "--broker",
        "1",
        "--add-config",
        "log.cleaner.backoff.ms=20000");
    for (String[] args :
        new String[][] {
          {"--describe", "--entity-type", "brokers"},
          {"--describe", "--broker", "1"},
          {"--describe", "--broker", "7"},
        }) {
      CliResult a = apache(cluster, args);
      CliResult k = kafkit(cluster, args);
      assertEquals(a.out(), k.out(), String.join(" ", args));
    }
    String controllers = cluster.kit().bootstrapControllers();
    String[] viaController = {
      "--bootstrap-controller", controllers, "--describe", "--entity-type", "brokers"
    };
    CliResult a = ApacheTools.run(APACHE, viaController);
    CliResult k = new CliRunner(() -> ConfigsCommand.class).run(viaController);
    assertEquals(0, k.exitCode(), k.toString());
    assertEquals(a.out(), k.out());
    assertTrue(k.out().startsWith("Dynamic configs for broker "), k.out()); // the controllers
  }

  @Test
  void groupsComeInApachesOrder() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String topic = cluster.createTopic(name("grp-order"), 1);
    List<String> committed = new ArrayList<>();
    List<String> configured = new ArrayList<>();
    try (Admin admin = cluster.admin()) {
      for (int i = 0; i < 8; i++) {
        String g = name("order-offsets");
        admin
            .alterConsumerGroupOffsets(
                g, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)))
            .all()
            .get();
        committed.add(g);
      }
      for (int i = 0; i < 6; i++) {
        String g = name("order-config");
        ConfigResource r = new ConfigResource(ConfigResource.Type.GROUP, g);
        AlterConfigOp op =
            new AlterConfigOp(
                new ConfigEntry("consumer.session.timeout.ms", "50000"), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(r, List.of(op))).all().get();
        configured.add(g);
      }
    }
    String[] args = {"--describe", "--entity-type", "groups"};
    CliResult a = apache(cluster, args);
    CliResult k = kafkit(cluster, args);
    assertEquals(0, k.exitCode(), k.toString());
    assertEquals(a.out(), k.out());
    // the groups the coordinators list come first, then those that only have configs
    List<String> shown =
        k.out()
            .lines()
            .filter(l -> l.startsWith("Dynamic configs for group order-"))
            .map(l -> l.split(" ")[4])
            .toList();
    assertEquals(committed.size() + configured.size(), shown.size(), k.out());
    assertEquals(Set.copyOf(committed), Set.copyOf(shown.subList(0, committed.size())), k.out());
  }

  @Test
  void aBrokerOrTopicThatIsNotThereIsNamedAtOnce() {
    KafkaCluster cluster = KafkaCluster.three();
    for (String[] args :
        new String[][] {
          {"--alter", "--broker", "7", "--add-config", "log.cleaner.threads=1"},
          {"--describe", "--all", "--broker", "7"},
          {"--describe", "--all", "--broker-logger", "7"},
          {"--alter", "--broker-logger", "7", "--add-config", "org.apache.kafka=DEBUG"},
          {"--alter", "--entity-type", "brokers", "--entity-name", "7", "--delete-config", "x"},
        }) {
      CliResult k = kafkit(cluster, args);
      assertEquals(1, k.exitCode(), k.toString());
      assertEquals("No broker 7 is running: the cluster's brokers are 0,1,2.\n", k.err());
      assertEquals("", k.out());
    }
    String controllers = cluster.kit().bootstrapControllers();
    CliResult viaController =
        new CliRunner(() -> ConfigsCommand.class)
            .run(
                "--bootstrap-controller",
                controllers,
                "--alter",
                "--broker",
                "1",
                "--add-config",
                "log.cleaner.threads=1");
    assertEquals(1, viaController.exitCode(), viaController.toString());
    assertEquals(
        "No controller 1 is running: the cluster's controllers are 3000 (--bootstrap-controller"
            + " reaches the controllers only; --bootstrap-server reaches the brokers).\n",
        viaController.err());
    CliResult topic = kafkit(cluster, "--describe", "--all", "--topic", "no-such-topic");
    assertEquals(1, topic.exitCode(), topic.toString());
    assertEquals("The topic 'no-such-topic' does not exist.\n", topic.err());
    // the default brokers' entity is there without a broker
    CliResult defaults = kafkit(cluster, "--describe", "--all", "--broker-defaults");
    assertEquals(0, defaults.exitCode(), defaults.toString());
  }

  @Test
  void whatApacheTakesIsTaken() throws Exception {
    KafkaCluster cluster = KafkaCluster.single();
    String ours = cluster.createTopic(name("taken"), 1);
    String theirs = cluster.createTopic(name("taken"), 1);
    // --all means nothing to --alter, for Apache
    sameAlter(
        cluster,
        ours,
        theirs,
        "--alter",
        "--all",
        "--topic",
        "ENTITY",
        "--add-config",
        "retention.ms=8000");
    assertEquals(Map.of("retention.ms", "8000"), dynamicTopicConfigs(cluster, ours));
    // several names: Apache describes the first, kafkit each of them in turn
    String other = cluster.createTopic(name("taken"), 1);
    String[] two = {"--describe", "--entity-type", "topics", "--entity-name", ours};
    CliResult first = apache(cluster, two);
    CliResult second =
        apache(cluster, "--describe", "--entity-type", "topics", "--entity-name", other);
    String[] both = {
      "--describe", "--entity-type", "topics", "--entity-name", ours, "--entity-name", other
    };
    assertEquals(first.out(), apache(cluster, both).out());
    CliResult k = kafkit(cluster, both);
    assertEquals(0, k.exitCode(), k.toString());
    assertEquals(first.out() + second.out(), k.out());
    // one of them missing: its line in turn, and exit 1
    CliResult oneMissing =
        kafkit(
            cluster,
            "--describe",
            "--entity-type",
            "topics",
            "--entity-name",
            "no-such-topic",
            "--entity-name",
            ours);
    assertEquals(1, oneMissing.exitCode(), oneMissing.toString());
    assertEquals(
        "The topic 'no-such-topic' doesn't exist and doesn't have dynamic config.\n" + first.out(),
        oneMissing.out());
    String[] brokerAndDefault = {
      "--describe", "--entity-type", "brokers", "--entity-name", "0", "--entity-default"
    };
    CliResult brokers = kafkit(cluster, brokerAndDefault);
    assertEquals(0, brokers.exitCode(), brokers.toString());
    assertEquals(
        apache(cluster, "--describe", "--broker", "0").out()
            + apache(cluster, "--describe", "--broker-defaults").out(),
        brokers.out());
    assertTrue(brokers.out().startsWith(apache(cluster, brokerAndDefault).out()), brokers.out());
    // two names where Apache refuses them, in its words
    for (String[] args :
        new String[][] {
          {
            "--alter",
            "--entity-type",
            "topics",
            "--entity-name",
            ours,
            "--entity-name",
            other,
            "--add-config",
            "retention.ms=1"
          },
          {"--describe", "--entity-type", "users", "--entity-name", "a", "--entity-name", "b"},
        }) {
      CliResult refused = kafkit(cluster, args);
      assertEquals(2, refused.exitCode(), refused.toString());
      String line = refused.err().lines().findFirst().orElseThrow().substring("Error: ".length());
      assertTrue(apache(cluster, args).err().contains(line), refused.err());
    }
  }

  @Test
  void anInvalidTopicNameIsSaidInApachesWords() {
    KafkaCluster cluster = KafkaCluster.single();
    for (String[] args :
        new String[][] {
          {"--describe", "--topic", "bad/name"},
          {"--describe", "--topic", ""},
          {"--describe", "--entity-type", "topics", "--entity-name", ".."},
          {"--describe", "--all", "--topic", "bad/name"},
        }) {
      CliResult a = apache(cluster, args);
      CliResult k = kafkit(cluster, args);
      assertEquals(1, a.exitCode(), a.toString());
      assertEquals(1, k.exitCode(), k.toString());
      assertEquals("", k.out());
      assertTrue(k.err().startsWith("Topic name is invalid: "), k.err());
      assertTrue(a.err().endsWith(k.err()), a.err() + "\n" + k.err());
    }
  }

  @Test
  void badInputIsOneLineInApachesWords() {
    KafkaCluster cluster = KafkaCluster.single();
    for (String[] args :
        new String[][] {
          {"--describe", "--entity-type", "foo"},
          {"--describe"},
          {"--alter", "--topic", "t"},
          {"--describe", "--topic", "t", "--add-config", "a=b"},
          {"--alter", "--topic", "t", "--add-config", "k1"},
          {"--alter", "--broker", "x", "--add-config", "log.cleaner.threads=2"},
          {"--alter", "--user", "u", "--add-config", "producer_byte_rate=abc"},
          {"--alter", "--user", "u", "--add-config", "foo=1"},
          {"--alter", "--client", "c", "--add-config", "SCRAM-SHA-256=[password=x]"},
          {"--alter", "--ip", "10.0.0.1", "--add-config", "producer_byte_rate=1"},
          {"--alter", "--client", "c", "--add-config", "producer_byte_rate=abc"},
          {"--describe", "--topic", "t", "--entity-type", "topics"},
          {"--describe", "--alter", "--topic", "t"},
        }) {
      CliResult a = apache(cluster, args);
      CliResult k = kafkit(cluster, args);
      assertEquals(1, a.exitCode(), a.toString());
      assertEquals(2, k.exitCode(), k.toString());
      String line = k.err().lines().findFirst().orElseThrow().substring("Error: ".length());
      assertTrue(a.err().contains(line), String.join(" ", args) + "\n" + a.err() + "\n" + k.err());
      assertTrue(k.err().lines().count() <= 2, k.err());
    }
    CliResult missing = kafkit(cluster, "--describe", "--topic", "no-such-topic");
    assertEquals(1, missing.exitCode(), missing.toString());
    assertEquals(apache(cluster, "--describe", "--topic", "no-such-topic").out(), missing.out());
    CliResult unknown =
        kafkit(cluster, "--alter", "--topic", "no-such-topic", "--add-config", "retention.ms=1");
    assertEquals(1, unknown.exitCode(), unknown.toString());
    assertEquals("The topic 'no-such-topic' does not exist.\n", unknown.err());
    CliResult value =
        kafkit(cluster, "--alter", "--broker-defaults", "--add-config", "log.cleaner.threads=x");
    assertEquals(1, value.exitCode(), value.toString());
    assertEquals(1, value.err().lines().count(), value.err());
  }

  @Test
  void everyApacheOptionIsAccepted() {
    ApacheOptions.allAccepted(APACHE, ConfigsCommand.class);
  }

  @Test
  void aSensitiveValueIsNeverShown() {
    ConfigEntry secret =
        new ConfigEntry(
            "ssl.keystore.password",
            "leaked",
            ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG,
            true,
            false,
            List.of(),
            ConfigEntry.ConfigType.PASSWORD,
            null);
    ResourceConfigs.Described described =
        new ResourceConfigs.Described("brokers", "1", false, List.of(secret));
    ConfigViews.EntityView view = ConfigViews.of(described);
    assertNull(view.configs().get(0).value());
    java.io.StringWriter text = new java.io.StringWriter();
    ConfigViews.printTables(List.of(described), new java.io.PrintWriter(text, true));
    assertFalse(text.toString().contains("leaked"), text.toString());
    assertTrue(text.toString().contains("(sensitive)"), text.toString());
  }
}
