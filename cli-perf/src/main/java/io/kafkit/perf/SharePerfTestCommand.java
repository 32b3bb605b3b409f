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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ShareConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit share-consumer-perf-test}: Apache's ShareConsumerPerformance. */
@Command(
    name = "share-consumer-perf-test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Consume records as a share group, with --threads share consumers, as fast as they can, and"
          + " report MB/s and records/s.",
      "Output: Apache's CSV-style header and result line (a line per consumer and"
          + " --reporting-interval with --show-detailed-stats); a live progress line at a terminal."
    })
public final class SharePerfTestCommand implements Callable<Integer> {
  static final String DEFAULT_CLIENT_ID = "perf-share-consumer-client";
  static final String HEADER =
      "start.time, end.time, data.consumed.in.MB, MB.sec, nMsg.sec, data.consumed.in.nMsg,"
          + " fetch.time.ms";

  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;
  @Mixin ConsumeReportOptions report;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic to consume from.")
  String topic;

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
      defaultValue = "perf-share-consumer",
      description = "The share group (default: perf-share-consumer).")
  String group;

  @Option(
      names = "--threads",
      paramLabel = "COUNT",
      defaultValue = "1",
      description = "How many share consumers share the load (default: 1).")
  int threads;

  @Option(
      names = "--fetch-size",
      paramLabel = "BYTES",
      defaultValue = "1048576",
      description = "fetch.max.bytes (default: 1048576).")
  int fetchSize;

  @Option(names = "--consumer.config", hidden = true)
  Path legacyConsumerConfig;

  @Option(
      names = "--show-consumer-stats",
      description = "Print each share consumer's totals before the group's.")
  boolean perConsumer;

  public SharePerfTestCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SharePerfRun.Plan plan = plan(err);
    if (legacyConsumerConfig != null) {
      connection.configFile(legacyConsumerConfig);
    }
    ConnectionSettings settings = connection.resolve();
    boolean text = output.format() == OutputFormat.TEXT;
    KafkaClients clients = new KafkaClients(settings);
    Map<String, Object> overrides = overrides(settings);
    TopicCheck.forConsuming(clients, new HashMap<>(), plan.topic(), null);
    if (text && !report.hideHeader) {
      out.println(HEADER);
      out.flush();
    }
    List<ShareConsumer<byte[], byte[]>> consumers = new ArrayList<>();
    try {
      String clientId =
          settings
              .clientProperties()
              .getProperty(ConsumerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
      for (int i = 0; i < threads; i++) {
        // Apache numbers its consumers' client ids from 1
        overrides.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + (i + 1));
        consumers.add(clients.shareConsumer(overrides));
      }
      SharePerfRun run = new SharePerfRun(consumers, plan, clientId);
      CountDownLatch reported = new CountDownLatch(1);
      try (ShutdownHook hook =
          ShutdownHook.register("kafkit-perf-stop", () -> stopAndWait(run, reported))) {
        SharePerfRun.Result result;
        boolean live = text && !report.detailed && environment.stdoutTerminal();
        try (ProgressLine line =
            live
                ? ProgressLine.start(
                    out, "consumed", plan.numRecords(), run::recordsSoFar, run::bytesSoFar)
                : null) {
          result = run.run(out);
        }
        Map<String, Object> metrics = null;
        if (report.printMetrics) {
          metrics = new LinkedHashMap<>();
          for (ShareConsumer<byte[], byte[]> c : consumers) {
            metrics.putAll(MetricsTable.of(c.metrics()));
          }
        }
        // what was read is acknowledged before the result, as Apache does
        consumers.forEach(ShareConsumer::commitSync);
        if (metrics != null) {
          result = withMetrics(result, metrics);
        }
        if (!result.complete() && !run.stopping()) {
          err.println(
              "WARNING: Exiting before consuming the expected number of records: timeout ("
                  + report.timeoutMs
                  + " ms) exceeded. You can use the --timeout option to increase the timeout.");
          err.flush();
        }
        output.print(result, SharePerfRun::text, out);
        out.flush();
      } finally {
        reported.countDown();
      }
      return run.stopping() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    } finally {
      consumers.forEach(c -> c.close(Duration.ofMillis(500)));
    }
  }

  private static SharePerfRun.Result withMetrics(
      SharePerfRun.Result r, Map<String, Object> metrics) {
    return new SharePerfRun.Result(
        r.startTime(),
        r.endTime(),
        r.mb(),
        r.mbPerSec(),
        r.recordsPerSec(),
        r.records(),
        r.fetchTimeMs(),
        r.consumers(),
        r.complete(),
        metrics,
        r.startMs(),
        r.endMs(),
        r.dateFormat());
  }

  private static void stopAndWait(SharePerfRun run, CountDownLatch reported) {
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
    overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(fetchSize));
    overrides.put(ConsumerConfig.CHECK_CRCS_CONFIG, "false");
    return overrides;
  }

  private SharePerfRun.Plan plan(PrintWriter err) {
    if (topic == null) {
      throw usage("Missing required argument(s): topic");
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
    if (threads < 1) {
      throw usage("--threads must be 1 or more, not " + threads + ".");
    }
    if (fetchSize < 1) {
      throw usage("--fetch-size must be greater than 0, not " + fetchSize + ".");
    }
    SimpleDateFormat format = report.check(this::usage);
    spellings.printWarnings(err);
    return new SharePerfRun.Plan(
        topic,
        count,
        report.timeoutMs,
        report.reportingIntervalMs,
        report.detailed,
        perConsumer,
        format);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
