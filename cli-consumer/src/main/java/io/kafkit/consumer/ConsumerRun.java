package io.kafkit.consumer;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.ShutdownHook;
import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.ByteSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * One run of the console consumer: Apache's group semantics, then the loop, then the ending that
 * every exit path shares (flush, commit what was printed, close, count on stderr).
 *
 * <p>Without a group (and with --topic), the consumer assigns itself every partition: Apache joins
 * a random group that commits nothing, which costs a rebalance and shows nothing more.
 */
final class ConsumerRun {
  private static final String AUTO_CREATE = ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG;
  private static final java.time.Duration AUTO_CREATE_WAIT = java.time.Duration.ofSeconds(2);

  private static final String GROUP_MISMATCH =
      "The group ids provided in different places (directly using '--group', via"
          + " '--consumer-property', or via '--consumer.config') do not match. Detected group"
          + " ids: '%s', '%s'";

  private final ConsumeRequest request;
  private final ConnectionSettings settings;
  private final Environment environment;
  private final PrintWriter err;
  private final PrintedOffsets printed = new PrintedOffsets();
  private final Bounds bounds;
  private final SearchTally tally = new SearchTally();
  private final Set<TopicPartition> timeSought = new HashSet<>();
  private final RecordDecoding decoding;
  private ByteSink out;
  private boolean commits;

  ConsumerRun(
      ConsumeRequest request,
      ConnectionSettings settings,
      Environment environment,
      PrintWriter err,
      RecordDecoding decoding) {
    this.request = request;
    this.decoding = decoding;
    this.settings = settings;
    this.environment = environment;
    this.err = err;
    this.bounds =
        Bounds.any(request.exitAtEnd(), request.lastOffsets(), request.toTime())
            ? new Bounds(
                request.exitAtEnd(),
                request.lastOffsets(),
                request.toTime(),
                java.time.Clock.systemUTC())
            : null;
  }

  private StartPosition startPosition;

  int run() {
    Properties given = settings.clientProperties();
    String groupId = groupId(given.getProperty(ConsumerConfig.GROUP_ID_CONFIG));
    String reset = given.getProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
    if (request.fromBeginning() && reset != null && !reset.equals("earliest")) {
      throw new KafkitException(
          "Can't simultaneously specify --from-beginning and 'auto.offset.reset="
              + reset
              + "', please remove one option",
          ExitCodes.USAGE,
          null);
    }
    boolean subscribe = groupId != null || request.include() != null;
    // With a group, the client's own auto.offset.reset decides where it starts.
    startPosition =
        request.start() != null
            ? request.start()
            : subscribe ? StartPosition.latest() : fromReset(reset);
    commits = groupId != null;
    Map<String, Object> overrides = overrides(given, subscribe, groupId);
    out = new ByteSink(environment.stdout(), 1 << 16, environment.stdoutTerminal());
    CountDownLatch done = new CountDownLatch(1);
    try (Consumer<byte[], byte[]> consumer = new KafkaClients(settings).consumer(overrides);
        ShutdownHook hook =
            ShutdownHook.register("console-consumer-shutdown", () -> stop(consumer, done))) {
      ConsumeLoop loop =
          new ConsumeLoop(
              consumer,
              request.formatter(),
              out,
              commits ? printed : null,
              bounds,
              request.skipOnError(),
              err,
              request.filter(),
              tally,
              request.count());
      if (decoding != null) {
        loop.decode(decoding);
      }
      SearchProgress progress = progress();
      if (progress != null) {
        loop.showProgress(progress);
      }
      ConsumeLoop.End end = null;
      try {
        start(consumer, subscribe, !"false".equals(given.getProperty(AUTO_CREATE)));
      } catch (RuntimeException e) {
        // nothing was consumed: the error alone, without "Processed a total of 0 messages"
        done.countDown();
        throw e;
      }
      try {
        end = loop.run(request.maxMessages(), request.timeoutMs());
      } finally {
        if (progress != null) {
          progress.close();
        }
        finish(consumer, loop.count(), end != ConsumeLoop.End.OUTPUT_CLOSED);
        if (!subscribe) {
          // No group to leave and nothing to commit: closing waits for nothing. A plain close
          // would wait for the fetch the client keeps parked at the broker (up to
          // fetch.max.wait.ms, half a second) only to end a fetch session the broker drops
          // anyway.
          consumer.close(Duration.ZERO);
        }
        done.countDown();
      }
      return end == ConsumeLoop.End.INTERRUPTED ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    } finally {
      request.formatter().close();
      if (decoding != null) {
        decoding.close();
      }
    }
  }

