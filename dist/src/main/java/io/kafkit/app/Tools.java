package io.kafkit.app;

import io.kafkit.admin.AclsCommand;
import io.kafkit.admin.ClientMetricsCommand;
import io.kafkit.admin.ConfigsCommand;
import io.kafkit.admin.DelegationTokensCommand;
import io.kafkit.admin.DeleteRecordsCommand;
import io.kafkit.admin.GetOffsetsCommand;
import io.kafkit.admin.LeaderElectionCommand;
import io.kafkit.admin.LogDirsCommand;
import io.kafkit.admin.ReassignPartitionsCommand;
import io.kafkit.admin.TransactionsCommand;
import io.kafkit.broker.BrokerCommand;
import io.kafkit.cluster.BrokerApiVersionsCommand;
import io.kafkit.cluster.ClusterCommand;
import io.kafkit.cluster.FeaturesCommand;
import io.kafkit.cluster.MetadataQuorumCommand;
import io.kafkit.common.connect.ProfileCommand;
import io.kafkit.consumer.ConsoleConsumerCommand;
import io.kafkit.consumer.ConsoleShareConsumerCommand;
import io.kafkit.dumplog.DumpLogCommand;
import io.kafkit.groups.ConsumerGroupsCommand;
import io.kafkit.groups.GroupsCommand;
import io.kafkit.groups.ShareGroupsCommand;
import io.kafkit.groups.StreamsGroupsCommand;
import io.kafkit.groups.StreamsResetCommand;
import io.kafkit.perf.ConsumerPerfTestCommand;
import io.kafkit.perf.EndToEndLatencyCommand;
import io.kafkit.perf.ProducerPerfTestCommand;
import io.kafkit.perf.SharePerfTestCommand;
import io.kafkit.producer.ConsoleProducerCommand;
import io.kafkit.registry.RegistryCommand;
import io.kafkit.topics.TopicsCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of kafkit's tools. The root command, the drop-in scripts, completion, man pages, the
 * start-up's list of tools that make Kafka clients and the launcher's JVM flags all come from it
 * ({@link Generate} writes the scripts at build time); {@code ToolsTest} fails when anything
 * disagrees with it.
 */
final class Tools {
  /** How a tool's JVM is started: the launcher's flags for each kind of run. */
  enum JvmProfile {
    /**
     * Answers and exits: the optimising compiler and a big heap gain it nothing, and a small stack
     * leaves memory to the rest.
     */
    SHORT_COMMAND("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m", false),
    /**
     * Reads a pipe and sends it: C1 alone was faster in bench/ and leaves the second core to the
     * broker; its garbage dies young (the serial collector spent 70 ms less CPU) in a young heap of
     * 64 MB that is reused rather than grown; the heap is capped as kafka-console-producer.sh caps
     * Apache's.
     */
    PIPE_READER("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn64m -Xmx512m", false),
    /**
     * Streams records out for as long as they come: C1 alone leaves the second core to the broker
     * (bench/: 10 to 15 % faster over a million records); a small young heap (48 MB) is reused
     * rather than grown, so far less memory is touched for the first time.
     */
    STREAMING("-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn48m", false),
    /** Generates or drains load as fast as it can: the JVM's own compilers and heap. */
    LOAD_GENERATOR("-XX:+UseParallelGC", false),
    /**
     * Reads Kafka's files batch by batch: a bounded heap keeps the process under 512 MB whatever
     * the file's size; Kafka's decoders of its internal topics come from the broker's jars.
     */
    FILE_READER("-XX:+UseParallelGC -Xmx320m", true);

    final String jvmFlags;
    final boolean brokerDecoders;

    JvmProfile(String jvmFlags, boolean brokerDecoders) {
      this.jvmFlags = jvmFlags;
      this.brokerDecoders = brokerDecoders;
    }
  }

  /**
   * One tool: its subcommand, its command class, the Apache scripts it replaces (a drop-in script
   * of each name runs it), its JVM profile, and whether it makes Kafka clients.
   */
  record Tool(
      String name,
      Class<?> command,
      List<String> apacheScripts,
      JvmProfile profile,
      boolean makesClients) {}

