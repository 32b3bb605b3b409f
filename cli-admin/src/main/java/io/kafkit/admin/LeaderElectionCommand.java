package io.kafkit.admin;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.Json;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit leader-election}: kafka-leader-election.sh's options and lines; a dry run. */
@Command(
    name = "leader-election",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description =
        "This tool attempts to elect a new leader for a set of topic partitions. The type of"
            + " elections supported are preferred replicas and unclean replicas.")
public final class LeaderElectionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--election-type",
      paramLabel = "PREFERRED|UNCLEAN",
      description =
          "preferred: elect the first replica where it is in the ISR and does not lead;"
              + " unclean: elect any live replica where a partition has no leader. Required.")
  String electionType;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "The topic of the partition to elect a leader for (with --partition).")
  String topic;

  @Option(names = "--partition", paramLabel = "N", description = "With --topic: the partition.")
  Integer partition;

  @Option(
      names = "--all-topic-partitions",
      description = "Every eligible partition of the cluster.")
  boolean allTopicPartitions;

  @Option(
      names = "--path-to-json-file",
      paramLabel = "FILE",
      description =
          "The partitions, as {\"partitions\": [{\"topic\": \"foo\", \"partition\": 1}]}.")
  Path pathToJsonFile;

  @Option(
      names = "--admin.config",
      paramLabel = "FILE",
      description = "(Deprecated) The older name of --command-config.")
  Path adminConfig;

  @Option(
      names = "--dry-run",
      description =
          "Elect nothing: list the partitions the election would change (for preferred, those"
              + " not led by their preferred replica).")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    ElectionType type = validate();
    PrintWriter out = spec.commandLine().getOut();
    if (adminConfig != null) {
      // on stdout as Apache prints it; on stderr where stdout is a JSON document
      (output.json() ? spec.commandLine().getErr() : out)
          .println(
              "Option --admin.config has been deprecated and will be removed in a future version. Use"
                  + " --command-config instead.");
      connection.configFile(adminConfig);
    }
    Set<TopicPartition> partitions =
        pathToJsonFile != null
            ? LeaderElection.parseFile(JsonFiles.read(pathToJsonFile), pathToJsonFile.toString())
            : topic != null ? Set.of(new TopicPartition(topic, partition)) : null;
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      if (dryRun) {
        var candidates = LeaderElection.candidates(admin, type, partitions);
        output.print(candidates, (c, w) -> LeaderElection.printCandidates(type, c, w), out);
        return ExitCodes.OK;
      }
      LeaderElection.Result result =
          LeaderElection.elect(admin, type, partitions, output.json() ? null : out);
      if (output.json()) {
        Json.print(result, out);
      }
      if (!result.failed().isEmpty()) {
        throw new KafkitException(result.failed().size() + " replica(s) could not be elected");
      }
      return ExitCodes.OK;
    }
  }

  /** Apache's rules, in its order and words; the election type. */
  private ElectionType validate() {
    if (electionType == null) {
      throw usage("Missing required option(s): election-type");
    }
    ElectionType type;
    try {
      type = ElectionType.valueOf(electionType.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw usage("--election-type takes preferred or unclean, not '" + electionType + "'.");
    }
    if (adminConfig != null && connection.hasConfigFile()) {
      throw usage("Option \"[admin.config]\" can't be used with option \"[command-config]\"");
    }
    int chosen =
        (topic != null ? 1 : 0) + (allTopicPartitions ? 1 : 0) + (pathToJsonFile != null ? 1 : 0);
    if (chosen != 1) {
      throw usage(
          "One and only one of the following options is required: topic, all-topic-partitions,"
              + " path-to-json-file");
    }
    if (topic != null && partition == null) {
      throw usage("Missing required option(s): partition");
    }
    if (topic == null && partition != null) {
      throw usage("Option partition is only allowed if topic is used");
    }
    if (partition != null && partition < 0) {
      throw usage("--partition " + partition + " is not a partition: give 0 or more.");
    }
    return type;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
