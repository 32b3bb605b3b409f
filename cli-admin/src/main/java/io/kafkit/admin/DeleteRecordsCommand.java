package io.kafkit.admin;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.convert.PointInTime;
import io.kafkit.common.output.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit delete-records}: kafka-delete-records.sh's file and lines, and a direct form. */
@Command(
    name = "delete-records",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description =
        "This tool helps to delete records of the given partitions down to the specified offset.")
public final class DeleteRecordsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--offset-json-file",
      paramLabel = "FILE",
      description =
          "The partitions and the offset to delete before in each:"
              + " {\"partitions\": [{\"topic\": \"foo\", \"partition\": 1, \"offset\": 1}],"
              + " \"version\": 1}; an offset of -1 deletes up to the high watermark.")
  Path offsetJsonFile;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "Instead of a file: the topic whose records to delete, every partition.")
  String topic;

  @Option(
      names = "--partition",
      paramLabel = "N",
      description = "With --topic: only this partition.")
  Integer partition;

  @Option(
      names = "--before-offset",
      paramLabel = "OFFSET",
      description = "With --topic: delete the records before this offset (-1: all of them).")
  Long beforeOffset;

  @Option(
      names = "--before-time",
      paramLabel = "TIME",
      description =
          "With --topic: delete the records older than this time: epoch milliseconds, an"
              + " ISO-8601 instant (2026-11-22T10:00:00Z) or a duration back from now (-24h).")
  String beforeTime;

  @Option(
      names = "--dry-run",
      description = "Show what each partition would lose, and delete nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    OffsetSpec time = validate();
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      Map<TopicPartition, Long> offsets =
          offsetJsonFile != null
              ? OffsetJsonFile.parse(read(offsetJsonFile), offsetJsonFile.toString())
              : DeleteRecords.forTopic(admin, topic, partition, beforeOffset, time);
      if (dryRun) {
        output.print(DeleteRecords.plan(admin, offsets), DeleteRecords::planText, out);
        return ExitCodes.OK;
      }
      List<DeleteRecords.Deleted> deleted =
          DeleteRecords.run(admin, offsets, output.json() ? null : out);
      if (output.json()) {
        io.kafkit.common.output.Json.print(deleted, out);
      }
      out.flush();
      List<DeleteRecords.Deleted> failed = deleted.stream().filter(d -> d.error() != null).toList();
      if (failed.isEmpty()) {
        return ExitCodes.OK;
      }
      spec.commandLine().getErr().println(DeleteRecords.failureLine(failed, offsets));
      spec.commandLine().getErr().flush();
      return ExitCodes.FAILED;
    }
  }

  /** The usage rules; the time of --before-time, if given. */
  private OffsetSpec validate() {
    boolean direct =
        topic != null || partition != null || beforeOffset != null || beforeTime != null;
    if (offsetJsonFile != null && direct) {
      throw usage(
          "--offset-json-file cannot be used with --topic, --partition, --before-offset or"
              + " --before-time.");
    }
    if (offsetJsonFile == null && topic == null) {
      throw usage(
          "Missing required argument \"[offset-json-file]\" (or --topic with --before-offset or --before-time).");
    }
    if (offsetJsonFile != null) {
      return null;
    }
    if ((beforeOffset == null) == (beforeTime == null)) {
      throw usage("--topic needs one of --before-offset and --before-time.");
    }
    if (partition != null && partition < 0) {
      throw usage("--partition " + partition + " is not a partition: give 0 or more.");
    }
    if (beforeOffset != null && beforeOffset < -1) {
      throw usage(
          "--before-offset " + beforeOffset + " is not an offset: give 0 or more, or -1 for all.");
    }
    if (beforeTime == null) {
      return null;
    }
    // the spaces around are dropped, and a duration needs its unit: " 5" is 5, not 5 ms back
    String t = beforeTime.strip();
    OptionalLong at;
    try {
      at = OptionalLong.of(Long.parseLong(t));
    } catch (NumberFormatException e) {
      at = OffsetTime.instantOrDuration(t, Clock.systemUTC());
    }
    // ListOffsets reads a negative time as latest (-1: every record would go) or earliest
    if (at.isEmpty() || at.getAsLong() < 0) {
      throw usage(
          "--before-time takes epoch milliseconds (0 or more), "
              + PointInTime.FORMS
              + ", not '"
              + beforeTime
              + "'.");
    }
    return OffsetSpec.forTimestamp(at.getAsLong());
  }

  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new KafkitException("The offset JSON file " + file + " does not exist.");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
