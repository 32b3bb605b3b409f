package io.kafkit.admin;

import static io.kafkit.admin.TransactionsCommand.failed;
import static io.kafkit.admin.TransactionsCommand.table;

import io.kafkit.admin.TransactionsCommand.Producer;
import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.output.Table;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersOptions;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code describe-producers --topic T --partition P [--broker-id B]}. */
@Command(
    name = "describe-producers",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Describe the states of active producers for a topic partition.")
final class DescribeProducers implements Callable<Integer>, ArgparseRules {
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
