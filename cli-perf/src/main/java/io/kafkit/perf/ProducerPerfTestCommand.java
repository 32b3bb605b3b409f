package io.kafkit.perf;

import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.OldSpellings;
import io.kafkit.common.cli.OldSpellings.Wording;
import io.kafkit.common.cli.ShutdownHook;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.kafka.SendErrors;
import io.kafkit.common.output.OutputFormat;
import io.kafkit.common.output.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit producer-perf-test}: Apache's ProducerPerformance, with exact percentiles. */
@Command(
    name = "producer-perf-test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Send records as fast as the producer can (or at --throughput) and report records/s, MB/s"
          + " and latencies: a line every --reporting-interval, or a live progress line at a"
          + " terminal, then Apache's final line with percentiles over every record.",
      "Transactions: --transactional-id or --transaction-duration-ms."
    })
public final class ProducerPerfTestCommand implements Callable<Integer>, ArgparseRules {
  static final String DEFAULT_CLIENT_ID = "perf-producer-client";
  static final String TRANSACTIONAL_ID_PREFIX = "performance-producer-";
  static final long DEFAULT_TRANSACTION_DURATION_MS = 3000;

  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--topic",
      required = true,
      paramLabel = "TOPIC",
      description = "Produce records to this topic.")
  String topic;

  @Option(
      names = "--num-records",
      required = true,
      paramLabel = "NUM-RECORDS",
      description = "Number of records to produce.")
  long numRecords;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Exactly one of:%n")
  Payload payload;

  static final class Payload {
    @Option(
        names = "--record-size",
        paramLabel = "RECORD-SIZE",
        description = "Record size in bytes (random upper-case letters).")
    Integer recordSize;

    @Option(
        names = "--payload-file",
        paramLabel = "PAYLOAD-FILE",
        description =
            "A UTF-8 file of payloads split at --payload-delimiter; one picked at random per record.")
    Path file;

    @Option(
        names = "--payload-monotonic",
        description = "The payload is the record's number: 0, 1, 2...")
    boolean monotonic;
  }

  @Option(
      names = "--payload-delimiter",
      paramLabel = "PAYLOAD-DELIMITER",
      defaultValue = "\\n",
      description =
          "What separates payloads in --payload-file, a regular expression (default: \\n).")
  String payloadDelimiter;

  @Option(
      names = "--throughput",
      required = true,
      paramLabel = "THROUGHPUT",
      description = "Hold the rate at this many records/s; -1 for as fast as possible.")
  double throughput;

  @Option(names = "--producer-props", arity = "1..*", hidden = true)
  List<String> legacyProducerProps = new ArrayList<>();

  @Option(names = "--producer.config", hidden = true)
  Path legacyProducerConfig;

  @Option(names = "--print-metrics", description = "Print the producer's metrics at the end.")
  boolean printMetrics;

  @Option(
      names = "--transactional-id",
      paramLabel = "TRANSACTIONAL-ID",
      description = "Send in transactions with this id.")
  String transactionalId;

  @Option(
      names = "--transaction-duration-ms",
      paramLabel = "TRANSACTION-DURATION",
      description = "Commit each transaction after this long (default with transactions: 3000).")
  Long transactionDurationMs;

  @Option(
      names = "--warmup-records",
      paramLabel = "WARMUP-RECORDS",
      description = "Leave the first N records out of a second, steady-state summary line.")
  long warmupRecords;

  @Option(
      names = "--reporting-interval",
      paramLabel = "INTERVAL-MS",
      defaultValue = "5000",
      description = "Print a line every this many milliseconds (default: 5000).")
  long reportingIntervalMs;

  @Option(
      names = "--record-key-range",
      paramLabel = "KEY-RANGE",
      description =
          "Keys are integers in [0, KEY-RANGE); required for --key-distribution range and random.")
  Integer recordKeyRange;

  @Option(
      names = "--key-distribution",
      paramLabel = "KEY-DISTRIBUTION",
      defaultValue = "none",
      description =
          "none (null keys, the default), range (round robin over [0, KEY-RANGE)) or random"
              + " (random keys in [0, KEY-RANGE)).")
  Keys.Distribution keyDistribution;

  @Option(
      names = "--random-seed",
      paramLabel = "RANDOM-SEED",
      defaultValue = "0",
      description =
          "Seed of the generator of random payloads and keys (default: 0, the same bytes every"
              + " run, as Apache's tool sends).")
  long randomSeed;

  public ProducerPerfTestCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    legacyProducerProps.forEach(connection::property);
    if (legacyProducerConfig != null) {
      connection.configFile(legacyProducerConfig);
    }
    SplittableRandom random = new SplittableRandom(randomSeed);
    Payloads payloads = payloads(err, random);
    Keys keys = Keys.of(keyDistribution, recordKeyRange, random);
    ConnectionSettings settings = connection.resolve();
    Map<String, Object> overrides = new HashMap<>();
    if (!settings.clientProperties().containsKey(ProducerConfig.CLIENT_ID_CONFIG)) {
      overrides.put(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
    }
    Object configuredId = settings.clientProperties().get(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    boolean transactional =
        transactionDurationMs != null || transactionalId != null || configuredId != null;
    if (transactional) {
      overrides.put(
          ProducerConfig.TRANSACTIONAL_ID_CONFIG,
          transactionalId != null
              ? transactionalId
              : configuredId != null
                  ? configuredId.toString()
                  : TRANSACTIONAL_ID_PREFIX + UUID.randomUUID());
    }
    ProducerPerfRun.Plan plan =
        new ProducerPerfRun.Plan(
            topic,
            numRecords,
            warmupRecords,
            throughput,
            transactional,
            transactionDurationMs == null ? DEFAULT_TRANSACTION_DURATION_MS : transactionDurationMs,
            reportingIntervalMs,
            printMetrics);
    boolean text = output.format() == OutputFormat.TEXT;
    boolean live = text && environment.stdoutTerminal();
    KafkaClients clients = new KafkaClients(settings);
    SendErrors errors = new SendErrors(settings, topic);
    TopicCheck.forProducing(clients, overrides, topic, errors);
    try (Producer<byte[], byte[]> producer = clients.producer(overrides)) {
      ProducerPerfRun run = new ProducerPerfRun(producer, plan, payloads, keys, errors, err);
      run.prepare();
      if (warmupRecords > 0 && text) {
        out.println(
            "Warmup first "
                + warmupRecords
                + " records. Steady state results will print after the complete test summary.");
        out.flush();
      }
      CountDownLatch reported = new CountDownLatch(1);
      ProgressLine[] line = new ProgressLine[1];
      ProducerResult result;
      try (ShutdownHook hook =
          ShutdownHook.register("kafkit-perf-stop", () -> stopAndWait(run, reported))) {
        try {
          result =
              run.run(
                  text && !live ? out : null,
                  stats ->
                      line[0] =
                          live
                              ? ProgressLine.start(
                                  out, "sent", numRecords, stats::count, stats::bytes)
                              : null);
        } finally {
          if (line[0] != null) {
            line[0].close();
          }
        }
        output.print(result, ProducerResult::text, out);
        if (result.failed() > 0) {
          err.println(
              result.failed()
                  + " of "
                  + numRecords
                  + " records failed; the figures count only those acknowledged.");
          err.flush();
        }
      } finally {
        reported.countDown();
      }
      if (run.stopping()) {
        return ExitCodes.INTERRUPTED;
      }
      return result.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }

  private static void stopAndWait(ProducerPerfRun run, CountDownLatch reported) {
    run.stop();
    try {
      reported.await(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Payloads payloads(PrintWriter info, SplittableRandom random) throws IOException {
    if (payload.recordSize != null) {
      return Payloads.random(payload.recordSize, random);
    }
    if (payload.file != null) {
      return Payloads.file(payload.file, payloadDelimiter, info, random);
    }
    return Payloads.monotonic();
  }

  private void validate() {
    OldSpellings spellings = new OldSpellings(spec.commandLine(), Wording.PRODUCER_PERF_TEST);
    spellings.check(
        "--producer-props",
        !legacyProducerProps.isEmpty(),
        "--command-property",
        connection.hasCommandProperties());
    spellings.check(
        "--producer.config",
        legacyProducerConfig != null,
        "--command-config",
        connection.hasConfigFile());
    // Apache's perf test takes only key=value here, unlike its console tools.
    List<String> properties = new ArrayList<>(legacyProducerProps);
    properties.addAll(connection.commandProperties());
    for (String property : properties) {
      if (property.indexOf('=') < 0) {
        throw usage("Invalid property: " + property + " (write it as key=value).");
      }
    }
    if (numRecords <= 0) {
      throw usage("--num-records should be greater than zero.");
    }
    if (warmupRecords >= numRecords) {
      throw usage(
          "The value for --warmup-records must be strictly fewer than the number of records in the test, --num-records.");
    }
    if (warmupRecords < 0) {
      throw usage("--warmup-records cannot be negative.");
    }
    if (payload.recordSize != null && payload.recordSize <= 0) {
      throw usage("--record-size should be greater than zero.");
    }
    if (transactionDurationMs != null && transactionDurationMs <= 0) {
      throw usage("--transaction-duration-ms should be greater than zero.");
    }
    if (reportingIntervalMs <= 0) {
      throw usage("--reporting-interval should be greater than zero.");
    }
    if (throughput == 0 || Double.isNaN(throughput)) {
      throw usage(
          "--throughput 0 would send nothing: give a rate in records/s, or -1 for no limit.");
    }
    if (recordKeyRange != null && recordKeyRange <= 0) {
      throw usage("--record-key-range should be greater than zero.");
    }
    if (keyDistribution != Keys.Distribution.none && recordKeyRange == null) {
      throw usage("--record-key-range is required when --key-distribution is 'range' or 'random'.");
    }
    if (keyDistribution == Keys.Distribution.none && recordKeyRange != null) {
      throw usage(
          "--key-distribution must be 'range' or 'random' when --record-key-range is specified.");
    }
    spellings.printWarnings(spec.commandLine().getErr());
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
