package io.kafkit.consumer;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.OldSpellings;
import io.kafkit.common.cli.OldSpellings.Wording;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.convert.PointInTime;
import io.kafkit.common.filter.FilterOptions;
import io.kafkit.common.filter.RecordFilter;
import io.kafkit.common.output.OutputFormat;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit console-consumer}: kafka-console-consumer.sh's options and output, and faster. */
@Command(
    name = "console-consumer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Read records from a topic and print them: as kafka-console-consumer.sh does, as a"
          + " kcat-style --format string, or as JSON lines.",
      "'Processed a total of N messages' on stderr."
    })
public final class ConsoleConsumerCommand implements Callable<Integer> {
  private final Environment environment;
  private final List<String> warnings = new ArrayList<>();

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin FormatOptions formatting;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;
  @Mixin FilterOptions filters;
  @Mixin DecodeOptions decode;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic to read.")
  String topic;

  @Option(
      names = {"--include", "--whitelist"},
      paramLabel = "REGEX",
      description = "Read every topic whose name matches this Java regular expression.")
  String include;

  @Option(
      names = "--partition",
      paramLabel = "N",
      description = "Read only this partition (from its end, unless --offset or --from-beginning).")
  Integer partition;

  @Option(
      names = "--offset",
      paramLabel = "OFFSET",
      description = "With --partition: earliest, latest (default) or an offset.")
  String offset;

  @Option(
      names = "--from-beginning",
      description = "Start at the earliest record where the group has no committed offset.")
  boolean fromBeginning;

  @Option(
      names = "--from-time",
      paramLabel = "TIME",
      description =
          "Start at the first record at or after this time: an ISO-8601 instant"
              + " (2026-11-22T10:00:00Z) or a duration back from now (-15m).")
  String fromTime;

  @Option(
      names = "--group",
      paramLabel = "GROUP",
      description =
          "Read as this consumer group: resume from its committed offsets, share the"
              + " partitions with its other members, and commit what was printed. Without it, nothing"
              + " is committed.")
  String group;

