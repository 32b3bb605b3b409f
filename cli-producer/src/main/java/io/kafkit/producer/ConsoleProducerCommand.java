package io.kafkit.producer;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.OldSpellings;
import io.kafkit.common.cli.OldSpellings.Wording;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.convert.KeyValue;
import io.kafkit.common.convert.PropertiesFiles;
import io.kafkit.common.kafka.SendErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit console-producer}: kafka-console-producer.sh's options, a prompt, a pipe. */
@Command(
    name = "console-producer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Read lines from standard input (or --file) and send each to a topic as a record.",
      "At a terminal: a '>' prompt with line editing and history. From a pipe: full speed;",
      "every line read is acknowledged before exit, and any line not sent is named on stderr."
    })
public final class ConsoleProducerCommand implements Callable<Integer> {
  static final String APACHE_LINE_READER = "org.apache.kafka.tools.LineMessageReader";

  /** How long a pipe waits out a cluster that went away after accepting records: a restart. */
  static final Duration PIPE_PATIENCE = Duration.ofMinutes(2);

  /** How each line is read. */
  enum InputFormat {
    text,
    json
  }

  private final Environment environment;
  private final List<String> warnings = new ArrayList<>();

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin ProducerFlags flags;
  @Mixin Verbosity verbosity;
  @Mixin EncodeOptions schemas;

  @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic.")
  String topic;

