package io.kafkit.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka cluster in KRaft mode, started in this JVM on free ports the first time a
 * test asks for it and stopped when the JVM exits: one for all the tests of a module.
 */
public final class KafkaCluster {
  private static KafkaCluster single;
  private static KafkaCluster three;
  private static KafkaCluster sasl;

  private final KafkaClusterTestKit kit;
  private final Path base;

  private KafkaCluster(KafkaClusterTestKit kit, Path base) {
    this.kit = kit;
    this.base = base;
  }

  /**
   * The directory of a partition's log on (the first) broker that holds it: where dump-log's tests
   * find real segment files. {@code __cluster_metadata} has partition 0.
   */
  public Path partitionDir(String topic, int partition) {
    String name = topic + "-" + partition;
    try (java.util.stream.Stream<Path> files = Files.walk(base)) {
      return files
          .filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(name))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no log directory " + name + " under " + base));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One combined broker and controller. */
  public static synchronized KafkaCluster single() {
    if (single == null) {
      single = start(1);
    }
    return single;
  }

  /**
   * One broker whose client listener is SASL_PLAINTEXT with the PLAIN mechanism; the users are the
   * test kit's: {@link #SASL_USER} and {@link #SASL_ADMIN}, with their passwords.
   */
  public static synchronized KafkaCluster sasl() {
    if (sasl == null) {
      sasl = start(1, org.apache.kafka.common.security.auth.SecurityProtocol.SASL_PLAINTEXT);
    }
    return sasl;
  }

  public static final String SASL_USER = org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_USER1;
  public static final String SASL_USER_PASSWORD =
      org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_USER1_PASSWORD;
  public static final String SASL_ADMIN = org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_ADMIN;
  public static final String SASL_ADMIN_PASSWORD =
      org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;

  /** Three brokers and one controller, for replication and failure tests. */
  public static synchronized KafkaCluster three() {
    if (three == null) {
      three = start(3);
    }
    return three;
  }

  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  /** An admin client of the cluster, for tests to set up and check state (close it). */
  public Admin admin() {
    return kit.admin();
  }

  /** Creates a topic and waits until it can be written to. */
  public String createTopic(String name, int partitions) {
    try (Admin admin = admin()) {
      admin
          .createTopics(
              java.util.List.of(
                  new org.apache.kafka.clients.admin.NewTopic(
                      name, partitions, (short) Math.min(3, kit.brokers().size()))))
          .all()
          .get();
      return name;
    } catch (Exception e) {
      throw new IllegalStateException("could not create topic " + name, e);
    }
  }

  /** Reads a topic from its start until it has {@code count} records or 30 s pass. */
  public java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> read(
      String topic, int count) {
    return TopicReader.read(bootstrapServers(), topic, count);
  }

  public KafkaClusterTestKit kit() {
    return kit;
  }

  private static KafkaCluster start(int brokers) {
    return start(brokers, org.apache.kafka.common.security.auth.SecurityProtocol.PLAINTEXT);
  }

  private static KafkaCluster start(
      int brokers, org.apache.kafka.common.security.auth.SecurityProtocol protocol) {
    try {
      Path base = Files.createTempDirectory("kafkit-it-cluster-");
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              // a SASL broker does not start combined with its controller in the test kit
              .setCombined(
                  brokers == 1
                      && protocol
                          == org.apache.kafka.common.security.auth.SecurityProtocol.PLAINTEXT)
              .setNumBrokerNodes(brokers)
              .setNumControllerNodes(1)
              .setBaseDirectory(base)
              .setBrokerSecurityProtocol(protocol)
              .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      short replication = (short) Math.min(brokers, 3);
      Map.of(
              "group.initial.rebalance.delay.ms", "0",
              "offsets.topic.replication.factor", Short.toString(replication),
              "offsets.topic.num.partitions", "5",
              "transaction.state.log.replication.factor", Short.toString(replication),
              "transaction.state.log.min.isr", "1",
              "share.coordinator.state.topic.replication.factor", Short.toString(replication),
              "share.coordinator.state.topic.min.isr", "1",
              "auto.create.topics.enable", "false",
              "log.cleaner.backoff.ms", "200")
          .forEach(builder::setConfigProp);
      KafkaClusterTestKit kit = builder.setDeleteOnClose(true).build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(kit), "kafkit-it-stop"));
      return new KafkaCluster(kit, base);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the test cluster", e);
    }
  }

  private static void closeQuietly(KafkaClusterTestKit kit) {
    try {
      kit.close();
    } catch (Exception e) {
      // the JVM is going away; its temp directories go with the test run
    }
  }
}
