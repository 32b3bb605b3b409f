package io.kafkit.consumer;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.output.OutputFormat;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit console-share-consumer}: kafka-console-share-consumer.sh, reading as a share group
 * (KIP-932) and acknowledging each record once it is printed.
 */
@Command(
    name = "console-share-consumer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Read records from a topic as a share group and print them, as"
          + " kafka-console-share-consumer.sh does, as a kcat-style --format string, or as JSON"
          + " lines.",
      "Each record is acknowledged (accepted, or --reject/--release) once it is printed."
    })
public final class ConsoleShareConsumerCommand implements Callable<Integer> {
  static final String DEFAULT_GROUP = "console-share-consumer";

  private final Environment environment;
  private final List<String> warnings = new ArrayList<>();

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin FormatOptions formatting;
  @Mixin DecodeOptions decode;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic to read.")
  String topic;

  @Option(
      names = "--group",
      paramLabel = "GROUP",
      description = "The share group (default: console-share-consumer).")
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
      names = "--reject",
      description = "Reject each record printed: no member of the group gets it again.")
  boolean reject;

  @Option(
      names = "--release",
      description =
          "Release each record printed: it is delivered again, to this or another member.")
  boolean release;

  @Option(
      names = "--reject-message-on-error",
      description = "Reject a record that cannot be formatted, instead of stopping.")
  boolean rejectOnError;

  @Option(names = "--consumer-property", hidden = true)
  List<String> legacyConsumerProperties = new ArrayList<>();

  @Option(names = "--consumer-config", hidden = true)
  Path legacyConsumerConfig;

  @Option(names = "--enable-systest-events", hidden = true)
  boolean systestEvents;

  public ConsoleShareConsumerCommand(Environment environment) {
    this.environment = environment;
  }

  /** What the command line asks for, checked. */
  record ShareRequest(
      String topic,
      String group,
      long maxMessages,
      long timeoutMs,
      AcknowledgeType acknowledge,
      boolean rejectOnError,
      RecordFormatter formatter,
      boolean systestEvents) {}

  @Override
  public Integer call() {
    applyLegacyOptions();
    if (topic == null) {
      throw usage("--topic is a required argument");
    }
    if (reject && release) {
      throw usage("At most one of --reject and --release may be specified.");
    }
    if (formatting.skipOnError) {
      throw usage(
          "--skip-message-on-error is console-consumer's: a share consumer rejects such a record"
              + " with --reject-message-on-error.");
    }
    if (maxMessages != null && maxMessages < 1 && maxMessages != -1) {
      throw usage(
          "--max-messages must be greater than 0 (or -1 for no limit), not " + maxMessages + ".");
    }
    RecordFormatter formatter;
    try {
      formatter = formatting.build(output.format() == OutputFormat.JSON);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    ShareRequest request =
        new ShareRequest(
            topic,
            group,
            maxMessages == null || maxMessages < 0 ? -1 : maxMessages,
            timeoutMs == null || timeoutMs < 0 ? Long.MAX_VALUE : timeoutMs,
            reject
                ? AcknowledgeType.REJECT
                : release ? AcknowledgeType.RELEASE : AcknowledgeType.ACCEPT,
            rejectOnError,
            formatter,
            systestEvents);
    PrintWriter err = spec.commandLine().getErr();
    warnings.forEach(err::println);
    err.flush();
    ConnectionSettings settings = connection.resolve();
    RecordDecoding decoding = decode.decoding(settings.clientProperties(), spec.commandLine());
    try {
      return new ShareConsumerRun(request, settings, environment, err, decoding).run();
    } finally {
      if (decoding != null) {
        decoding.close(); // on every path: an open registry client delays the exit
      }
    }
  }

  private void applyLegacyOptions() {
    warnings.addAll(
        ConsoleConsumerCommand.applyLegacyOptions(
            spec.commandLine(),
            connection,
            formatting,
            legacyConsumerProperties,
            "--consumer-config",
            legacyConsumerConfig));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
