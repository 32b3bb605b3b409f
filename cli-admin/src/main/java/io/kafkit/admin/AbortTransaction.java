package io.kafkit.admin;

import static io.kafkit.admin.TransactionsCommand.abort;
import static io.kafkit.admin.TransactionsCommand.failed;

import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code abort --topic T --partition P (--start-offset O | --producer-id ...)}. */
@Command(
    name = "abort",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Abort a hanging transaction (requires administrative privileges): by its start offset"
            + " (brokers 3.0 and newer), or by producer id, epoch and coordinator epoch.")
final class AbortTransaction implements Callable<Integer>, ArgparseRules {
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
            new AbortTransactionSpec(tp, producerId, producerEpoch, Math.max(coordinatorEpoch, 0));
      }
      abort(admin, abort);
    }
    return ExitCodes.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