  /** Every tool, in the order of the help. */
  static final List<Tool> ALL =
      List.of(
          new Tool(
              "topics",
              TopicsCommand.class,
              List.of("kafka-topics.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "console-producer",
              ConsoleProducerCommand.class,
              List.of("kafka-console-producer.sh"),
              JvmProfile.PIPE_READER,
              true),
          new Tool(
              "console-consumer",
              ConsoleConsumerCommand.class,
              List.of("kafka-console-consumer.sh"),
              JvmProfile.STREAMING,
              true),
          new Tool(
              "console-share-consumer",
              ConsoleShareConsumerCommand.class,
              List.of("kafka-console-share-consumer.sh"),
              JvmProfile.STREAMING,
              true),
          new Tool(
              "consumer-groups",
              ConsumerGroupsCommand.class,
              List.of("kafka-consumer-groups.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "share-groups",
              ShareGroupsCommand.class,
              List.of("kafka-share-groups.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "streams-groups",
              StreamsGroupsCommand.class,
              List.of("kafka-streams-groups.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "streams-application-reset",
              StreamsResetCommand.class,
              List.of("kafka-streams-application-reset.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "groups",
              GroupsCommand.class,
              List.of("kafka-groups.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "producer-perf-test",
              ProducerPerfTestCommand.class,
              List.of("kafka-producer-perf-test.sh"),
              JvmProfile.LOAD_GENERATOR,
              true),
          new Tool(
              "consumer-perf-test",
              ConsumerPerfTestCommand.class,
              List.of("kafka-consumer-perf-test.sh"),
              JvmProfile.LOAD_GENERATOR,
              true),
          new Tool(
              "share-consumer-perf-test",
              SharePerfTestCommand.class,
              List.of("kafka-share-consumer-perf-test.sh"),
              JvmProfile.LOAD_GENERATOR,
              true),
          new Tool(
              "dump-log",
              DumpLogCommand.class,
              List.of("kafka-dump-log.sh"),
              JvmProfile.FILE_READER,
              false),
          new Tool(
              "configs",
              ConfigsCommand.class,
              List.of("kafka-configs.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "get-offsets",
              GetOffsetsCommand.class,
              List.of("kafka-get-offsets.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "delete-records",
              DeleteRecordsCommand.class,
              List.of("kafka-delete-records.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "leader-election",
              LeaderElectionCommand.class,
              List.of("kafka-leader-election.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "reassign-partitions",
              ReassignPartitionsCommand.class,
              List.of("kafka-reassign-partitions.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "log-dirs",
              LogDirsCommand.class,
              List.of("kafka-log-dirs.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "e2e-latency",
              EndToEndLatencyCommand.class,
              List.of("kafka-e2e-latency.sh"),
              JvmProfile.LOAD_GENERATOR,
              true),
          new Tool(
              "acls", AclsCommand.class, List.of("kafka-acls.sh"), JvmProfile.SHORT_COMMAND, true),
          new Tool(
              "transactions",
              TransactionsCommand.class,
              List.of("kafka-transactions.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "delegation-tokens",
              DelegationTokensCommand.class,
              List.of("kafka-delegation-tokens.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "client-metrics",
              ClientMetricsCommand.class,
              List.of("kafka-client-metrics.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "cluster",
              ClusterCommand.class,
              List.of("kafka-cluster.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "broker-api-versions",
              BrokerApiVersionsCommand.class,
              List.of("kafka-broker-api-versions.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "features",
              FeaturesCommand.class,
              List.of("kafka-features.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool(
              "metadata-quorum",
              MetadataQuorumCommand.class,
              List.of("kafka-metadata-quorum.sh"),
              JvmProfile.SHORT_COMMAND,
              true),
          new Tool("registry", RegistryCommand.class, List.of(), JvmProfile.SHORT_COMMAND, false),
          new Tool("broker", BrokerCommand.class, List.of(), JvmProfile.SHORT_COMMAND, true),
          new Tool("profile", ProfileCommand.class, List.of(), JvmProfile.SHORT_COMMAND, false),
          new Tool(
              "completion", CompletionCommand.class, List.of(), JvmProfile.SHORT_COMMAND, false),
          new Tool("__complete", NameCompletion.class, List.of(), JvmProfile.SHORT_COMMAND, true));

  private static final Map<String, Tool> BY_NAME = new LinkedHashMap<>();

  static {
    ALL.forEach(tool -> BY_NAME.put(tool.name(), tool));
  }

  private Tools() {}

  static Optional<Tool> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Apache's script names and the subcommand each runs, in the order of the tools. */
  static Map<String, String> dropIns() {
    Map<String, String> scripts = new LinkedHashMap<>();
    ALL.forEach(tool -> tool.apacheScripts().forEach(script -> scripts.put(script, tool.name())));
    return scripts;
  }
}