  /**
   * Where a run without --offset, --from-beginning or --from-time starts on partitions it assigns
   * itself: where the client's auto.offset.reset would start a group without committed offsets
   * (Apache's tool reads with a throwaway group there), else at the end.
   */
  private static StartPosition fromReset(String reset) {
    if (reset == null) {
      return StartPosition.latest();
    }
    String r = reset.trim().toLowerCase(java.util.Locale.ROOT);
    if (r.equals("earliest")) {
      return StartPosition.earliest();
    }
    if (r.equals("latest")) {
      return StartPosition.latest();
    }
    if (r.startsWith("by_duration:")) {
      try {
        Duration back = Duration.parse(reset.trim().substring("by_duration:".length()));
        return StartPosition.time("-" + back.toMillis() + "ms", java.time.Clock.systemUTC());
      } catch (java.time.format.DateTimeParseException e) {
        // the client names the problem below
      }
    }
    if (r.equals("none")) {
      throw new KafkitException(
          "auto.offset.reset=none: a run without --group has no committed offsets to start"
              + " from. Give --group, --offset, --from-beginning or --from-time.",
          ExitCodes.USAGE,
          null);
    }
    throw new KafkitException(
        "Invalid client configuration: auto.offset.reset='"
            + reset
            + "' is not earliest, latest, none or by_duration:<ISO-8601 duration>.",
        ExitCodes.USAGE,
        null);
  }

  private String groupId(String fromProperties) {
    String flag = request.group();
    if (flag != null && fromProperties != null && !flag.equals(fromProperties)) {
      throw new KafkitException(
          String.format(GROUP_MISMATCH, flag, fromProperties), ExitCodes.USAGE, null);
    }
    String groupId = flag != null ? flag : fromProperties;
    if (groupId != null && request.partition() != null) {
      throw new KafkitException(
          "Options group and partition cannot be specified together.", ExitCodes.USAGE, null);
    }
    return groupId;
  }

