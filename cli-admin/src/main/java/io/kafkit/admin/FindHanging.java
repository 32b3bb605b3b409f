package io.kafkit.admin;

import static io.kafkit.admin.TransactionsCommand.abort;
import static io.kafkit.admin.TransactionsCommand.failed;
import static io.kafkit.admin.TransactionsCommand.table;

import io.kafkit.admin.TransactionsCommand.Producer;
import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.output.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/** {@code find-hanging}: open transactions the coordinator no longer knows on that partition. */
@Command(
    name = "find-hanging",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Find hanging transactions: open on a partition longer than the maximum transaction"
            + " timeout, and unknown to their coordinator there. --abort-hanging aborts them.")
final class FindHanging implements Callable<Integer>, ArgparseRules {
  private static final int MAX_BATCH_SIZE = 500;

  private final Environment environment;

  @Spec CommandSpec spec;
  @ParentCommand TransactionsCommand parent;
  @Mixin OutputOptions output;

  @Option(names = "--broker-id", paramLabel = "ID", description = "Search this broker's replicas.")
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
              if (brokerId == null || info.replicas().stream().anyMatch(n -> n.id() == brokerId)) {
                partitions.add(new TopicPartition(name, info.partition()));
              }
            }
          });
    }
    return partitions;
  }
}