  @Option(
      names = "--max-messages",
      paramLabel = "N",
      description = "Stop after printing N records.")
  Integer maxMessages;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      description = "Stop when no record arrives for this long.")
  Long timeoutMs;

  @Option(
      names = "--exit-at-end",
      description =
          "Stop once every partition is read up to where it ended at the start (kcat -e).")
  boolean exitAtEnd;

  @Option(
      names = "--to-offset",
      paramLabel = "[PARTITION:]OFFSET",
      description =
          "Stop each partition after this offset (PARTITION:OFFSET for one partition; repeat for"
              + " more).")
  List<String> toOffsets = new ArrayList<>();

  @Option(
      names = "--to-time",
      paramLabel = "TIME",
      description =
          "Stop each partition after its last record at or before this time: an ISO-8601 instant"
              + " or a duration back from now (-15m).")
  String toTime;

  @Option(
      names = "--count",
      description =
          "Print only how many records matched (by partition with --verbose), once every"
              + " partition is read to its end or bound.")
  boolean count;

  @Option(names = "--first", description = "Stop at the first record that matches.")
  boolean first;

  @Option(
      names = "--isolation-level",
      paramLabel = "LEVEL",
      description = "read_uncommitted (default) or read_committed: skip aborted transactions.")
  String isolationLevel;

  @Option(names = "--consumer-property", hidden = true)
  List<String> legacyConsumerProperties = new ArrayList<>();

  @Option(names = "--consumer.config", hidden = true)
  Path legacyConsumerConfig;

  @Option(names = "--enable-systest-events", hidden = true)
  boolean systestEvents;

  public ConsoleConsumerCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    applyLegacyOptions();
    ConsumeRequest request = request();
    PrintWriter err = spec.commandLine().getErr();
    warnings.forEach(err::println);
    err.flush();
    ConnectionSettings settings = connection.resolve();
    RecordDecoding decoding = decode.decoding(settings.clientProperties(), spec.commandLine());
    try {
      return new ConsumerRun(request, settings, environment, err, decoding).run();
    } finally {
      if (decoding != null) {
        decoding.close(); // on every path: an open registry client delays the exit
      }
    }
  }

  private ConsumeRequest request() {
    if ((topic == null) == (include == null)) {
      throw usage("Exactly one of --include/--topic is required.");
    }
    if (partition != null && partition < 0) {
      throw usage("--partition " + partition + " is not a partition: give 0 or more.");
    }
    if (partition != null && topic == null) {
      throw usage("The topic is required when partition is specified.");
    }
    if (offset != null && partition == null) {
      throw usage("The partition is required when offset is specified.");
    }
    if (fromBeginning && offset != null) {
      throw usage("Options from-beginning and offset cannot be specified together.");
    }
    if (fromTime != null && (offset != null || fromBeginning)) {
      throw usage("--from-time cannot be used with --offset or --from-beginning.");
    }
    // Apache's -1 means no limit; any other count below 1 ends the run before it starts.
    if (maxMessages != null && maxMessages < 1 && maxMessages != -1) {
      throw usage(
          "--max-messages must be greater than 0 (or -1 for no limit), not " + maxMessages + ".");
    }
    if (first && maxMessages != null) {
      throw usage("--first stops at one record: give it or --max-messages, not both.");
    }
    RecordFilter filter;
    try {
      filter = filters.filter();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Map<Integer, Long> lastOffsets = lastOffsets();
    Long to = null;
    if (toTime != null) {
      to =
          PointInTime.parse(toTime, Clock.systemUTC())
              .orElseThrow(
                  () -> usage("--to-time takes " + PointInTime.FORMS + ", not '" + toTime + "'"));
    }
    if (include != null) {
      try {
        Pattern.compile(include);
      } catch (PatternSyntaxException e) {
        throw usage("--include is not a valid regular expression: " + e.getDescription());
      }
    }
    try {
      StartPosition start =
          fromTime != null
              ? StartPosition.time(fromTime, Clock.systemUTC())
              : offset != null
                  ? StartPosition.offset(offset)
                  : fromBeginning ? StartPosition.earliest() : null;
      RecordFormatter formatter = formatting.build(output.format() == OutputFormat.JSON);
      return new ConsumeRequest(
          topic,
          include,
          partition,
          start,
          fromBeginning,
          group,
          first ? 1 : maxMessages == null || maxMessages < 0 ? -1 : maxMessages,
          timeoutMs == null || timeoutMs < 0 ? Long.MAX_VALUE : timeoutMs,
          exitAtEnd || count,
          isolationLevel,
          formatter,
          formatting.skipOnError,
          systestEvents,
          verbosity.level(),
          filter,
          count,
          lastOffsets,
          to);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** --to-offset N (every partition) and P:N (partition P), repeated. */
  private Map<Integer, Long> lastOffsets() {
    Map<Integer, Long> last = new LinkedHashMap<>();
    for (String given : toOffsets) {
      int colon = given.indexOf(':');
      try {
        int p =
            colon < 0 ? Bounds.ALL_PARTITIONS : Integer.parseInt(given.substring(0, colon).trim());
        long offset = Long.parseLong(given.substring(colon + 1).trim());
        if (offset < 0 || (colon >= 0 && p < 0)) {
          throw new NumberFormatException();
        }
        if (last.put(p, offset) != null) {
          throw usage(
              "--to-offset "
                  + given
                  + ": "
                  + (colon < 0 ? "every partition" : "partition " + p)
                  + " already has a last offset.");
        }
      } catch (NumberFormatException e) {
        throw usage(
            "--to-offset takes OFFSET (every partition) or PARTITION:OFFSET, numbers of 0 or more,"
                + " not '"
                + given
                + "'.");
      }
    }
    return last;
  }

  private void applyLegacyOptions() {
    warnings.addAll(
        applyLegacyOptions(
            spec.commandLine(),
            connection,
            formatting,
            legacyConsumerProperties,
            "--consumer.config",
            legacyConsumerConfig));
  }

  /**
   * The console consumers' older spellings ({@code --consumer-property}, {@code --property}, and
   * {@code --consumer.config} or the share consumer's {@code --consumer-config}), applied as the
   * new ones; returns Apache's deprecation warnings.
   */
  static List<String> applyLegacyOptions(
      picocli.CommandLine cmd,
      ConnectionOptions connection,
      FormatOptions formatting,
      List<String> legacyProperties,
      String legacyConfigName,
      Path legacyConfig) {
    OldSpellings spellings = new OldSpellings(cmd, Wording.CONSOLE_CONSUMER);
    if (spellings.check(
        "--consumer-property",
        !legacyProperties.isEmpty(),
        "--command-property",
        connection.hasCommandProperties())) {
      legacyProperties.forEach(connection::property);
    }
    spellings.check(
        "--property",
        !formatting.legacyProperties.isEmpty(),
        "--formatter-property",
        !formatting.properties.isEmpty());
    if (spellings.check(
        legacyConfigName, legacyConfig != null, "--command-config", connection.hasConfigFile())) {
      connection.configFile(legacyConfig);
    }
    return spellings.warnings();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
