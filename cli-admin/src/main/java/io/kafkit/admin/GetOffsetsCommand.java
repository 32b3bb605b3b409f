package io.kafkit.admin;

import io.kafkit.common.cli.ErrorPrefix;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit get-offsets}: kafka-get-offsets.sh's options and lines. */
@Command(
    name = "get-offsets",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "An interactive shell for getting topic-partition offsets.")
public final class GetOffsetsCommand implements Callable<Integer>, ErrorPrefix {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description =
          "The topic to get the offsets for; a regular expression (',' for '|'). Default: all"
              + " topics. Not with --topic-partitions.")
  String topic;

  @Option(
      names = "--partitions",
      paramLabel = "ID,ID...",
      description =
          "Partition ids to get the offsets for. Default: all. Not with --topic-partitions.")
  String partitions;

  @Option(
      names = "--topic-partitions",
      paramLabel = "RULE,RULE...",
      description =
          "Topic-partition rules: TOPIC-REGEX[:N | :N-M (M excluded) | :N- | :-M], the regex"
              + " optional (any topic), e.g. orders:0-3,audit,:5.")
  String topicPartitions;

  @Option(
      names = "--time",
      paramLabel = "TIME",
      defaultValue = "latest",
      description =
          "latest (-1, the default), earliest (-2), max-timestamp (-3), earliest-local (-4),"
              + " latest-tiered (-5), earliest-pending-upload (-6), epoch milliseconds: the"
              + " earliest offset whose timestamp is at or after it; or an ISO-8601 instant"
              + " (2026-11-22T10:00:00Z), or a duration back from now (-15m).")
  String time;

  @Option(
      names = "--exclude-internal-topics",
      description = "Leave internal topics out (they are included by default).")
  boolean excludeInternalTopics;

  @Override
  public Integer call() throws Exception {
    if (topicPartitions != null && (topic != null || partitions != null)) {
      throw usage("--topic-partitions cannot be used with --topic or --partitions");
    }
    PartitionPatterns patterns;
    OffsetSpec at;
    try {
      patterns =
          topicPartitions != null
              ? PartitionPatterns.ofRules(topicPartitions)
              : PartitionPatterns.ofTopic(topic, partitions);
      at = OffsetTime.parse(time, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    List<GetOffsets.PartitionOffset> offsets;
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      offsets = GetOffsets.fetch(admin, patterns, at, excludeInternalTopics);
    }
    boolean failed = GetOffsets.notes(offsets, time, output.json(), spec.commandLine().getErr());
    output.print(offsets, GetOffsets::text, out);
    return failed ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  @Override
  public String errorPrefix() {
    return "Error occurred: ";
  }
}
