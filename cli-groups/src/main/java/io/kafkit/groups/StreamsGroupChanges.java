package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.Json;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.DeleteStreamsGroupOffsetsResult;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupSubtopologyDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** {@code --reset-offsets}, {@code --delete} and {@code --delete-offsets} of streams groups. */
final class StreamsGroupChanges {
  private StreamsGroupChanges() {}

  /** What --delete did, for --output json: the groups and internal topics deleted, and failures. */
  record Deleted(
      List<String> deleted, Map<String, List<String>> internalTopics, Map<String, String> failed) {}

  /** One partition's outcome of --delete-offsets; partition -1 for a topic that was not found. */
  record PartitionStatus(String topic, int partition, String status) {}

  /** What --delete-offsets did, for --output json. */
  record OffsetsDeleted(String group, List<PartitionStatus> partitions) {}

  static int reset(StreamsGroups groups, OutputOptions output, PrintWriter out, PrintWriter err)
      throws Exception {
    return ResetOffsets.run(
        groups.admin, new StreamsOffsets(groups, err), groups.request.base(), output, out, err);
  }

  /**
   * Deletes the groups that are streams groups without members, then (with
   * --delete-all-internal-topics) their internal topics; names each other group, as Apache does,
   * without sending it.
   */
  static int delete(StreamsGroups groups, OutputOptions output, PrintWriter out, PrintWriter err)
      throws Exception {
    List<String> ids = groups.groupIds();
    Map<String, String> failed = new LinkedHashMap<>();
    Map<String, List<String>> internal = new LinkedHashMap<>();
    List<String> deletable = new ArrayList<>();
    for (Map.Entry<String, StreamsGroupDescription> e : groups.describe(ids).entrySet()) {
      StreamsGroupDescription d = e.getValue();
      String group = e.getKey();
      if (d == null) {
        failed.put(
            group,
            "java.lang.IllegalArgumentException: Group '"
                + group
                + "' does not exist or is not a streams group.");
      } else if (d.groupState() != GroupState.EMPTY) {
        failed.put(
            group,
            "org.apache.kafka.common.errors.GroupNotEmptyException: Streams group '"
                + group
                + "' is not EMPTY. (stop the application's instances first)");
      } else {
        deletable.add(group);
        if (groups.request.deleteAllInternalTopics()) {
          List<String> topics = InternalTopics.of(d, err);
          if (!topics.isEmpty()) {
            internal.put(group, topics);
          }
        }
      }
    }
    List<String> deleted = new ArrayList<>();
    if (!deletable.isEmpty()) {
      var results = groups.admin.deleteStreamsGroups(deletable).deletedGroups();
      for (String group : deletable) {
        try {
          results.get(group).get();
          deleted.add(group);
        } catch (ExecutionException e) {
          failed.put(group, KafkaErrors.unwrap(e).toString());
        }
      }
    }
    internal.keySet().retainAll(deleted);
    Map<String, String> topicsFailed = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : internal.entrySet()) {
      try {
        groups.admin.deleteTopics(e.getValue()).all().get();
      } catch (ExecutionException x) {
        topicsFailed.put(e.getKey(), KafkaErrors.unwrap(x).toString());
      }
    }
    if (output.json()) {
      Json.print(new Deleted(deleted, internal, failed), out);
    } else {
      if (failed.isEmpty()) {
        out.println(
            "Deletion of requested streams groups (" + quoted(deleted) + ") was successful.");
      } else if (!deleted.isEmpty()) {
        out.println();
        out.println("These streams groups were deleted successfully: " + quoted(deleted) + ".");
      }
      if (!internal.isEmpty() && topicsFailed.isEmpty()) {
        out.println(
            "Deletion of associated internal topics of the streams groups ("
                + quoted(new ArrayList<>(internal.keySet()))
                + ") was successful.");
      }
    }
    if (!failed.isEmpty()) {
      err.println();
      err.println("Error: Deletion of some streams groups failed:");
      failed.forEach(
          (group, reason) ->
              err.println("* Group '" + group + "' could not be deleted due to: " + reason));
    }
    if (!topicsFailed.isEmpty()) {
      err.println("Error: Deletion of some associated internal topics failed:");
      topicsFailed.forEach(
          (group, reason) ->
              err.println(
                  "* Internal topics of the streams group '"
                      + group
                      + "' could not be deleted due to: "
                      + reason));
    }
    err.flush();
    return failed.isEmpty() && topicsFailed.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /**
   * Deletes one streams group's committed offsets: of its source topics' committed partitions
   * (--all-input-topics) or of the named topics and partitions; a status line per partition.
   */
  static int deleteOffsets(
      StreamsGroups groups, OutputOptions output, PrintWriter out, PrintWriter err)
      throws Exception {
    String group = groups.request.groups().get(0);
    StreamsGroupDescription d = groups.describe(List.of(group)).get(group);
    if (d == null) {
      err.println("Error: Group '" + group + "' does not exist or is not a streams group.");
      err.flush();
      return ExitCodes.FAILED;
    }
    Set<TopicPartition> partitions = new LinkedHashSet<>();
    List<PartitionStatus> statuses = new ArrayList<>();
    GroupsRequest base = groups.request.base();
    if (base.allTopics()) {
      Set<String> sources = new HashSet<>();
      for (StreamsGroupSubtopologyDescription s : d.subtopologies()) {
        sources.addAll(s.sourceTopics());
      }
      groups.committed(List.of(group)).get(group).keySet().stream()
          .filter(tp -> sources.contains(tp.topic()))
          .forEach(partitions::add);
    } else {
      Set<String> whole = new LinkedHashSet<>();
      for (GroupsRequest.TopicSpec t : base.topics()) {
        if (t.partitions().isEmpty()) {
          whole.add(t.topic());
        } else {
          t.partitions().forEach(p -> partitions.add(new TopicPartition(t.topic(), p)));
        }
      }
      if (!whole.isEmpty()) {
        Map<String, KafkaFuture<TopicDescription>> described =
            groups.admin.describeTopics(whole).topicNameValues();
        for (String topic : whole) {
          try {
            described
                .get(topic)
                .get()
                .partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
          } catch (ExecutionException e) {
            statuses.add(new PartitionStatus(topic, -1, "Error: " + failure(e)));
          }
        }
      }
    }
    String groupError = null;
    if (!partitions.isEmpty()) {
      DeleteStreamsGroupOffsetsResult result =
          groups.admin.deleteStreamsGroupOffsets(group, partitions);
      try {
        result.all().get();
      } catch (ExecutionException e) {
        groupError = KafkaErrors.unwrap(e).getMessage();
      }
      for (TopicPartition tp : partitions) {
        String status = "Successful";
        try {
          result.partitionResult(tp).get();
        } catch (ExecutionException e) {
          status = "Error: " + failure(e);
        }
        statuses.add(new PartitionStatus(tp.topic(), tp.partition(), status));
      }
    }
    statuses.sort(Comparator.comparing(s -> s.topic() + s.partition()));
    boolean anyFailed = statuses.stream().anyMatch(s -> !s.status().equals("Successful"));
    if (output.json()) {
      Json.print(new OffsetsDeleted(group, statuses), out);
    } else {
      if (groupError == null) {
        out.println("Request succeeded for deleting offsets from group " + group + ".");
      } else {
        err.println("Error: " + groupError);
        err.flush();
      }
      int tw = 15;
      for (PartitionStatus s : statuses) {
        tw = Math.max(tw, s.topic().length());
      }
      String fmt = "%n%-" + tw + "s %-10s %-15s";
      out.printf(fmt, "TOPIC", "PARTITION", "STATUS");
      for (PartitionStatus s : statuses) {
        out.printf(
            fmt, s.topic(), s.partition() < 0 ? "-" : String.valueOf(s.partition()), s.status());
      }
      out.println();
    }
    return anyFailed || groupError != null ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /** Apache's status text: the cause's class and message. */
  private static String failure(ExecutionException e) {
    Throwable cause = KafkaErrors.unwrap(e);
    return cause.getClass().getName() + ": " + cause.getMessage();
  }

  private static String quoted(List<String> groups) {
    return groups.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", "));
  }
}