  private Map<String, Object> overrides(Properties given, boolean subscribe, String groupId) {
    Map<String, Object> o = new HashMap<>();
    putIfAbsent(o, given, ConsumerConfig.CLIENT_ID_CONFIG, "console-consumer");
    // --isolation-level wins over the client properties, which win over the default.
    if (request.isolationLevel() != null) {
      o.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, request.isolationLevel());
    } else {
      putIfAbsent(o, given, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    }
    // Fewer polls; fetches stay at the client's 1 MiB a partition, which fit in the young heap
    // the launcher gives (bench/: 8 MiB responses went to the old heap and cost more in memory
    // first touched than they saved in round trips).
    putIfAbsent(o, given, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
    putIfAbsent(o, given, ConsumerConfig.RECEIVE_BUFFER_CONFIG, "1048576");
    if (subscribe) {
      o.put(
          ConsumerConfig.GROUP_ID_CONFIG,
          groupId != null
              ? groupId
              : "console-consumer-" + ThreadLocalRandom.current().nextInt(100_000));
      putIfAbsent(
          o,
          given,
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
          request.fromBeginning() ? "earliest" : "latest");
      // kafkit commits what was printed, itself; without a group of the user's, nothing.
      putIfAbsent(o, given, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    }
    return o;
  }

  private static void putIfAbsent(Map<String, Object> o, Properties given, String key, String v) {
    if (!given.containsKey(key)) {
      o.put(key, v);
    }
  }

  private void start(Consumer<byte[], byte[]> consumer, boolean subscribe, boolean autoCreate) {
    if (request.include() != null) {
      consumer.listTopics(); // fails within the connect timeout if the cluster is unreachable
      consumer.subscribe(Pattern.compile(request.include()), new Listener(consumer));
      return;
    }
    List<PartitionInfo> infos = partitions(consumer, autoCreate);
    if (infos.isEmpty()) {
      throw new KafkitException(
          "Topic '"
              + request.topic()
              + "' does not exist. List the topics with 'kafkit topics --list', or create it"
              + " with 'kafkit topics --create --topic "
              + request.topic()
              + "'.");
    }
    checkLastOffsets(infos.size());
    if (subscribe) {
      consumer.subscribe(List.of(request.topic()), new Listener(consumer));
      return;
    }
    List<TopicPartition> partitions;
    if (request.partition() != null) {
      if (request.partition() < 0 || request.partition() >= infos.size()) {
        throw new KafkitException(
            "Partition "
                + request.partition()
                + " of topic '"
                + request.topic()
                + "' does not exist: it has "
                + infos.size()
                + (infos.size() == 1 ? " partition." : " partitions."));
      }
      partitions = List.of(new TopicPartition(request.topic(), request.partition()));
    } else {
      partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
    consumer.assign(partitions);
    startPosition.seek(consumer, partitions);
    if (bounds != null) {
      bounds.assigned(consumer, partitions);
    }
  }

  /**
   * The topic's partitions; none when it does not exist. A broker that creates topics on first use
   * creates it on the first ask but answers without its partitions, so the client asks again for a
   * moment (as Apache's consumer, which waits for the topic, would then read it).
   */
  private List<PartitionInfo> partitions(Consumer<byte[], byte[]> consumer, boolean autoCreate) {
    long deadline = System.nanoTime() + AUTO_CREATE_WAIT.toNanos();
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(request.topic());
      if ((infos != null && !infos.isEmpty()) || !autoCreate || System.nanoTime() > deadline) {
        return infos == null ? List.of() : infos;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }

  /** --to-offset P:N names a partition of the topic that this run reads. */
  private void checkLastOffsets(int partitions) {
    for (int p : request.lastOffsets().keySet()) {
      if (p == Bounds.ALL_PARTITIONS) {
        continue;
      }
      if (p >= partitions) {
        throw new KafkitException(
            "--to-offset "
                + p
                + ":"
                + request.lastOffsets().get(p)
                + ": topic '"
                + request.topic()
                + "' has no partition "
                + p
                + " (it has "
                + partitions
                + ").",
            ExitCodes.USAGE,
            null);
      }
      if (request.partition() != null && p != request.partition()) {
        throw new KafkitException(
            "--to-offset "
                + p
                + ":"
                + request.lastOffsets().get(p)
                + " names a partition this run does not read (--partition "
                + request.partition()
                + ").",
            ExitCodes.USAGE,
            null);
      }
    }
  }

  /**
   * The progress of a search (a filter or --count) on stderr, when stderr is a terminal that the
   * records do not go to.
   */
  private SearchProgress progress() {
    boolean search = request.filter().active() || request.count();
    if (!search
        || !environment.stderrTerminal()
        || (environment.stdoutTerminal() && !request.count())) {
      return null;
    }
    return new SearchProgress(err, System::nanoTime);
  }

  /** The ending every exit path shares: nothing printed is left uncommitted or unflushed. */
  private void finish(Consumer<byte[], byte[]> consumer, long count, boolean outputOpen) {
    try {
      if (outputOpen) {
        if (request.count()) {
          out.write(CountView.of(tally).render(request.verbosity() > 0, json()));
        }
        flushOutput();
        if (request.systestEvents()) {
          out.write("shutdown_complete\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }
      if (commits) {
        printed.commit(consumer, null);
      }
    } catch (IOException e) {
      // standard output went away: what was flushed before is committed above
    } catch (RuntimeException e) {
      err.println("Could not commit the group's offsets: " + e.getMessage());
    } finally {
      if (decoding != null && decoding.summary() != null) {
        err.println(decoding.summary());
      }
      err.println(
          "Processed a total of "
              + count
              + " messages"
              + (request.filter().active() ? " (matched among " + tally.read() + " read)" : ""));
      err.flush();
    }
  }

  private boolean json() {
    return request.formatter() instanceof JsonFormatter;
  }

  private void flushOutput() throws IOException {
    out.flush();
    printed.flushed();
  }

  /** Ctrl-C: wake the loop, and let it end the run (flush, commit, close) before the JVM goes. */
  private static void stop(Consumer<?, ?> consumer, CountDownLatch done) {
    consumer.wakeup();
    try {
      done.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Keeps commits, end offsets and --from-time right as partitions come and go. */
  private final class Listener implements ConsumerRebalanceListener {
    private final Consumer<byte[], byte[]> consumer;

    Listener(Consumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      try {
        flushOutput();
      } catch (IOException e) {
        // the loop notices a closed output itself
      }
      if (commits) {
        printed.commit(consumer, partitions);
      }
      printed.forget(partitions);
      if (bounds != null) {
        bounds.revoked(partitions);
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (startPosition.isTime()) {
        List<TopicPartition> fresh = partitions.stream().filter(timeSought::add).toList();
        startPosition.seek(consumer, fresh);
      }
      if (bounds != null) {
        bounds.assigned(consumer, partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      printed.forget(partitions);
      if (bounds != null) {
        bounds.revoked(partitions);
      }
    }
  }
}
