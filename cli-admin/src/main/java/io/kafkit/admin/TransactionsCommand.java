package io.kafkit.admin;

import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.output.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;
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
      DescribeProducers.class,
      AbortTransaction.class,
      FindHanging.class,
      TransactionsCommand.ForceTerminate.class
    })
public final class TransactionsCommand implements Callable<Integer>, ArgparseRules {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;

  /** Apache's tool spells its version option {@code -v, --version}; -V is picocli's. */
  @Option(names = "-v", hidden = true)
  boolean version;

  @Override
  public Integer call() {
    if (version) {
      spec.commandLine().printVersionHelp(spec.commandLine().getOut());
      return ExitCodes.OK;
    }
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

  static void abort(Admin admin, AbortTransactionSpec abort) throws Exception {
    try {
      admin.abortTransaction(abort).all().get();
    } catch (ExecutionException e) {
      throw failed("Failed to abort transaction " + abort, e);
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
