package io.kafkit.topics;

import io.kafkit.common.cli.ErrorPrefix;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit topics}: kafka-topics.sh's options and output; each action is its own class. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "This tool helps to create, delete, describe, or change a topic.")
public final class TopicsCommand implements Callable<Integer>, ErrorPrefix {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Actions (exactly one):%n")
  Action action;

  static final class Action {
    @Option(names = "--create", description = "Create a new topic.")
    boolean create;

    @Option(names = "--list", description = "List all available topics.")
    boolean list;

    @Option(names = "--describe", description = "List details for the given topics.")
    boolean describe;

    @Option(
        names = "--alter",
        description = "Alter the number of partitions, the replica assignment, or the configs.")
    boolean alter;

    @Option(names = "--delete", description = "Delete a topic.")
    boolean delete;
  }

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description =
          "The topic to create, alter, describe or delete. Except with --create, a regular"
              + " expression; quote it and escape '.' (\"test\\.topic\").")
  String topic;

  @Option(
      names = "--topic-id",
      paramLabel = "TOPIC-ID",
      description = "The id of the topic to describe.")
  String topicId;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "The number of partitions to create, or to grow to with --alter.")
  Integer partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      description = "The replication factor of each partition (default: the broker's).")
  Integer replicationFactor;

  @Option(
      names = "--replica-assignment",
      paramLabel = "B1:B2,B1:B2,...",
      description = "Broker ids of each partition's replicas, partitions separated by ','.")
  String replicaAssignment;

  @Option(
      names = "--config",
      paramLabel = "NAME=VALUE",
      description =
          "A topic config override, with --create or --alter; repeatable. The names a 4.4"
              + " broker takes:%n"
              + TopicConfigs.LINES)
  List<String> configs = new ArrayList<>();

  @Option(
      names = "--delete-config",
      paramLabel = "NAME",
      description = "A topic config override to remove, with --alter; repeatable.")
  List<String> deleteConfigs = new ArrayList<>();

  @Option(names = "--if-exists", description = "Alter, delete or describe only if it exists.")
  boolean ifExists;

  @Option(names = "--if-not-exists", description = "Create only if it does not exist.")
  boolean ifNotExists;

  @Option(names = "--exclude-internal", description = "Leave internal topics out of list/describe.")
  boolean excludeInternal;

  @Mixin DescribeFilters filters;

  @Option(
      names = "--partition-size-limit-per-response",
      paramLabel = "N",
      description = "The most partitions per DescribeTopicPartitions response (default: 2000).")
  Integer partitionSizeLimit;

  @Option(names = "--zookeeper", hidden = true)
  void zookeeper(String ignored) {
    throw new ParameterException(
        spec.commandLine(),
        "--zookeeper is gone: Kafka 4 has no ZooKeeper. Use --bootstrap-server HOST:PORT.");
  }

  @Override
  public Integer call() throws Exception {
    TopicsRequest request = TopicsRequest.of(this);
    request.validate(spec.commandLine());
    if (action.alter) {
      output.refuseJson("--alter");
    }
    if (!deleteConfigs.isEmpty() && !action.alter) {
      // Apache 4 ignores it everywhere, with a warning; kafkit applies it with --alter.
      spec.commandLine()
          .getErr()
          .println("Warning: --delete-config is only used with --alter; ignored.");
      spec.commandLine().getErr().flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      if (action.create) {
        // Apache prints the name-collision warning on stdout; JSON keeps stdout for the result.
        PrintWriter warnings = output.json() ? spec.commandLine().getErr() : out;
        output.print(CreateTopic.run(admin, request, warnings), CreateTopic::text, out);
      } else if (action.list) {
        output.print(ListTopics.names(admin, request), ListTopics::text, out);
      } else if (action.describe) {
        output.print(DescribeTopics.fetch(admin, request), DescribeTopicsText::render, out);
      } else if (action.alter) {
        AlterTopics.run(admin, request, out);
      } else { // --delete: the argument group guarantees exactly one action
        output.print(
            DeleteTopics.run(admin, request),
            (deleted, ignored) -> DeleteTopics.text(deleted, request, spec.commandLine().getErr()),
            out);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  @Override
  public String errorPrefix() {
    return "Error while executing topic command : ";
  }
}
