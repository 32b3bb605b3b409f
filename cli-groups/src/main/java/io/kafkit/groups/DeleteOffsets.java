package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.Json;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeleteConsumerGroupOffsetsResult;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupSubscribedToTopicException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** {@code --delete-offsets}: a group's committed offsets of some topics, per partition status. */
final class DeleteOffsets {
  private DeleteOffsets() {}

  /** One partition's outcome, for --output json. */
  record PartitionStatus(String topic, int partition, String status) {}

  /** What --delete-offsets did, for --output json. */
  record Deleted(String group, List<PartitionStatus> partitions) {}

  static int run(
      Admin admin, GroupsRequest request, OutputOptions output, PrintWriter out, PrintWriter err)
      throws Exception {
    String group = request.groups().get(0);
    Set<TopicPartition> partitions = Offsets.partitions(admin, request.topics());
    DeleteConsumerGroupOffsetsResult result = admin.deleteConsumerGroupOffsets(group, partitions);
    List<TopicPartition> sorted =
        partitions.stream()
            .sorted(
                Comparator.comparing(TopicPartition::topic)
                    .thenComparing(TopicPartition::partition))
            .toList();
    List<String[]> rows = new ArrayList<>();
    boolean failed = false;
    for (TopicPartition tp : sorted) {
      String status = "Successful";
      try {
        result.partitionResult(tp).get();
      } catch (ExecutionException e) {
        failed = true;
        status = "Error: " + KafkaErrors.unwrap(e).getMessage();
      }
      rows.add(new String[] {tp.topic(), Integer.toString(tp.partition()), status});
    }
    if (output.json()) {
      if (failed) {
        err.println("Error: " + groupLevel(result));
        err.flush();
      }
      List<PartitionStatus> statuses = new ArrayList<>();
      rows.forEach(r -> statuses.add(new PartitionStatus(r[0], Integer.parseInt(r[1]), r[2])));
      Json.print(new Deleted(group, statuses), out);
      return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }
    if (!failed) {
      out.println("Request succeeded for deleting offsets from group " + group + ".");
    } else {
      err.println();
      err.println("Error: " + groupLevel(result));
      err.flush();
    }
    Table table =
        new Table("TOPIC", "PARTITION", "STATUS").minWidths(15, 10, 15).fixed(1, 2).padLast("");
    rows.forEach(r -> table.row((Object[]) r));
    out.println();
    table.print(out);
    return failed ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /**
   * What went wrong for the whole group (no such group: "The group id does not exist.", as Apache
   * says), else a pointer to the rows.
   */
  private static String groupLevel(DeleteConsumerGroupOffsetsResult result)
      throws InterruptedException {
    try {
      result.all().get();
    } catch (ExecutionException e) {
      Throwable cause = KafkaErrors.unwrap(e);
      boolean partitionLevel =
          cause instanceof GroupSubscribedToTopicException
              || cause instanceof UnknownTopicOrPartitionException
              || cause instanceof TopicAuthorizationException;
      if (!partitionLevel && cause.getMessage() != null) {
        return cause.getMessage();
      }
    }
    return "Encountered some partition-level error, see the follow-up details.";
  }
}
