package io.kafkit.perf;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.ShutdownHook;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit e2e-latency}: kafka-e2e-latency.sh, the time from a send until the same record is
 * read back, one record at a time; Apache's lines, its named options and its older positional
 * arguments.
 */
@Command(
    name = "e2e-latency",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "This tool measures end-to-end latency in Kafka by sending messages and timing their"
          + " reception: each record is sent, acknowledged and read back before the next.",
      "Output: Apache's lines (one per 1,000 records, the average and percentiles); a live"
          + " progress line at a terminal. Positional arguments as Apache's: BOOTSTRAP TOPIC"
          + " NUM_RECORDS ACKS RECORD_SIZE [CONFIG_FILE]."
    })
public final class EndToEndLatencyCommand implements Callable<Integer> {
  private static final long POLL_TIMEOUT_MS = 60_000;

  /** Set by Ctrl-C: the run stops after the record in flight and reports what it measured. */
  private volatile boolean stopping;

  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic to use for the test.")
  String topic;

  @Option(
      names = "--num-records",
      paramLabel = "COUNT",
      description = "The number of records to send.")
  Integer numRecords;

  @Option(
      names = "--producer-acks",
      paramLabel = "1|all",
      description = "The producer's acks: 1 or all.")
  String acks;

  @Option(
      names = "--record-size",
      paramLabel = "BYTES",
      description = "The size of each record's value.")
  Integer recordSize;

  @Option(
      names = "--record-key-size",
      paramLabel = "BYTES",
      defaultValue = "0",
      description = "The size of each record's key (default: 0, an empty key).")
  int keySize;

  @Option(
      names = "--record-header-key-size",
      paramLabel = "BYTES",
      defaultValue = "0",
      description = "The size of each header's key (default: 0).")
  int headerKeySize;

  @Option(
      names = "--record-header-size",
      paramLabel = "BYTES",
      defaultValue = "0",
      description = "The size of each header's value; -1 for a null value (default: 0).")
  int headerSize;

  @Option(
      names = "--num-headers",
      paramLabel = "COUNT",
      defaultValue = "0",
      description = "The number of headers of each record (default: 0).")
  int numHeaders;

  @Parameters(arity = "0..6", paramLabel = "ARG", hidden = true)
  List<String> positional = new ArrayList<>();

  public EndToEndLatencyCommand(Environment environment) {
    this.environment = environment;
  }

  /** The run's figures: Apache's (whole milliseconds) and exact ones (from nanoseconds). */
  record Result(
      String topic,
      int records,
      double avgLatencyMs,
      int p50,
      int p99,
      int p999,
      double p50Ms,
      double p90Ms,
      double p99Ms,
      double p999Ms,
      double maxMs,
      boolean complete) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    positional(err);
    check();
    KafkaClients clients = new KafkaClients(connection.resolve());
    boolean text = !output.json();
    createIfMissing(clients, out);
    long[] nanos = new long[numRecords];
    int[] done = {0};
    CountDownLatch reported = new CountDownLatch(1);
    try (Consumer<byte[], byte[]> consumer =
            clients.consumer(Map.of("enable.auto.commit", false, "fetch.max.wait.ms", 0));
        Producer<byte[], byte[]> producer = clients.producer(Map.of("linger.ms", 0, "acks", acks));
        ShutdownHook hook =
            ShutdownHook.register(
                "kafkit-e2e-stop",
                () -> {
                  stopping = true;
                  await(reported);
                })) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      boolean live = text && environment.stdoutTerminal();
      try (ProgressLine line =
          live
              ? ProgressLine.start(
                  out, "read back", numRecords, () -> done[0], () -> (long) done[0] * recordSize)
              : null) {
        Random random = new Random(0);
        for (int i = 0; i < numRecords && !stopping; i++) {
          byte[] key = bytes(random, keySize);
          byte[] value = bytes(random, recordSize);
          List<Header> headers = headers(random);
          long begin = System.nanoTime();
          producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
          ConsumerRecord<byte[], byte[]> read = readBack(consumer);
          long elapsed = System.nanoTime() - begin;
          check(read, key, value, headers, i);
          if (text && !live && i % 1000 == 0) {
            out.println(i + "\t" + elapsed / 1000.0 / 1000.0);
            out.flush();
          }
          nanos[i] = elapsed;
          done[0] = i + 1;
        }
      }
      try {
        if (done[0] == 0) {
          throw new KafkitException(
              "Interrupted before the first record was read back.", ExitCodes.INTERRUPTED, null);
        }
        Result result = result(topic, Arrays.copyOf(nanos, done[0]), done[0] == numRecords);
        output.print(result, EndToEndLatencyCommand::text, out);
      } finally {
        reported.countDown();
      }
      return done[0] == numRecords ? ExitCodes.OK : ExitCodes.INTERRUPTED;
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Apache's older form: five or six positional arguments, and none of the named ones. */
  private void positional(PrintWriter err) {
    if (positional.isEmpty()) {
      return;
    }
    if (topic != null || numRecords != null || acks != null || recordSize != null) {
      throw usage(
          "Give either the positional arguments or the named options, not both: "
              + String.join(" ", positional));
    }
    if (positional.size() < 5) {
      throw usage(
          "Invalid number of arguments. Expected 5 or 6 positional arguments, but got "
              + positional.size()
              + ". Usage: bootstrap-server topic num-records producer-acks record-size [optional]"
              + " command-config");
    }
    connection.bootstrapServer(positional.get(0));
    topic = positional.get(1);
    numRecords = integer(positional.get(2), "num-records");
    acks = positional.get(3);
    recordSize = integer(positional.get(4), "record-size");
    if (positional.size() == 6 && !positional.get(5).isBlank()) {
      connection.configFile(java.nio.file.Path.of(positional.get(5)));
    }
    err.println(
        "WARNING: Positional argument usage is deprecated and will be removed in Apache Kafka 5.0."
            + " Please use named arguments instead: --bootstrap-server, --topic, --num-records,"
            + " --producer-acks, --record-size, --command-config");
    err.flush();
  }

