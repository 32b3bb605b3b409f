package io.kafkit.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNode;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka cluster in KRaft mode, started in this JVM on free ports the first time a
 * test asks for it and stopped when the JVM exits: one for all the tests of a module.
 */
public final class KafkaCluster {
  private static KafkaCluster single;
  private static KafkaCluster three;
  private static KafkaCluster sasl;
  private static KafkaCluster saslAcls;
  private static KafkaCluster ssl;
  private static KafkaCluster saslSsl;
  private static KafkaCluster reconfigurable;

  /**
   * The password of {@link #SASL_ADMIN} for SCRAM-SHA-256 and SCRAM-SHA-512, on the SASL clusters
   * ({@link #sasl()}, {@link #saslSsl()}).
   */
  public static final String SCRAM_ADMIN_PASSWORD = "scram-admin-secret";

  private final KafkaClusterTestKit kit;
  private final Path base;

  private final SecurityProtocol protocol;

  private KafkaCluster(KafkaClusterTestKit kit, Path base, SecurityProtocol protocol) {
    this.kit = kit;
    this.base = base;
    this.protocol = protocol;
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
      sasl = start(1, SecurityProtocol.SASL_PLAINTEXT);
    }
    return sasl;
  }

  /**
   * As {@link #sasl()}, with an authorizer (StandardAuthorizer): {@link #SASL_ADMIN} is a super
   * user, {@link #SASL_USER} may do only what ACLs allow.
   */
  public static synchronized KafkaCluster saslAcls() {
    if (saslAcls == null) {
      saslAcls = start(1, SecurityProtocol.SASL_PLAINTEXT, true);
    }
    return saslAcls;
  }

  public static final String SASL_USER = org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_USER1;
  public static final String SASL_USER_PASSWORD =
      org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_USER1_PASSWORD;
  public static final String SASL_ADMIN = org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_ADMIN;
  public static final String SASL_ADMIN_PASSWORD =
      org.apache.kafka.common.test.JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;

  /**
   * One broker whose client listener is SSL, with a certificate the test kit makes; clients trust
   * it through {@link #clientSslConfig()}.
   */
  public static synchronized KafkaCluster ssl() {
    if (ssl == null) {
      ssl = start(1, SecurityProtocol.SSL);
    }
    return ssl;
  }

  /**
   * One broker whose client listener is SASL_SSL: TLS as {@link #ssl()}, and the users of {@link
   * #sasl()} with PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512.
   */
  public static synchronized KafkaCluster saslSsl() {
    if (saslSsl == null) {
      saslSsl = start(1, SecurityProtocol.SASL_SSL);
    }
    return saslSsl;
  }

  /**
   * The client settings that trust this cluster's certificate ({@code ssl.truststore.*}), as
   * strings for a properties file.
   */
  public Map<String, String> clientSslConfig() {
    return trustStore(kit);
  }

  /**
   * Stops a broker (a controlled shutdown: its partitions' leadership moves to the others) and
   * starts it again, returning once it is back. Other clients keep running meanwhile.
   */
  public void restartBroker(int id) {
    kit.restartBroker(id, Map.of());
  }

  /** Three brokers and one controller, for replication and failure tests. */
  public static synchronized KafkaCluster three() {
    if (three == null) {
      three = start(3);
    }
    return three;
  }

  /**
   * One broker and three controllers on a dynamic quorum ({@code kraft.version} 1): controller
   * {@value #FIRST_CONTROLLER} was formatted standalone and is the only voter; the others follow
   * the quorum as observers until they are added, for the tests of add-controller and
   * remove-controller.
   */
  public static synchronized KafkaCluster reconfigurableQuorum() {
    if (reconfigurable == null) {
      reconfigurable = start(1, SecurityProtocol.PLAINTEXT, false, true);
    }
    return reconfigurable;
  }

  /** The test kit's first controller id; the next controllers count up from it. */
  public static final int FIRST_CONTROLLER = 3000;

  /**
   * A controller's own properties, as an operator passes them to {@code kafka-metadata-quorum.sh
   * --command-config FILE add-controller}: its node id, roles, metadata directory (formatted, with
   * its directory id) and controller listener with the port it listens on, written in {@code dir}.
   */
  public Path controllerConfigFile(int id, Path dir) {
    TestKitNode node = kit.nodes().controllerNodes().get(id);
    if (node == null) {
      throw new IllegalArgumentException("no controller " + id);
    }
    String listener = kit.nodes().controllerListenerName().value();
    int port =
        kit.controllers().get(id).socketServer().boundPort(kit.nodes().controllerListenerName());
    Path file = dir.resolve("controller-" + id + ".properties");
    try {
      // The kit's observers run with the directory id of their in-memory properties, which is not
      // the one it formatted on disk: the operator's copy of the directory holds the running one.
      Path metadata = Files.createDirectories(dir.resolve("controller-" + id + "-metadata"));
      Files.writeString(
          metadata.resolve("meta.properties"),
          String.join(
              "\n",
              "version=1",
              "node.id=" + id,
              "cluster.id=" + kit.nodes().clusterId(),
              "directory.id=" + node.metadataDirectoryId(),
              ""));
      Files.writeString(
          file,
          String.join(
              "\n",
              "node.id=" + id,
              "process.roles=controller",
              "metadata.log.dir=" + metadata,
              "listeners=" + listener + "://localhost:" + port,
              "controller.listener.names=" + listener,
              ""));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file;
  }

  /** The directory id of a controller's metadata directory, as remove-controller names it. */
  public String controllerDirectoryId(int id) {
    return kit.nodes().controllerNodes().get(id).metadataDirectoryId().toString();
  }

  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  /** {@code --bootstrap-server} of this cluster, then the arguments. */
  public String[] withBootstrap(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--bootstrap-server";
    all[1] = bootstrapServers();
    System.arraycopy(args, 0, all, 2, args.length);
    return all;
  }

  /** An admin client of the cluster, for tests to set up and check state (close it). */
  public Admin admin() {
    return Admin.create(clientConfig(kit, protocol, "PLAIN", SASL_ADMIN_PASSWORD));
  }

  /**
   * Makes a share group start at the earliest records (share groups start at the latest unless
   * their share.auto.offset.reset says otherwise), as a test that reads what is there needs.
   */
  public void shareGroupFromEarliest(String group) {
    try (Admin admin = admin()) {
      admin
          .incrementalAlterConfigs(
              Map.of(
                  new org.apache.kafka.common.config.ConfigResource(
                      org.apache.kafka.common.config.ConfigResource.Type.GROUP, group),
                  List.of(
                      new org.apache.kafka.clients.admin.AlterConfigOp(
                          new org.apache.kafka.clients.admin.ConfigEntry(
                              "share.auto.offset.reset", "earliest"),
                          org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET))))
          .all()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("could not configure share group " + group, e);
    }
  }

  /**
   * The client properties of the super user {@link #SASL_ADMIN} on this cluster (PLAIN on a SASL
   * listener), as a {@code --command-config} file holds them.
   */
  public Map<String, Object> adminClientConfig() {
    Map<String, Object> config = clientConfig(kit, protocol, "PLAIN", SASL_ADMIN_PASSWORD);
    config.remove("bootstrap.servers");
    return config;
  }

  /**
   * {@link #adminClientConfig()} written as a properties file in {@code dir}, for --command-config.
   */
  public java.nio.file.Path adminConfigFile(java.nio.file.Path dir) {
    java.util.Properties props = new java.util.Properties();
    adminClientConfig().forEach((k, v) -> props.setProperty(k, String.valueOf(v)));
    java.nio.file.Path file = dir.resolve("admin.properties");
    try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file)) {
      props.store(out, null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file;
  }

  /** A client's {@code sasl.jaas.config} for PLAIN or SCRAM-SHA-*: the login module and user. */
  public static String jaasConfig(String mechanism, String user, String password) {
    String module =
        mechanism.equals("PLAIN")
            ? "org.apache.kafka.common.security.plain.PlainLoginModule"
            : "org.apache.kafka.common.security.scram.ScramLoginModule";
    return module + " required username=\"" + user + "\" password=\"" + password + "\";";
  }

  /**
   * Client settings for a cluster's listener: on SASL listeners the super user {@link #SASL_ADMIN}
   * with the mechanism and password given, on TLS ones the truststore.
   */
  private static Map<String, Object> clientConfig(
      KafkaClusterTestKit kit, SecurityProtocol protocol, String mechanism, String password) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", kit.bootstrapServers());
    config.put("security.protocol", protocol.name);
    if (protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL) {
      config.put("sasl.mechanism", mechanism);
      config.put("sasl.jaas.config", jaasConfig(mechanism, SASL_ADMIN, password));
    }
    if (protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL) {
      config.putAll(trustStore(kit));
    }
    return config;
  }

  private static Map<String, String> trustStore(KafkaClusterTestKit kit) {
    Map<String, String> config = new TreeMap<>();
    kit.sslManager()
        .createClientSslConfig()
        .forEach(
            (k, v) -> {
              if (k.startsWith("ssl.truststore.")) {
                config.put(k, v instanceof Password p ? p.value() : String.valueOf(v));
              }
            });
    return config;
  }

  /**
   * A consumer group with no members that exists: offset 0 committed on a new one-partition topic
   * {@code NAME-topic}.
   */
  public String consumerGroupWithOffset(String name) {
    String topic = createTopic(name + "-topic", 1);
    try (Admin admin = admin()) {
      admin
          .alterConsumerGroupOffsets(
              name,
              java.util.Map.of(
                  new org.apache.kafka.common.TopicPartition(topic, 0),
                  new org.apache.kafka.clients.consumer.OffsetAndMetadata(0)))
          .all()
          .get();
      return name;
    } catch (Exception e) {
      throw new IllegalStateException("could not make the consumer group " + name, e);
    }
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
    return start(brokers, SecurityProtocol.PLAINTEXT);
  }

  private static KafkaCluster start(int brokers, SecurityProtocol protocol) {
    return start(brokers, protocol, false);
  }

  private static KafkaCluster start(int brokers, SecurityProtocol protocol, boolean acls) {
    return start(brokers, protocol, acls, false);
  }

  private static KafkaCluster start(
      int brokers, SecurityProtocol protocol, boolean acls, boolean dynamicQuorum) {
    try {
      Path base = Files.createTempDirectory("kafkit-it-cluster-");
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              // a SASL broker does not start combined with its controller in the test kit
              .setCombined(brokers == 1 && protocol == SecurityProtocol.PLAINTEXT && !dynamicQuorum)
              .setNumBrokerNodes(brokers)
              .setNumControllerNodes(dynamicQuorum ? 3 : 1)
              .setBaseDirectory(base)
              .setBrokerSecurityProtocol(protocol)
              // the kit takes SSL for both listeners or for neither
              .setControllerSecurityProtocol(
                  protocol == SecurityProtocol.SSL ? protocol : SecurityProtocol.PLAINTEXT)
              .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      short replication = (short) Math.min(brokers, 3);
      Map.of(
              "group.initial.rebalance.delay.ms",
              "0",
              "offsets.topic.replication.factor",
              Short.toString(replication),
              "offsets.topic.num.partitions",
              "5",
              "transaction.state.log.replication.factor",
              Short.toString(replication),
              "transaction.state.log.min.isr",
              "1",
              "share.coordinator.state.topic.replication.factor",
              Short.toString(replication),
              "share.coordinator.state.topic.min.isr",
              "1",
              "auto.create.topics.enable",
              "false",
              "log.cleaner.backoff.ms",
              "200",
              "group.streams.topology.description.plugin.class",
              StoredTopologies.class.getName())
          .forEach(builder::setConfigProp);
      boolean saslListener =
          protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL;
      if (saslListener) {
        // the kit enables PLAIN only; SCRAM's credentials are added once the cluster runs
        builder.setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512");
        // what the kit sets on brokers only; the controller must agree with the list above
        builder.setConfigProp("sasl.mechanism.inter.broker.protocol", "PLAIN");
        if (acls) {
          // the controller listener is PLAINTEXT: its peers are ANONYMOUS, and super users too
          builder.setConfigProp(
              "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
          builder.setConfigProp("super.users", "User:" + SASL_ADMIN + ";User:ANONYMOUS");
        }
        // delegation tokens (kafkit delegation-tokens) need a secret to sign them with
        builder.setConfigProp("delegation.token.secret.key", "kafkit-test-token-secret");
      }
      // standalone: the first controller is the quorum's one voter, with kraft.version 1
      KafkaClusterTestKit kit = builder.setStandalone(dynamicQuorum).setDeleteOnClose(true).build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      if (saslListener) {
        addScramAdmin(kit, protocol);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(kit), "kafkit-it-stop"));
      return new KafkaCluster(kit, base, protocol);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the test cluster", e);
    }
  }

  /** SCRAM credentials for {@link #SASL_ADMIN}, and a wait until the broker accepts them. */
  private static void addScramAdmin(KafkaClusterTestKit kit, SecurityProtocol protocol)
      throws Exception {
    try (Admin admin = Admin.create(clientConfig(kit, protocol, "PLAIN", SASL_ADMIN_PASSWORD))) {
      // one request per mechanism: a request may name a user only once
      for (ScramMechanism mechanism :
          List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        SASL_ADMIN,
                        new ScramCredentialInfo(mechanism, 4096),
                        SCRAM_ADMIN_PASSWORD)))
            .all()
            .get();
      }
    }
    Map<String, Object> scram = clientConfig(kit, protocol, "SCRAM-SHA-512", SCRAM_ADMIN_PASSWORD);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try (Admin admin = Admin.create(scram)) {
        admin.describeCluster().clusterId().get();
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
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
