package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kafka-configs.sh line of Apache Kafka's documentation (operations, broker and topic
 * configs, SASL, SSL, tiered storage, dynamic log levels and controller configs, streams groups),
 * run unchanged through kafkit's drop-in script and through Apache's 4.4.0 tool on the same
 * cluster: the same standard output, and both succeed or both fail. Only the addresses and ids of
 * the test cluster replace the docs' localhost:9092, localhost:9093 and broker ids; each tool
 * alters entities of its own name ({user1} is user1_apache for Apache, user1_kafkit for kafkit).
 */
class ApacheDocsConfigsDistIT {
  static final String APACHE = "org.apache.kafka.tools.ConfigCommand";
  static final KafkaCluster cluster = KafkaCluster.single();

  /** The docs' lines in the order a reader meets them; $BS, $CONTROLLER, $BROKER, $NODE. */
  static final List<String> LINES =
      List.of(
          // operations: modifying topics
          "--bootstrap-server $BS --entity-type topics --entity-name {my_topic_name} --alter --add-config x=y",
          "--bootstrap-server $BS --entity-type topics --entity-name {my_topic_name} --alter --delete-config x",
          // operations: decommissioning brokers and log directories
          "--bootstrap-server $BS --alter --add-config cordoned.log.dirs=\"*\" --entity-type brokers --entity-name $BROKER",
          "--bootstrap-server $BS --alter --add-config cordoned.log.dirs=/data/dir1 --entity-type brokers --entity-name $BROKER",
          "--bootstrap-controller $CONTROLLER --alter --delete-config cordoned.log.dirs --entity-type brokers --entity-name $BROKER",
          // operations: throttles
          "--describe --bootstrap-server $BS --entity-type brokers",
          "--describe --bootstrap-server $BS --entity-type topics",
          // operations: quotas
          "--bootstrap-server $BS --alter --add-config 'producer_byte_rate=1024,consumer_byte_rate=2048,request_percentage=200' --entity-type users --entity-name {user1} --entity-type clients --entity-name {clientA}",
          "--bootstrap-server $BS --alter --add-config 'producer_byte_rate=1024,consumer_byte_rate=2048,request_percentage=200' --entity-type users --entity-name {user1}",
          "--bootstrap-server $BS --alter --add-config 'producer_byte_rate=1024,consumer_byte_rate=2048,request_percentage=200' --entity-type clients --entity-name {clientA}",
          "--bootstrap-server $BS --alter --add-config 'producer_byte_rate=1024,consumer_byte_rate=2048,request_percentage=200' --entity-type users --entity-name {user1} --entity-type clients --entity-default",
          "--bootstrap-server $BS --alter --add-config 'producer_byte_rate=1024,consumer_byte_rate=2048,request_percentage=200' --entity-type users --entity-default",
          "--bootstrap-server $BS --alter --add-config 'producer_byte_rate=1024,consumer_byte_rate=2048,request_percentage=200' --entity-type clients --entity-default",
          "--bootstrap-server $BS --describe --entity-type users --entity-name {user1} --entity-type clients --entity-name {clientA}",
          "--bootstrap-server $BS --describe --entity-type users --entity-name {user1}",
          "--bootstrap-server $BS --describe --entity-type clients --entity-name {clientA}",
          "--bootstrap-server $BS --describe --entity-type users --entity-default",
          "--bootstrap-server $BS --describe --entity-type clients --entity-default",
          "--bootstrap-server $BS --describe --entity-type users",
          "--bootstrap-server $BS --describe --entity-type users --entity-type clients",
          // tiered storage (not enabled on the test broker: both refuse)
          "--bootstrap-server $BS --alter --entity-type topics --entity-name {tieredTopic} --add-config 'remote.storage.enable=true,remote.log.copy.disable=true,local.retention.ms=-2,local.retention.bytes=-2'",
          "--bootstrap-server $BS --alter --entity-type topics --entity-name {tieredTopic} --add-config 'remote.storage.enable=false,remote.log.delete.on.disable=true'",
          // configuration: updating broker configs
          "--bootstrap-server $BS --entity-type brokers --entity-name $BROKER --alter --add-config log.cleaner.threads=2",
          "--bootstrap-server $BS --entity-type brokers --entity-name $BROKER --describe",
          "--bootstrap-server $BS --entity-type brokers --entity-name $BROKER --alter --delete-config log.cleaner.threads",
          "--bootstrap-server $BS --entity-type brokers --entity-default --alter --add-config log.cleaner.threads=2",
          "--bootstrap-server $BS --entity-type brokers --entity-default --describe",
          // configuration: topic-level configs
          "--bootstrap-server $BS --entity-type topics --entity-name {my-topic} --alter --add-config max.message.bytes=128000",
          "--bootstrap-server $BS --entity-type topics --entity-name {my-topic} --describe",
          "--bootstrap-server $BS --entity-type topics --entity-name {my-topic} --alter --delete-config max.message.bytes",
          // security: SCRAM credentials
          "--bootstrap-server $BS --alter --add-config 'SCRAM-SHA-256=[iterations=8192,password=alice-secret]' --entity-type users --entity-name {alice} --command-config $CLIENT_PROPERTIES",
          "--bootstrap-server $BS --describe --entity-type users --entity-name {alice} --command-config $CLIENT_PROPERTIES",
          "--bootstrap-server $BS --alter --delete-config 'SCRAM-SHA-256' --entity-type users --entity-name {alice} --command-config $CLIENT_PROPERTIES",
          // security: SSL hostname verification of a dynamically configured listener
          "--bootstrap-server $BS --entity-type brokers --entity-name $BROKER --alter --add-config \"listener.name.internal.ssl.endpoint.identification.algorithm=\"",
          // streams groups
          "--bootstrap-server $BS --alter --entity-type groups --entity-name {wordcount} --add-config streams.num.standby.replicas=1",
          // dynamic log levels, on a broker and on a controller
          "--bootstrap-server $BS --entity-type broker-loggers --entity-name $BROKER --alter --add-config org.apache.kafka.raft.KafkaNetworkChannel=TRACE",
          "--bootstrap-controller $CONTROLLER --entity-type broker-loggers --entity-name $NODE --alter --add-config org.apache.kafka.raft.KafkaNetworkChannel=TRACE",
          // dynamic controller configurations
          "--bootstrap-server $BS --entity-type brokers --entity-name $BROKER --alter --add-config num.io.threads=5",
          "--bootstrap-server $BS --entity-type brokers --entity-default --alter --add-config max.connections=10000");

