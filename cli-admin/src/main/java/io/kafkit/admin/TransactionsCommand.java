package io.kafkit.admin;

import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.output.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersOptions;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit transactions}: kafka-transactions.sh, the transactional state of producers: list,
 * describe, describe-producers, abort, find-hanging (and, beyond Apache, abort what it found),
 * forceTerminateTransaction.
 */
@Command(
    name = "transactions",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "This tool is used to analyze the transactional state of producers in the cluster. It can"
            + " be used to detect and recover from hanging transactions. The connection options"
            + " come before the subcommand, as in Apache's tool.",
    subcommands = {
      TransactionsCommand.ListTransactions.class,
      TransactionsCommand.Describe.class,
      TransactionsCommand.DescribeProducers.class,
      TransactionsCommand.Abort.class,
      TransactionsCommand.FindHanging.class,
      TransactionsCommand.ForceTerminate.class
    })
public final class TransactionsCommand implements Callable<Integer>, ArgparseRules {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Name a subcommand: list, describe, describe-producers, abort, find-hanging or"
            + " forceTerminateTransaction.");
  }

  Admin admin() {
    return new KafkaClients(connection.resolve()).admin();
  }

  /** Apache's failure line, without its advice to enable debug logging. */
  static KafkitException failed(String context, ExecutionException e) {
    return new KafkitException(context + ": " + KafkaErrors.unwrap(e).getMessage(), e);
  }

  /** Apache's ToolsUtils.prettyPrintTable: each cell padded and followed by a tab. */
  static Table table(String... headers) {
    return new Table(headers).separator("\t").padLast("\t");
  }

  /** {@code list [--duration-filter MS] [--transactional-id-pattern REGEX]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "List transactions.")
  static final class ListTransactions implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand TransactionsCommand parent;
    @Mixin OutputOptions output;

    @Option(
        names = "--duration-filter",
        paramLabel = "MS",
        description = "Only transactions running longer than this (ms; < 0: all).")
    Long durationFilter;

    @Option(
        names = "--transactional-id-pattern",
        paramLabel = "REGEX",
        description = "Only transactional ids this regular expression matches (whole id).")
    String pattern;

    record Row(String transactionalId, int coordinator, long producerId, String state) {}

    record View(List<Row> transactions) {}

    @Override
    public Integer call() throws Exception {
      ListTransactionsOptions options = new ListTransactionsOptions();
      if (durationFilter != null) {
        options.filterOnDuration(durationFilter);
      }
      if (pattern != null) {
        options.filterOnTransactionalIdPattern(pattern);
      }
      Map<Integer, Collection<TransactionListing>> byBroker;
      try (Admin admin = parent.admin()) {
        byBroker = admin.listTransactions(options).allByBrokerId().get();
      } catch (ExecutionException e) {
        throw failed("Failed to list transactions", e);
      }
      List<Row> rows = new ArrayList<>();
      byBroker.forEach(
          (broker, listings) ->
              listings.forEach(
                  l ->
                      rows.add(
                          new Row(
                              l.transactionalId(), broker, l.producerId(), l.state().toString()))));
      output.print(
          new View(rows),
          (v, w) -> {
            Table t = table("TransactionalId", "Coordinator", "ProducerId", "TransactionState");
            v.transactions()
                .forEach(
                    r -> t.row(r.transactionalId(), r.coordinator(), r.producerId(), r.state()));
            t.print(w);
          },
          spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  /** {@code describe --transactional-id ID}. */
  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Describe the state of an active transactional-id.")
  static final class Describe implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand TransactionsCommand parent;
    @Mixin OutputOptions output;

    @Option(
        names = "--transactional-id",
        required = true,
        paramLabel = "ID",
        description = "The transactional id.")
    String id;

    record View(
        int coordinatorId,
        String transactionalId,
        long producerId,
        int producerEpoch,
        String state,
        long transactionTimeoutMs,
        Long currentTransactionStartTimeMs,
        Long transactionDurationMs,
        List<String> topicPartitions) {}

    @Override
    public Integer call() throws Exception {
      TransactionDescription d;
      try (Admin admin = parent.admin()) {
        d = admin.describeTransactions(List.of(id)).description(id).get();
      } catch (ExecutionException e) {
        throw failed("Failed to describe transaction state of transactional-id `" + id + "`", e);
      }
      Long start =
          d.transactionStartTimeMs().isPresent() ? d.transactionStartTimeMs().getAsLong() : null;
      View view =
          new View(
              d.coordinatorId(),
              id,
              d.producerId(),
              d.producerEpoch(),
              d.state().toString(),
              d.transactionTimeoutMs(),
              start,
              start == null ? null : System.currentTimeMillis() - start,
              d.topicPartitions().stream().map(TopicPartition::toString).toList());
      output.print(
          view,
          (v, w) ->
              table(
                      "CoordinatorId",
                      "TransactionalId",
                      "ProducerId",
                      "ProducerEpoch",
                      "TransactionState",
                      "TransactionTimeoutMs",
                      "CurrentTransactionStartTimeMs",
                      "TransactionDurationMs",
                      "TopicPartitions")
                  .row(
                      v.coordinatorId(),
                      v.transactionalId(),
                      v.producerId(),
                      v.producerEpoch(),
                      v.state(),
                      v.transactionTimeoutMs(),
                      v.currentTransactionStartTimeMs() == null
                          ? "None"
                          : v.currentTransactionStartTimeMs(),
                      v.transactionDurationMs() == null ? "None" : v.transactionDurationMs(),
                      String.join(",", v.topicPartitions()))
                  .print(w),
          spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  /** A producer's state on a partition, as describe-producers and find-hanging show it. */
  record Producer(
      String topic,
      int partition,
      long producerId,
      int producerEpoch,
      int coordinatorEpoch,
      long lastSequence,
      long lastTimestamp,
      Long currentTransactionStartOffset) {
    static Producer of(TopicPartition tp, ProducerState ps) {
      return new Producer(
          tp.topic(),
          tp.partition(),
          ps.producerId(),
          ps.producerEpoch(),
          ps.coordinatorEpoch().orElse(-1),
          ps.lastSequence(),
          ps.lastTimestamp(),
          ps.currentTransactionStartOffset().isPresent()
              ? ps.currentTransactionStartOffset().getAsLong()
              : null);
    }
  }

  /** {@code describe-producers --topic T --partition P [--broker-id B]}. */
  @Command(
      name = "describe-producers",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Describe the states of active producers for a topic partition.")
  static final class DescribeProducers implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand TransactionsCommand parent;
    @Mixin OutputOptions output;

    @Option(
        names = "--broker-id",
        paramLabel = "ID",
        description = "Ask this replica (default: the leader).")
    Integer brokerId;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Option(
        names = "--partition",
        required = true,
        paramLabel = "PARTITION",
        description = "The partition.")
    int partition;

    record View(List<Producer> producers) {}

    @Override
    public Integer call() throws Exception {
      TopicPartition tp = new TopicPartition(topic, partition);
      DescribeProducersOptions options = new DescribeProducersOptions();
      if (brokerId != null) {
        options.brokerId(brokerId);
      }
      PartitionProducerState state;
      try (Admin admin = parent.admin()) {
        state = admin.describeProducers(List.of(tp), options).partitionResult(tp).get();
      } catch (ExecutionException e) {
        throw failed(
            "Failed to describe producers for partition "
                + tp
                + " on "
                + (brokerId != null ? "broker " + brokerId : "leader"),
            e);
      }
      List<Producer> producers =
          state.activeProducers().stream().map(ps -> Producer.of(tp, ps)).toList();
      output.print(
          new View(producers),
          (v, w) -> {
            Table t =
                table(
                    "ProducerId",
                    "ProducerEpoch",
                    "LatestCoordinatorEpoch",
                    "LastSequence",
                    "LastTimestamp",
                    "CurrentTransactionStartOffset");
            v.producers()
                .forEach(
                    p ->
                        t.row(
                            p.producerId(),
                            p.producerEpoch(),
                            p.coordinatorEpoch(),
                            p.lastSequence(),
                            p.lastTimestamp(),
                            p.currentTransactionStartOffset() == null
                                ? "None"
                                : p.currentTransactionStartOffset()));
            t.print(w);
          },
          spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  /** {@code abort --topic T --partition P (--start-offset O | --producer-id ...)}. */
  @Command(
      name = "abort",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Abort a hanging transaction (requires administrative privileges): by its start offset"
              + " (brokers 3.0 and newer), or by producer id, epoch and coordinator epoch.")
  static final class Abort implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand TransactionsCommand parent;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Option(
        names = "--partition",
        required = true,
        paramLabel = "PARTITION",
        description = "The partition.")
    int partition;

    @Option(
        names = "--start-offset",
        paramLabel = "OFFSET",
        description = "The start offset of the transaction to abort.")
    Long startOffset;

    @Option(
        names = "--producer-id",
        paramLabel = "ID",
        description = "Older brokers: the producer id.")
    Long producerId;

    @Option(
        names = "--producer-epoch",
        paramLabel = "EPOCH",
        description = "Older brokers: the producer epoch.")
    Short producerEpoch;

    @Option(
        names = "--coordinator-epoch",
        paramLabel = "EPOCH",
        description = "Older brokers: the coordinator epoch.")
    Integer coordinatorEpoch;

    @Override
    public Integer call() throws Exception {
      TopicPartition tp = new TopicPartition(topic, partition);
      if (startOffset == null && producerId == null) {
        throw usage(
            "The transaction to abort must be identified either with --start-offset (for brokers"
                + " on 3.0 or above) or with --producer-id, --producer-epoch, and"
                + " --coordinator-epoch (for older brokers)");
      }
      if (startOffset == null && producerEpoch == null) {
        throw usage("Missing required argument --producer-epoch");
      }
      if (startOffset == null && coordinatorEpoch == null) {
        throw usage("Missing required argument --coordinator-epoch");
      }
      try (Admin admin = parent.admin()) {
        AbortTransactionSpec abort;
        if (startOffset != null) {
          PartitionProducerState state;
          try {
            state = admin.describeProducers(List.of(tp)).partitionResult(tp).get();
          } catch (ExecutionException e) {
            throw failed("Failed to validate producer state for partition " + tp, e);
          }
          ProducerState open =
              state.activeProducers().stream()
                  .filter(
                      ps ->
                          ps.currentTransactionStartOffset().isPresent()
                              && ps.currentTransactionStartOffset().getAsLong() == startOffset)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new KafkitException(
                              "Could not find any open transactions starting at offset "
                                  + startOffset
                                  + " on partition "
                                  + tp));
          abort =
              new AbortTransactionSpec(
                  tp,
                  open.producerId(),
                  (short) open.producerEpoch(),
                  open.coordinatorEpoch().orElse(0));
        } else {
          abort =
              new AbortTransactionSpec(
                  tp, producerId, producerEpoch, Math.max(coordinatorEpoch, 0));
        }
        abort(admin, abort);
      }
      return ExitCodes.OK;
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }

  static void abort(Admin admin, AbortTransactionSpec abort) throws Exception {
    try {
      admin.abortTransaction(abort).all().get();
    } catch (ExecutionException e) {
      throw failed("Failed to abort transaction " + abort, e);
    }
  }

  /** {@code find-hanging}: open transactions the coordinator no longer knows on that partition. */
  @Command(
      name = "find-hanging",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Find hanging transactions: open on a partition longer than the maximum transaction"
              + " timeout, and unknown to their coordinator there. --abort-hanging aborts them.")
  static final class FindHanging implements Callable<Integer>, ArgparseRules {
    private static final int MAX_BATCH_SIZE = 500;

    private final Environment environment;

    @Spec CommandSpec spec;
    @ParentCommand TransactionsCommand parent;
    @Mixin OutputOptions output;

    @Option(
        names = "--broker-id",
        paramLabel = "ID",
        description = "Search this broker's replicas.")
    Integer brokerId;

    @Option(
        names = "--max-transaction-timeout",
        paramLabel = "MINUTES",
        defaultValue = "15",
        description = "The longest transaction timeout in use, in minutes (default: 15).")
    int maxTransactionTimeout;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Search this topic.")
    String topic;

    @Option(
        names = "--partition",
        paramLabel = "PARTITION",
        description = "Search this partition of --topic.")
    Integer partition;

    @Option(
        names = "--abort-hanging",
        description =
            "Beyond Apache: abort the hanging transactions found, after asking at a terminal"
                + " (elsewhere, with --yes only).")
    boolean abortHanging;

    @Option(names = "--dry-run", description = "With --abort-hanging: show what would be aborted.")
    boolean dryRun;

    @Option(names = "--yes", description = "With --abort-hanging: abort without asking.")
    boolean yes;

    FindHanging(Environment environment) {
      this.environment = environment;
    }

    record View(List<Producer> hanging, List<String> aborted) {}

    @Override
    public Integer call() throws Exception {
      if (brokerId == null && topic == null) {
        throw usage(
            "The `find-hanging` command requires either --topic or --broker-id to limit the scope"
                + " of the search");
      }
      if (partition != null && topic == null) {
        throw usage("The --partition argument requires --topic to be provided");
      }
      if ((dryRun || yes) && !abortHanging) {
        throw usage("--dry-run and --yes go with --abort-hanging.");
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (Admin admin = parent.admin()) {
        List<Producer> hanging = hanging(admin);
        List<String> aborted = new ArrayList<>();
        View view = new View(hanging, aborted);
        if (!output.json()) {
          text(view, out);
        }
        if (abortHanging && !hanging.isEmpty()) {
          if (!dryRun && !yes && !confirm(hanging.size(), out, err)) {
            throw new KafkitException("Nothing aborted.");
          }
          for (Producer p : hanging) {
            AbortTransactionSpec abort =
                new AbortTransactionSpec(
                    new TopicPartition(p.topic(), p.partition()),
                    p.producerId(),
                    (short) p.producerEpoch(),
                    Math.max(p.coordinatorEpoch(), 0));
            if (dryRun) {
              err.println("Dry run: would abort " + abort);
            } else {
              abort(admin, abort);
              err.println("Aborted " + abort);
            }
            aborted.add(abort.toString());
          }
          err.flush();
        }
        if (output.json()) {
          output.print(view, (v, w) -> {}, out);
        }
      }
      return ExitCodes.OK;
    }

    /** Asks at a terminal; anywhere else, refuses (--dry-run shows, --yes aborts). */
    private boolean confirm(int count, PrintWriter out, PrintWriter err) throws IOException {
      if (!environment.terminal()) {
        throw new KafkitException(
            "--abort-hanging asks before it aborts, and this is not a terminal: run it with"
                + " --dry-run to see what it would abort, then with --yes.");
      }
      out.flush();
      err.print("Abort " + count + " hanging transaction" + (count == 1 ? "" : "s") + "? [y/N] ");
      err.flush();
      String answer =
          new BufferedReader(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8))
              .readLine();
      return answer != null && answer.trim().equalsIgnoreCase("y");
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }

    private static void text(View view, PrintWriter out) {
      long now = System.currentTimeMillis();
      Table t =
          table(
              "Topic",
              "Partition",
              "ProducerId",
              "ProducerEpoch",
              "CoordinatorEpoch",
              "StartOffset",
              "LastTimestamp",
              "Duration(min)");
      for (Producer p : view.hanging()) {
        t.row(
            p.topic(),
            p.partition(),
            p.producerId(),
            p.producerEpoch(),
            p.coordinatorEpoch(),
            p.currentTransactionStartOffset() == null ? -1 : p.currentTransactionStartOffset(),
            p.lastTimestamp(),
            TimeUnit.MILLISECONDS.toMinutes(now - p.lastTimestamp()));
      }
      t.print(out);
      out.flush();
    }

    /** Apache's search, step by step (and in its orders). */
    private List<Producer> hanging(Admin admin) throws Exception {
      long maxMs = TimeUnit.MINUTES.toMillis(maxTransactionTimeout);
      List<TopicPartition> partitions = partitions(admin);
      List<Producer> open = new ArrayList<>();
      for (int from = 0; from < partitions.size(); from += MAX_BATCH_SIZE) {
        List<TopicPartition> batch =
            partitions.subList(from, Math.min(partitions.size(), from + MAX_BATCH_SIZE));
        DescribeProducersOptions options = new DescribeProducersOptions();
        if (brokerId != null) {
          options.brokerId(brokerId);
        }
        Map<TopicPartition, PartitionProducerState> states;
        try {
          states = admin.describeProducers(batch, options).all().get();
        } catch (ExecutionException e) {
          throw failed(
              "Failed to describe producers for "
                  + batch.size()
                  + " partitions on broker "
                  + Optional.ofNullable(brokerId),
              e);
        }
        long now = System.currentTimeMillis();
        states.forEach(
            (tp, state) ->
                state.activeProducers().stream()
                    .filter(
                        ps ->
                            ps.currentTransactionStartOffset().isPresent()
                                && now - ps.lastTimestamp() > maxMs)
                    .forEach(ps -> open.add(Producer.of(tp, ps))));
      }
      if (open.isEmpty()) {
        return List.of();
      }
      Map<Long, List<Producer>> byProducer = new HashMap<>();
      open.forEach(p -> byProducer.computeIfAbsent(p.producerId(), id -> new ArrayList<>()).add(p));
      Map<Long, String> ids = new HashMap<>();
      try {
        for (TransactionListing l :
            admin
                .listTransactions(
                    new ListTransactionsOptions().filterProducerIds(byProducer.keySet()))
                .all()
                .get()) {
          if (byProducer.containsKey(l.producerId())) {
            ids.put(l.producerId(), l.transactionalId());
          }
        }
      } catch (ExecutionException e) {
        throw failed("Failed to list transactions for " + byProducer.size() + " producers", e);
      }
      Map<String, TransactionDescription> described = new HashMap<>();
      var result = admin.describeTransactions(new HashSet<>(ids.values()));
      for (String id : ids.values()) {
        try {
          described.put(id, result.description(id).get());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
            throw failed("Failed to describe " + ids.size() + " transactions", e);
          }
          described.put(id, null);
        }
      }
      List<Producer> hanging = new ArrayList<>();
      byProducer.forEach(
          (producerId, producers) -> {
            String id = ids.get(producerId);
            TransactionDescription d = id == null ? null : described.get(id);
            for (Producer p : producers) {
              if (d == null
                  || !d.topicPartitions().contains(new TopicPartition(p.topic(), p.partition()))) {
                hanging.add(p);
              }
            }
          });
      return hanging;
    }

    private List<TopicPartition> partitions(Admin admin) throws Exception {
      if (topic != null && partition != null) {
        return List.of(new TopicPartition(topic, partition));
      }
      List<String> topics;
      if (topic != null) {
        topics = List.of(topic);
      } else {
        try {
          topics =
              new ArrayList<>(
                  admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
        } catch (ExecutionException e) {
          throw failed("Failed to list topics", e);
        }
      }
      List<TopicPartition> partitions = new ArrayList<>();
      for (int from = 0; from < topics.size(); from += MAX_BATCH_SIZE) {
        List<String> batch = topics.subList(from, Math.min(topics.size(), from + MAX_BATCH_SIZE));
        Map<String, TopicDescription> described;
        try {
          described = admin.describeTopics(batch).allTopicNames().get();
        } catch (ExecutionException e) {
          throw failed("Failed to describe " + batch.size() + " topics", e);
        }
        described.forEach(
            (name, d) -> {
              for (TopicPartitionInfo info : d.partitions()) {
                if (brokerId == null
                    || info.replicas().stream().anyMatch(n -> n.id() == brokerId)) {
                  partitions.add(new TopicPartition(name, info.partition()));
                }
              }
            });
      }
      return partitions;
    }
  }

  /** {@code forceTerminateTransaction --transactionalId ID}: fences the producer. */
  @Command(
      name = "forceTerminateTransaction",
      aliases = "force-terminate-transaction",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Force abort an ongoing transaction on transactionalId (requires administrative"
              + " privileges): its producer is fenced.")
  static final class ForceTerminate implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand TransactionsCommand parent;

    @Option(
        names = {"--transactionalId", "--transactional-id"},
        required = true,
        paramLabel = "ID",
        description = "The transactional id.")
    String id;

    @Override
    public Integer call() throws Exception {
      try (Admin admin = parent.admin()) {
        admin.forceTerminateTransaction(id).result().get();
      } catch (ExecutionException e) {
        throw failed("Failed to force terminate transactionalId `" + id + "`", e);
      }
      return ExitCodes.OK;
    }
  }
}
