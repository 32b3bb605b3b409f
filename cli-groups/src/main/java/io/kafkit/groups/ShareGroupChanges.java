package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.Json;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.DeleteShareGroupOffsetsResult;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** {@code --delete} and {@code --delete-offsets} of share groups. */
final class ShareGroupChanges {
  private ShareGroupChanges() {}

  /** What --delete did, for --output json: the groups deleted, and why each other one was not. */
  record Deleted(List<String> deleted, Map<String, String> failed) {}

  /** One topic's outcome of --delete-offsets. */
  record TopicStatus(String topic, String status) {}

  /** What --delete-offsets did, for --output json. */
  record OffsetsDeleted(String group, List<TopicStatus> topics) {}

  /**
   * Deletes the groups that are share groups without members; names each other one, as Apache does,
   * without sending it.
   */
  static int delete(ShareGroups groups, OutputOptions output, PrintWriter out, PrintWriter err)
      throws Exception {
    List<String> ids = groups.groupIds();
    Map<String, String> failed = new LinkedHashMap<>();
    List<String> deletable = new ArrayList<>();
    for (Map.Entry<String, ShareGroupDescription> e : groups.describe(ids).entrySet()) {
      ShareGroupDescription d = e.getValue();
      String group = e.getKey();
      if (d == null) {
        failed.put(
            group,
            "org.apache.kafka.common.errors.GroupIdNotFoundException: Group '"
                + group
                + "' is not a share group.");
      } else if (d.groupState() != GroupState.EMPTY) {
        failed.put(
            group,
            "org.apache.kafka.common.errors.GroupNotEmptyException: Share group '"
                + group
                + "' is not EMPTY. (stop its share consumers first)");
      } else {
        deletable.add(group);
      }
    }
    List<String> deleted = new ArrayList<>();
    if (!deletable.isEmpty()) {
      var results = groups.admin.deleteShareGroups(deletable).deletedGroups();
      for (String group : deletable) {
        try {
          results.get(group).get();
          deleted.add(group);
        } catch (ExecutionException e) {
          failed.put(group, KafkaErrors.unwrap(e).toString());
        }
      }
    }
    if (output.json()) {
      Json.print(new Deleted(deleted, failed), out);
    } else if (failed.isEmpty()) {
      out.println("Deletion of requested share groups (" + quoted(deleted) + ") was successful.");
    } else if (!deleted.isEmpty()) {
      out.println();
      out.println("These share groups were deleted successfully: " + quoted(deleted));
    }
    if (!failed.isEmpty()) {
      err.println();
      err.println("Error: Deletion of some share groups failed:");
      failed.forEach(
          (group, reason) ->
              err.println("* Group '" + group + "' could not be deleted due to: " + reason));
      err.flush();
    }
    return failed.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /**
   * Deletes one group's start offsets of whole topics: a status line per topic, sorted by topic as
   * Apache sorts them.
   */
  static int deleteOffsets(
      ShareGroups groups, OutputOptions output, PrintWriter out, PrintWriter err) throws Exception {
    String group = groups.request.groups().get(0); // exactly one: ShareGroupsRequest
    Set<String> topics = new TreeSet<>();
    groups.request.topics().forEach(t -> topics.add(t.topic()));
    DeleteShareGroupOffsetsResult result = groups.admin.deleteShareGroupOffsets(group, topics);
    String groupError = null;
    boolean topicLevel = false;
    try {
      result.all().get();
    } catch (ExecutionException e) {
      Throwable cause = KafkaErrors.unwrap(e);
      groupError = cause.getMessage();
      // as in Apache's tool, a topic's error is told in its row only
      topicLevel =
          cause instanceof UnknownTopicOrPartitionException
              || cause instanceof TopicAuthorizationException;
    }
    List<TopicStatus> statuses = new ArrayList<>();
    for (String topic : topics) {
      String status = "Successful";
      try {
        result.topicResult(topic).get();
      } catch (ExecutionException e) {
        status = "Error: " + KafkaErrors.unwrap(e).getMessage();
      } catch (IllegalArgumentException e) {
        status = "Error: " + groupError;
      }
      statuses.add(new TopicStatus(topic, status));
    }
    boolean failed = statuses.stream().anyMatch(s -> !s.status().equals("Successful"));
    if (failed && groupError != null && !topicLevel) {
      err.println();
      err.println("Error: " + groupError);
      err.flush();
    }
    if (output.json()) {
      Json.print(new OffsetsDeleted(group, statuses), out);
    } else {
      Table table = new Table("TOPIC", "STATUS").minWidths(15);
      statuses.forEach(s -> table.row(s.topic(), s.status()));
      out.println();
      table.print(out);
    }
    return failed ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private static String quoted(List<String> groups) {
    return groups.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", "));
  }
}