  private int integer(String text, String name) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw usage("Cannot parse argument '" + text + "' of option " + name);
    }
  }

  /** Apache's checks, in its order and words. */
  private void check() {
    for (String[] required :
        new String[][] {
          {"topic", topic},
          {"num-records", numRecords == null ? null : ""},
          {"producer-acks", acks},
          {"record-size", recordSize == null ? null : ""}
        }) {
      if (required[1] == null) {
        throw usage("Missing required argument \"[" + required[0] + "]\"");
      }
    }
    if (!acks.equals("1") && !acks.equals("all")) {
      throw usage(
          "Invalid value for --producer-acks. Latency testing requires synchronous"
              + " acknowledgement. Please use '1' or 'all'.");
    }
    if (numRecords <= 0) {
      throw usage("Value for --num-records must be a positive integer.");
    }
    if (recordSize < 0) {
      throw usage("Value for --record-size must be a non-negative integer.");
    }
    if (keySize < 0) {
      throw usage("Value for --record-key-size must be a non-negative integer.");
    }
    if (headerKeySize < 0) {
      throw usage("Value for --record-header-key-size must be a non-negative integer.");
    }
    if (headerSize < -1) {
      throw usage(
          "Value for --record-header-size must be a non-negative integer or -1 for null header"
              + " value.");
    }
    if (numHeaders < 0) {
      throw usage("Value for --num-headers must be a non-negative integer.");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Apache creates a missing topic with one partition and one replica, and says so. */
  private void createIfMissing(KafkaClients clients, PrintWriter out) throws Exception {
    try (Admin admin = clients.admin()) {
      if (admin.listTopics().names().get().contains(topic)) {
        return;
      }
      out.printf(
          "Topic \"%s\" does not exist. Will create topic with 1 partition(s) and replication"
              + " factor = 1%n",
          topic);
      out.flush();
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  /** Apache's payloads: {@code length} times one random capital letter. */
  private static byte[] bytes(Random random, int length) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) (random.nextInt(26) + 65));
    return b;
  }

  private List<Header> headers(Random random) {
    List<Header> headers = new ArrayList<>();
    for (int i = 0; i < numHeaders; i++) {
      String key =
          new String(bytes(random, headerKeySize), java.nio.charset.StandardCharsets.UTF_8);
      headers.add(new RecordHeader(key, headerSize == -1 ? null : bytes(random, headerSize)));
    }
    return headers;
  }

  /** The one record sent, as soon as it arrives (within a minute, as Apache waits). */
  private static ConsumerRecord<byte[], byte[]> readBack(Consumer<byte[], byte[]> consumer) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_TIMEOUT_MS);
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      var records = consumer.poll(java.time.Duration.ofMillis(Math.max(left, 0)));
      if (!records.isEmpty()) {
        if (records.count() != 1) {
          throw new KafkitException(
              "Only one result was expected during this test. We found ["
                  + records.count()
                  + "]: is something else writing to the topic?");
        }
        return records.iterator().next();
      }
      if (left <= 0) {
        throw new KafkitException(
            "poll() timed out before finding a result (timeout:[" + POLL_TIMEOUT_MS + "ms])");
      }
    }
  }

  private static void check(
      ConsumerRecord<byte[], byte[]> read, byte[] key, byte[] value, List<Header> headers, int i) {
    if (!Arrays.equals(read.value(), value)) {
      throw new KafkitException(
          "Record "
              + i
              + ": the value read back is not the value sent ("
              + read.value().length
              + " bytes read, "
              + value.length
              + " sent): is something else writing to the topic?");
    }
    if (!Arrays.equals(read.key(), key)) {
      throw new KafkitException("Record " + i + ": the key read back is not the key sent.");
    }
    List<Header> got = Arrays.asList(read.headers().toArray());
    if (got.size() != headers.size()) {
      throw new KafkitException("Header count mismatch between sent and received messages");
    }
    for (int h = 0; h < got.size(); h++) {
      if (!got.get(h).key().equals(headers.get(h).key())
          || !Arrays.equals(got.get(h).value(), headers.get(h).value())) {
        throw new KafkitException(
            "Record " + i + ": header " + h + " read back is not the one sent.");
      }
    }
  }

  static Result result(String topic, long[] nanos, boolean complete) {
    double total = 0;
    long[] ms = new long[nanos.length];
    for (int i = 0; i < nanos.length; i++) {
      total += nanos[i];
      ms[i] = nanos[i] / 1000 / 1000;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    Arrays.sort(ms);
    int n = nanos.length;
    return new Result(
        topic,
        n,
        total / n / 1000.0 / 1000.0,
        (int) ms[(int) (n * 0.5)],
        (int) ms[(int) (n * 0.99)],
        (int) ms[(int) (n * 0.999)],
        sorted[(int) (n * 0.5)] / 1e6,
        sorted[(int) (n * 0.9)] / 1e6,
        sorted[(int) (n * 0.99)] / 1e6,
        sorted[(int) (n * 0.999)] / 1e6,
        sorted[n - 1] / 1e6,
        complete);
  }

  private static void text(Result r, PrintWriter out) {
    out.printf(Locale.ROOT, "Avg latency: %.4f ms%n", r.avgLatencyMs());
    out.printf("Percentiles: 50th = %d, 99th = %d, 99.9th = %d%n", r.p50(), r.p99(), r.p999());
  }
}
