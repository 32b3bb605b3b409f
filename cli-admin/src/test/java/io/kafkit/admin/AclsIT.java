package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafkit acls against Apache's AclCommand 4.4.0 on a SASL cluster with an authorizer. */
class AclsIT {
  static final String APACHE = "org.apache.kafka.tools.AclCommand";
  static KafkaCluster cluster;
  static String config;

  @BeforeAll
  static void aclCluster(@TempDir Path dir) {
    cluster = KafkaCluster.saslAcls();
    config = cluster.adminConfigFile(dir).toString();
  }

  static String[] args(String... more) {
    List<String> all =
        new ArrayList<>(
            List.of("--bootstrap-server", cluster.bootstrapServers(), "--command-config", config));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  static CliResult kafkit(String... more) {
    return new CliRunner(() -> AclsCommand.class).run(args(more));
  }

  static CliResult apache(String... more) {
    return ApacheTools.run(APACHE, args(more));
  }

  /** Apache prints in hash order, which changes between runs: the lines, sorted. */
  static List<String> lines(String out) {
    return out.lines().sorted().toList();
  }

  static KafkaProducer<byte[], byte[]> producerAs(String user, String password) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            "security.protocol",
            "SASL_PLAINTEXT",
            "sasl.mechanism",
            "PLAIN",
            "sasl.jaas.config",
            KafkaCluster.jaasConfig("PLAIN", user, password),
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            "10000",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            "10000",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            "5000"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  @Test
  void producerAclsLetAUserWriteAndNoOtherTopic() throws Exception {
    String user = "User:" + KafkaCluster.SASL_USER;
    cluster.createTopic("acl-orders", 1);
    cluster.createTopic("acl-secret", 1);
    CliResult added =
        kafkit(
            "--add",
            "--allow-principal",
            user,
            "--producer",
            "--topic",
            "acl-orders",
            "--idempotent");
    assertEquals(0, added.exitCode(), added.toString());
    assertTrue(
        added
            .out()
            .contains(
                "Adding ACLs for resource `ResourcePattern(resourceType=TOPIC, name=acl-orders, patternType=LITERAL)`: \n \t(principal="
                    + user
                    + ", host=*, operation=CREATE, permissionType=ALLOW)\n"),
        added.out());

    assertEquals(
        lines(apache("--list", "--topic", "acl-orders").out()),
        lines(kafkit("--list", "--topic", "acl-orders").out()));
    assertEquals(lines(apache("--list").out()), lines(kafkit("--list").out()));
    CliResult mine = kafkit("--list", "--principal", user);
    assertTrue(mine.out().startsWith("ACLs for principal `" + user + "`\n"), mine.out());
    assertTrue(mine.out().contains("name=kafka-cluster"), mine.out());

    try (KafkaProducer<byte[], byte[]> p =
        producerAs(KafkaCluster.SASL_USER, KafkaCluster.SASL_USER_PASSWORD)) {
      p.send(new ProducerRecord<>("acl-orders", "ok".getBytes())).get();
      ExecutionException refused =
          assertThrows(
              ExecutionException.class,
              () -> p.send(new ProducerRecord<>("acl-secret", "no".getBytes())).get());
      assertTrue(refused.getCause() instanceof TopicAuthorizationException, refused.toString());
    }

    // adding again: Apache's line for each that exists
    CliResult again =
        kafkit("--add", "--allow-principal", user, "--operation", "Write", "--topic", "acl-orders");
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(
        again.out().startsWith("Acl (pattern=ResourcePattern(resourceType=TOPIC, name=acl-orders"),
        again.out());

    CliResult removed =
        kafkit(
            "--remove",
            "--force",
            "--allow-principal",
            user,
            "--producer",
            "--topic",
            "acl-orders",
            "--idempotent");
    assertEquals(0, removed.exitCode(), removed.toString());
    assertEquals("", apache("--list", "--topic", "acl-orders").out());
  }

  @Test
  void removingByAMatchOrAnyFilterRemovesWhatApachesDoes() {
    String user = "User:" + KafkaCluster.SASL_USER;
    for (String tool : List.of("kafkit", "apache")) {
      for (String pattern : List.of("match", "any")) {
        String topic = "acl-" + pattern + "-" + tool + "-t";
        // match: every pattern that affects the topic; any: every pattern type of that name
        String prefix = pattern.equals("match") ? "acl-" + pattern + "-" + tool + "-" : topic;
        for (String[] add :
            new String[][] {
              {"--topic", topic},
              {"--topic", prefix, "--resource-pattern-type", "prefixed"}
            }) {
          List<String> all = new ArrayList<>(List.of("--add", "--allow-principal", user));
          all.addAll(List.of("--operation", "Read"));
          all.addAll(List.of(add));
          CliResult added = kafkit(all.toArray(String[]::new));
          assertEquals(0, added.exitCode(), added.toString());
        }
        String[] remove = {
          "--remove", "--force", "--topic", topic, "--resource-pattern-type", pattern
        };
        CliResult removed = tool.equals("kafkit") ? kafkit(remove) : apache(remove);
        assertEquals(0, removed.exitCode(), tool + " " + pattern + ": " + removed);
        String left = apache("--list", "--topic", topic, "--resource-pattern-type", "match").out();
        assertEquals("", left, tool + " " + pattern + " left ACLs behind");
      }
    }
  }

  @Test
  void refusesWhatCouldNeverMatchAndApachesUsageErrors() {
    CliResult noType = kafkit("--add", "--allow-principal", "alice", "--topic", "t");
    assertEquals(2, noType.exitCode(), noType.toString());
    assertTrue(
        noType
            .err()
            .startsWith(
                "Error: expected a string in format principalType:principalName but got alice"),
        noType.err());
    CliResult name =
        kafkit("--add", "--allow-principal", "User:alice", "--allow-host", "web-1", "--topic", "t");
    assertEquals(2, name.exitCode(), name.toString());
    assertTrue(name.err().startsWith("Error: 'web-1' is not a host an ACL can match"), name.err());

    CliResult unknownPattern = kafkit("--list", "--resource-pattern-type", "unknown");
    assertEquals(2, unknownPattern.exitCode(), unknownPattern.toString());
    assertTrue(
        unknownPattern.err().contains("expected literal, prefixed, any or match, not 'unknown'"),
        unknownPattern.err());
    assertEquals(0, kafkit("--list", "--list", "--resource-pattern-type", "Prefixed").exitCode());

    for (String[] bad :
        new String[][] {
          {"--list", "--add"},
          {"--list", "--producer"},
          {"--add", "--producer", "--allow-principal", "User:a"},
          {"--add", "--idempotent", "--topic", "t"},
          {"--add", "--consumer", "--topic", "t", "--allow-principal", "User:a"},
          {"--add", "--topic", "t", "--principal", "User:a"},
          {
            "--add", "--topic", "t", "--resource-pattern-type", "any", "--allow-principal", "User:a"
          },
          {"--add", "--topic", "t"},
          {"--add", "--allow-principal", "User:a"}
        }) {
      CliResult a = apache(bad);
      CliResult k = kafkit(bad);
      String what = String.join(" ", bad) + "\napache:\n" + a + "\nkafkit:\n" + k;
      assertEquals(2, k.exitCode(), what);
      assertEquals(
          a.err()
              .lines()
              .filter(l -> !l.startsWith("SLF4J:") && !l.startsWith("["))
              .findFirst()
              .orElseThrow()
              .strip(),
          k.err().lines().findFirst().orElseThrow().replaceFirst("^Error: ", ""),
          what);
    }
  }
}
