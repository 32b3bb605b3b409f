package io.kafkit.perf;

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
import io.kafkit.common.output.OutputFormat;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit consumer-perf-test}: Apache's ConsumerPerformance. */
@Command(
    name = "consumer-perf-test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Consume records in a consumer group as fast as the consumer can and report MB/s and"
          + " records/s, for the whole run and for fetching alone (without the group join).",
      "Output: Apache's CSV-style header and result line (or a line per --reporting-interval"
          + " with --show-detailed-stats); a live progress line at a terminal."
    })
public final class ConsumerPerfTestCommand implements Callable<Integer> {
  static final String DEFAULT_CLIENT_ID = "perf-consumer-client";

  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;
  @Mixin ConsumeReportOptions report;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic to consume from.")
  String topic;

  @Option(
      names = "--include",
      paramLabel = "REGEX",
      description = "Consume from every topic matching this Java regular expression.")
  String include;

  @Option(
      names = "--num-records",
      paramLabel = "COUNT",
      description = "The number of records to consume.")
  Long numRecords;

  @Option(names = "--messages", hidden = true)
  Long legacyMessages;

  @Option(
      names = "--group",
      paramLabel = "GROUP",
      description = "The consumer group (default: perf-consumer-<random number>).")
  String group = "perf-consumer-" + ThreadLocalRandom.current().nextInt(100_000);

  @Option(
      names = "--fetch-size",
      paramLabel = "BYTES",
      defaultValue = "1048576",
      description = "max.partition.fetch.bytes (default: 1048576).")
  int fetchSize;

  @Option(
      names = "--from-latest",
      description =
          "Where the group has no offset, start at the end of the log (default: the beginning).")
  boolean fromLatest;

  @Option(names = "--consumer.config", hidden = true)
  Path legacyConsumerConfig;

  public ConsumerPerfTestCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConsumerPerfRun.Plan plan = plan(err);
    if (legacyConsumerConfig != null) {
      connection.configFile(legacyConsumerConfig);
    }
    ConnectionSettings settings = connection.resolve();
    boolean text = output.format() == OutputFormat.TEXT;
    KafkaClients clients = new KafkaClients(settings);
    Map<String, Object> overrides = overrides(settings);
    TopicCheck.forConsuming(clients, overrides, plan.topic(), plan.include());
    try (Consumer<byte[], byte[]> consumer = clients.consumer(overrides)) {
      ConsumerPerfRun run = new ConsumerPerfRun(consumer, plan);
      if (text && !report.hideHeader) {
        out.println(
            (report.detailed ? ConsumerResult.DETAILED_HEADER : ConsumerResult.HEADER)
                + ConsumerResult.FETCH_HEADER);
        out.flush();
      }
      boolean live = text && !report.detailed && environment.stdoutTerminal();
      CountDownLatch reported = new CountDownLatch(1);
      ConsumerResult result;
      try (ShutdownHook hook =
          ShutdownHook.register("kafkit-perf-stop", () -> stopAndWait(run, reported))) {
        try (ProgressLine line =
            live
                ? ProgressLine.start(
                    out, "consumed", plan.numRecords(), run::recordsSoFar, run::bytesSoFar)
                : null) {
          result = run.run(out);
        }
        if (report.printMetrics) {
          result = result.withMetrics(MetricsTable.of(consumer.metrics()));
        }
        if (!result.complete() && !run.stopping()) {
          err.println(
              "WARNING: Exiting before consuming the expected number of records: timeout ("
                  + report.timeoutMs
                  + " ms) exceeded. You can use the --timeout option to increase the timeout.");
          err.flush();
        }
        output.print(result, ConsumerResult::text, out);
      } finally {
        reported.countDown();
      }
      return run.stopping() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
  }

  private static void stopAndWait(ConsumerPerfRun run, CountDownLatch reported) {
    run.stop();
    try {
      reported.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Apache's settings, which win over the client properties, as in Apache. */
  private Map<String, Object> overrides(ConnectionSettings settings) {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    overrides.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, Integer.toString(report.socketBufferSize));
    overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(fetchSize));
    overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromLatest ? "latest" : "earliest");
    overrides.put(ConsumerConfig.CHECK_CRCS_CONFIG, "false");
    if (!settings.clientProperties().containsKey(ConsumerConfig.CLIENT_ID_CONFIG)) {
      overrides.put(ConsumerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
    }
    return overrides;
  }

  private ConsumerPerfRun.Plan plan(PrintWriter err) {
    if ((topic == null) == (include == null)) {
      throw usage("Give exactly one of --topic and --include.");
    }
    OldSpellings spellings = new OldSpellings(spec.commandLine(), Wording.CONSUMER_PERF_TEST);
    spellings.check("--messages", legacyMessages != null, "--num-records", numRecords != null);
    if (numRecords == null && legacyMessages == null) {
      throw usage("Missing required option: '--num-records' (the number of records to consume).");
    }
    spellings.check(
        "--consumer.config",
        legacyConsumerConfig != null,
        "--command-config",
        connection.hasConfigFile());
    long count = numRecords != null ? numRecords : legacyMessages;
    if (count <= 0) {
      throw usage("--num-records should be greater than zero.");
    }
    if (fetchSize < 1) {
      throw usage("--fetch-size must be greater than 0, not " + fetchSize + ".");
    }
    Pattern pattern = null;
    if (include != null) {
      try {
        pattern = Pattern.compile(include);
      } catch (PatternSyntaxException e) {
        throw usage(
            "--include '" + include + "' is not a regular expression: " + e.getDescription() + ".");
      }
    }
    SimpleDateFormat format = report.check(this::usage);
    spellings.printWarnings(err);
    return new ConsumerPerfRun.Plan(
        topic,
        pattern,
        count,
        report.timeoutMs,
        report.reportingIntervalMs,
        report.detailed,
        format);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