  @Option(
      names = "--partition",
      paramLabel = "N",
      description = "Send every record to this partition (default: by key, as Kafka does).")
  Integer partition;

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description = "Read this file instead of standard input.")
  Path file;

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description =
          "text (Apache's lines, default) or json: one object per line with key,"
              + " value, headers, partition, timestamp.")
  InputFormat inputFormat = InputFormat.text;

  @Option(
      names = "--ignore-partitions",
      description =
          "With --input-format json: place records by key (or --partition), whatever partition the"
              + " lines name; for copying into a topic with another partition count.")
  boolean ignorePartitions;

  @Option(
      names = "--sync",
      description = "Wait for each record's acknowledgement before reading the next line.")
  boolean sync;

  @Option(
      names = "--reader-property",
      paramLabel = "KEY=VALUE",
      description = {
        "A line reader setting; repeatable. parse.key=false, key.separator=\\t,"
            + " parse.headers=false, headers.delimiter=\\t, headers.separator=,"
            + " headers.key.separator=:, ignore.error=false, null.marker= (a field equal to it"
            + " is sent as null).",
        "Lines: \"h1:v1,h2:v2<TAB>key<TAB>value\" with both, \"key<TAB>value\","
            + " \"h1:v1<TAB>value\"."
      })
  List<String> readerProperties = new ArrayList<>();

  @Option(
      names = "--reader-config",
      paramLabel = "FILE",
      description = "A properties file of line reader settings (--reader-property wins).")
  Path readerConfig;

  @Option(
      names = "--line-reader",
      paramLabel = "CLASS",
      description = "Only Apache's default, " + APACHE_LINE_READER + ", is supported.")
  String lineReader = APACHE_LINE_READER;

  @Option(names = "--property", hidden = true)
  List<String> legacyReaderProperties = new ArrayList<>();

  @Option(names = "--producer-property", hidden = true)
  List<String> legacyProducerProperties = new ArrayList<>();

  @Option(names = "--producer.config", hidden = true)
  Path legacyProducerConfig;

  @Option(names = "--broker-list", hidden = true)
  String legacyBrokerList;

  public ConsoleProducerCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    if (partition != null && partition < 0) {
      throw new ParameterException(
          spec.commandLine(), "--partition " + partition + " is not a partition: give 0 or more.");
    }
    applyLegacyOptions();
    if (ignorePartitions && inputFormat != InputFormat.json) {
      throw new ParameterException(
          spec.commandLine(), "--ignore-partitions goes with --input-format json.");
    }
    ReaderSettings reader = readerSettings();
    if (!lineReader.equals(APACHE_LINE_READER) && !lineReader.equals("LineMessageReader")) {
      throw new ParameterException(
          spec.commandLine(),
          "--line-reader "
              + lineReader
              + " cannot be loaded: kafkit reads lines itself."
              + " For structured input use --input-format json.");
    }
    if (flags.maxPartitionMemoryBytes != null) {
      warnings.add(
          "Warning: --max-partition-memory-bytes is deprecated and will be removed in Apache"
              + " Kafka 5.0. Use --batch-size instead.");
    }
    PrintWriter err = spec.commandLine().getErr();
    warnings.forEach(err::println);
    err.flush();

    boolean atPrompt = file == null && environment.terminal();
    ConnectionSettings settings = connection.resolve();
    EncodeOptions.Encoders encoders;
    try {
      encoders = schemas.encoders(topic, settings.clientProperties());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    RecordParser parser =
        inputFormat == InputFormat.json
            ? new JsonLineParser(topic, partition, ignorePartitions)
                .schemas(encoders.key(), encoders.value())
            : encoders.any()
                ? new SchemaLineParser(
                    new LineParser(topic, partition, reader), encoders.key(), encoders.value())
                : new LineParser(topic, partition, reader);
    SendErrors errors = new SendErrors(settings, topic);
    Map<String, Object> overrides = flags.overrides(settings.clientProperties(), atPrompt);
    KafkaClients clients = new KafkaClients(settings);
    TopicAtStart.Found found = TopicAtStart.look(clients, topic, settings.timeout());
    if (partition != null && found.partitions() > 0 && partition >= found.partitions()) {
      throw new KafkitException(
          "Partition "
              + partition
              + " does not exist: topic '"
              + topic
              + "' has "
              + found.partitions()
              + (found.partitions() == 1 ? " partition." : " partitions."));
    }
    found.maxMessageBytes().ifPresent(limit -> MessageSizeLimit.cap(clients, overrides, limit));
    if (atPrompt) {
      Producer<byte[], byte[]> producer = clients.producer(overrides);
      try {
        return prompt(producer, parser, errors, err, found.partitions());
      } finally {
        Thread.interrupted(); // a late Ctrl-C from the prompt must not cut the close short
        producer.close();
      }
    }
    FailureLog failures = new FailureLog(line -> println(err, line), false);
    try (Producer<byte[], byte[]> producer = clients.producer(overrides)) {
      Delivery delivery =
          new ClientDelivery(producer, sync, errors, failures, PIPE_PATIENCE)
              .partitions(found.partitions());
      try (InputStream in = file == null ? environment.stdin() : open(file)) {
        return pipe(in, parser, delivery, err, encoders.any());
      }
    }
  }

  private int pipe(
      InputStream in, RecordParser parser, Delivery delivery, PrintWriter err, boolean encodes)
      throws IOException {
    RunReport report = new RunReport(delivery, err, verbosity.level() > 0, true);
    return new PipeProducer(in, parser, delivery, report, encodes).run();
  }

  private int prompt(
      Producer<byte[], byte[]> producer,
      RecordParser parser,
      SendErrors errors,
      PrintWriter err,
      int partitions)
      throws IOException {
    try (Prompt prompt = new Prompt(environment.configDir().resolve("console-producer.history"))) {
      Delivery delivery =
          new ClientDelivery(
                  producer, sync, errors, new FailureLog(prompt::show, true), Duration.ZERO)
              .partitions(partitions);
      RunReport report = new RunReport(delivery, err, verbosity.level() > 0, false);
      return new PromptProducer(prompt, parser, delivery, report).run();
    }
  }

  private ReaderSettings readerSettings() {
    Map<String, String> properties = new LinkedHashMap<>();
    if (readerConfig != null) {
      properties.putAll(PropertiesFiles.readMap(readerConfig));
    }
    for (String keyValue : readerProperties) {
      try {
        Map.Entry<String, String> entry = KeyValue.parse(keyValue);
        properties.put(entry.getKey(), entry.getValue());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    try {
      return ReaderSettings.from(properties);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static InputStream open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw new io.kafkit.common.cli.KafkitException(
          "--file " + path + " is a directory: give a file of lines.", ExitCodes.USAGE, null);
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new io.kafkit.common.cli.KafkitException(
          "The file " + path + " does not exist.", ExitCodes.USAGE, e);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new io.kafkit.common.cli.KafkitException(
          "Cannot read the file " + path + ": permission denied.", ExitCodes.USAGE, e);
    }
  }

  private static void println(PrintWriter err, String line) {
    err.println(line);
    err.flush();
  }

  /** Apache's older spellings feed the same settings, with Apache's warning. */
  private void applyLegacyOptions() {
    OldSpellings spellings = new OldSpellings(spec.commandLine(), Wording.CONSOLE_PRODUCER);
    if (spellings.check(
        "--producer-property",
        !legacyProducerProperties.isEmpty(),
        "--command-property",
        connection.hasCommandProperties())) {
      legacyProducerProperties.forEach(connection::property);
    }
    if (spellings.check(
        "--producer.config",
        legacyProducerConfig != null,
        "--command-config",
        connection.hasConfigFile())) {
      connection.configFile(legacyProducerConfig);
    }
    if (spellings.check(
        "--property",
        !legacyReaderProperties.isEmpty(),
        "--reader-property",
        !readerProperties.isEmpty())) {
      readerProperties.addAll(0, legacyReaderProperties);
    }
    warnings.addAll(spellings.warnings());
    if (legacyBrokerList != null) {
      connection.legacyBootstrapServer(legacyBrokerList);
    }
  }
}