  @TempDir Path dir;

  @Test
  void everyDocumentedLineRunsUnchangedWithApachesOutput() throws Exception {
    Path clientProperties = Files.writeString(dir.resolve("client.properties"), "client.id=docs\n");
    String broker;
    String node;
    try (Admin admin = cluster.admin();
        Admin controllers =
            Admin.create(Map.of("bootstrap.controllers", cluster.kit().bootstrapControllers()))) {
      broker = admin.describeCluster().nodes().get().iterator().next().idString();
      node = controllers.describeCluster().nodes().get().iterator().next().idString();
    }
    for (String suffix : List.of("_apache", "_kafkit")) {
      for (String topic : List.of("my_topic_name", "my-topic", "tieredTopic")) {
        cluster.createTopic(topic + suffix, 1); // the docs' topics exist
      }
    }
    DistRunner dist = new DistRunner();
    List<String> failed = new ArrayList<>();
    try {
      for (String line : LINES) {
        String expanded =
            line.replace("$BS", cluster.bootstrapServers())
                .replace("$CONTROLLER", cluster.kit().bootstrapControllers())
                .replace("$BROKER", broker)
                .replace("$NODE", node)
                .replace("$CLIENT_PROPERTIES", clientProperties.toString());
        CliResult theirs =
            ApacheTools.run(APACHE, words(named(expanded, "_apache")).toArray(String[]::new));
        CliResult ours =
            dist.run("kafka-configs.sh", words(named(expanded, "_kafkit")).toArray(String[]::new));
        String context = line + "\nApache: " + theirs + "\nkafkit: " + ours;
        assertEquals(theirs.exitCode() == 0, ours.exitCode() == 0, context);
        assertEquals(anonymous(theirs.out()), anonymous(ours.out()), context);
        if (ours.exitCode() != 0) {
          failed.add(line + " -> " + ours.err().strip());
          assertEquals(1, ours.err().lines().count(), context);
        }
      }
    } finally {
      undo(broker);
    }
    // What the docs' lines ask of a cluster this test broker is not: both tools refuse these
    assertEquals(
        List.of(
            LINES.get(0) + " -> Unknown topic config name: x",
            LINES.get(3)
                + " -> requirement failed: All entries in cordoned.log.dirs must be present in"
                + " log.dirs or log.dir. Missing entries : /data/dir1",
            LINES.get(20)
                + " -> Tiered Storage functionality is disabled in the broker. Topic cannot be"
                + " configured with remote log storage.",
            LINES.get(22)
                + " -> requirement failed: log.cleaner.dedupe.buffer.size must be at least 1MB per"
                + " cleaner thread.",
            LINES.get(25)
                + " -> requirement failed: log.cleaner.dedupe.buffer.size must be at least 1MB per"
                + " cleaner thread.",
            LINES.get(35)
                + " -> Invalid broker logger(s): org.apache.kafka.raft.KafkaNetworkChannel",
            LINES.get(36)
                + " -> Invalid broker logger(s): org.apache.kafka.raft.KafkaNetworkChannel"),
        failed);
  }

  /** Takes back what the lines changed on the shared broker: its configs and every quota. */
  private static void undo(String broker) throws Exception {
    try (Admin admin = cluster.admin()) {
      for (ConfigResource r :
          List.of(
              new ConfigResource(ConfigResource.Type.BROKER, broker),
              new ConfigResource(ConfigResource.Type.BROKER, ""))) {
        List<AlterConfigOp> ops = new ArrayList<>();
        for (String key :
            List.of(
                "cordoned.log.dirs",
                "log.cleaner.threads",
                "num.io.threads",
                "max.connections",
                "listener.name.internal.ssl.endpoint.identification.algorithm")) {
          ops.add(new AlterConfigOp(new ConfigEntry(key, ""), AlterConfigOp.OpType.DELETE));
        }
        admin.incrementalAlterConfigs(Map.of(r, ops)).all().get();
      }
      // the docs' default quotas (1 KiB/s for every user and client) would throttle every later
      // test on this broker
      List<ClientQuotaAlteration> quotas = new ArrayList<>();
      admin
          .describeClientQuotas(ClientQuotaFilter.all())
          .entities()
          .get()
          .forEach(
              (entity, values) ->
                  quotas.add(
                      new ClientQuotaAlteration(
                          entity,
                          values.keySet().stream()
                              .map(k -> new ClientQuotaAlteration.Op(k, null))
                              .toList())));
      admin.alterClientQuotas(quotas).all().get();
    }
  }

  /** Output with both tools' entities under the docs' names. */
  private static String anonymous(String out) {
    return out.replace("_apache", "").replace("_kafkit", "");
  }

  /** {name} becomes the tool's own entity name. */
  private static String named(String line, String suffix) {
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(line);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + suffix));
  }

  /** Words as a POSIX shell splits them: on spaces, quotes ('...' and "...") removed. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    assertTrue(quote == 0, "unbalanced quotes in " + line);
    return words;
  }
}
