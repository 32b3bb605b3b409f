package io.kafkit.groups;

import io.kafkit.common.cli.OldSpellings;
import io.kafkit.common.cli.OldSpellings.Wording;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit streams-application-reset}: kafka-streams-application-reset.sh's options and output
 * for Kafka Streams applications on the classic rebalance protocol, made safe: everything is
 * checked before anything changes.
 */
@Command(
    name = "streams-application-reset",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "This tool helps to quickly reset an application in order to reprocess its data from"
          + " scratch: it resets the offsets of its input topics (to the earliest by default) and"
          + " deletes its internal topics (topics starting with \"<application.id>-\").",
      "It deletes no output topics and no local state: call KafkaStreams#cleanUp() in the"
          + " application, or delete its state.dir. Run it once with --dry-run first."
    })
public final class StreamsResetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(
      names = "--application-id",
      required = true,
      paramLabel = "ID",
      description = "The Kafka Streams application ID (application.id).")
  String applicationId;

  @Option(
      names = "--input-topics",
      split = ",",
      paramLabel = "TOPIC",
      description =
          "Input topics (comma-separated, repeatable) whose offsets are reset: to the earliest"
              + " offset unless another reset option is given.")
  List<String> inputTopics = new ArrayList<>();

  @Option(
      names = "--intermediate-topics",
      split = ",",
      paramLabel = "TOPIC",
      description =
          "[deprecated] Topics that are input and output topics: their offsets go to the end.")
  List<String> intermediateTopics = new ArrayList<>();

  @Option(
      names = "--internal-topics",
      split = ",",
      paramLabel = "TOPIC",
      description =
          "The internal topics to delete: a subset of those a dry run without this option names"
              + " (default: all of them).")
  List<String> internalTopics = new ArrayList<>();

  @Option(names = "--to-offset", paramLabel = "OFFSET", description = "Reset to this offset.")
  Long toOffset;

  @Option(
      names = "--to-datetime",
      paramLabel = "DATETIME",
      description =
          "Reset to the first offset at or after YYYY-MM-DDThh:mm:ss.sss (UTC, or with a zone).")
  String toDatetime;

  @Option(
      names = "--by-duration",
      paramLabel = "DURATION",
      description = "Reset to the first offset at or after this long ago: PnDTnHnMnS.")
  String byDuration;

  @Option(names = "--to-earliest", description = "Reset to the earliest offset (the default).")
  boolean toEarliest;

  @Option(names = "--to-latest", description = "Reset to the latest offset.")
  boolean toLatest;

  @Option(
      names = "--from-file",
      paramLabel = "CSV",
      description = "Reset to the offsets of this file: topic,partition,offset lines.")
  Path fromFile;

  @Option(
      names = "--shift-by",
      paramLabel = "N",
      description = "Move the committed offset by N (negative: back).")
  Long shiftBy;

  @Option(
      names = "--force",
      description =
          "Remove the members of the application's consumer group first (stopped instances"
              + " whose session has not expired yet). Stop every instance before.")
  boolean force;

  @Option(names = "--dry-run", description = "Show what would be done; change nothing.")
  boolean dryRun;

  @Option(names = "--config-file", hidden = true)
  Path legacyConfigFile;

  /** The reset options in the order Apache checks them, with their names. */
  private Map<String, Boolean> targets() {
    Map<String, Boolean> given = new LinkedHashMap<>();
    given.put("to-offset", toOffset != null);
    given.put("to-datetime", toDatetime != null);
    given.put("by-duration", byDuration != null);
    given.put("to-earliest", toEarliest);
    given.put("to-latest", toLatest);
    given.put("from-file", fromFile != null);
    given.put("shift-by", shiftBy != null);
    return given;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> given =
        targets().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    if (given.size() > 1) {
      throw new ParameterException(
          spec.commandLine(),
          "Option \"[" + given.get(0) + "]\" can't be used with option \"[" + given.get(1) + "]\"");
    }
    OldSpellings spellings = new OldSpellings(spec.commandLine(), Wording.PRODUCER_PERF_TEST);
    if (spellings.check(
        "--config-file",
        legacyConfigFile != null,
        "--command-config",
        connection.hasConfigFile())) {
      connection.configFile(legacyConfigFile);
    }
    spellings.printWarnings(err);
    StreamsReset.Request request = StreamsReset.Request.of(this);
    int code;
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      code =
          new StreamsReset(admin, request, connection.resolve().clientProperties())
              .run(output, out, err);
    }
    out.flush();
    err.flush();
    return code;
  }
}
