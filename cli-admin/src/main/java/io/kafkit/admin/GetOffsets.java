package io.kafkit.admin;

import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.kafka.KafkaErrors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/** get-offsets' one action: the offsets of the chosen partitions at one time. */
final class GetOffsets {
  private GetOffsets() {}

  /**
   * One partition's answer: its offset, or none for the time (null), or the error that kept it. The
   * timestamp is the found record's, when the broker gives one.
   */
  record PartitionOffset(String topic, int partition, Long offset, Long timestamp, String error) {
    String name() {
      return topic + "-" + partition;
    }
  }

  /**
   * The partitions' offsets in Apache's order (by "topic-partition" as text, so t-10 before t-2).
   *
   * @throws KafkitException when no partition matches
   */
  static List<PartitionOffset> fetch(
      Admin admin, PartitionPatterns patterns, OffsetSpec spec, boolean excludeInternal)
      throws ExecutionException, InterruptedException {
    Set<String> topics =
        admin.listTopics(new ListTopicsOptions().listInternal(!excludeInternal)).names().get();
    Set<String> chosen = topics.stream().filter(patterns::topicAllowed).collect(Collectors.toSet());
    Map<String, TopicDescription> described =
        chosen.isEmpty() ? Map.of() : admin.describeTopics(chosen).allTopicNames().get();
    Map<TopicPartition, OffsetSpec> query = new HashMap<>();
    described.forEach(
        (name, description) ->
            description.partitions().stream()
                .map(p -> new TopicPartition(name, p.partition()))
                .filter(tp -> patterns.allowed(tp.topic(), tp.partition()))
                .forEach(tp -> query.put(tp, spec)));
    if (query.isEmpty()) {
      throw new KafkitException("Could not match any topic-partitions with the specified filters");
    }
    ListOffsetsResult result = admin.listOffsets(query);
    List<PartitionOffset> offsets = new ArrayList<>();
    for (TopicPartition tp : query.keySet()) {
      try {
        ListOffsetsResultInfo info = result.partitionResult(tp).get();
        boolean found = info.offset() >= 0;
        offsets.add(
            new PartitionOffset(
                tp.topic(),
                tp.partition(),
                found ? info.offset() : null,
                found && info.timestamp() >= 0 ? info.timestamp() : null,
                null));
      } catch (ExecutionException e) {
        offsets.add(new PartitionOffset(tp.topic(), tp.partition(), null, null, error(e)));
      }
    }
    offsets.sort(Comparator.comparing(PartitionOffset::name));
    return offsets;
  }

  /**
   * Why a partition's offset could not be read, in Apache's words: the exception's class and
   * message (Apache stops at any other kind of failure; kafkit says it as it says errors).
   */
  private static String error(ExecutionException e) {
    Throwable cause = e.getCause();
    return cause instanceof KafkaException
        ? cause.toString()
        : KafkaErrors.describe(cause, null).message();
  }

  /** Apache's lines, {@code topic:partition:offset}, for the partitions that have one. */
  static void text(List<PartitionOffset> offsets, PrintWriter out) {
    for (PartitionOffset o : offsets) {
      if (o.offset() != null) {
        out.println(o.topic() + ":" + o.partition() + ":" + o.offset());
      }
    }
  }

  /**
   * What Apache leaves out or words as a stack trace, on stderr: partitions that failed (as Apache
   * words it) and, in text, partitions without an offset for the time.
   *
   * @return whether any partition failed
   */
  static boolean notes(List<PartitionOffset> offsets, String time, boolean json, PrintWriter err) {
    boolean failed = false;
    for (PartitionOffset o : offsets) {
      if (o.error() != null) {
        failed = true;
        err.println(
            "Skip getting offsets for topic-partition " + o.name() + " due to error: " + o.error());
      } else if (o.offset() == null && !json) {
        err.println("No offset for topic-partition " + o.name() + " at time " + time + ".");
      }
    }
    err.flush();
    return failed;
  }
}
