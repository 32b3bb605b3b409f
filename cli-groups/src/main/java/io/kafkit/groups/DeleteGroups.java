package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.Json;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;

/** {@code --delete}: groups with members are refused by the broker, and say so. */
final class DeleteGroups {
  private DeleteGroups() {}

  /** What --delete did, for --output json: the groups deleted, and why each other one was not. */
  record Deleted(List<String> deleted, Map<String, String> failed) {}

  static int run(
      Admin admin, GroupsRequest request, OutputOptions output, PrintWriter out, PrintWriter err)
      throws Exception {
    List<String> groups = DescribeGroups.groupIds(admin, request);
    if (groups.isEmpty()) {
      err.println("No consumer groups to delete.");
      if (output.json()) {
        Json.print(new Deleted(List.of(), Map.of()), out);
      }
      return ExitCodes.OK;
    }
    Map<String, KafkaFuture<Void>> results = admin.deleteConsumerGroups(groups).deletedGroups();
    List<String> deleted = new ArrayList<>();
    Map<String, Throwable> failed = new LinkedHashMap<>();
    for (String group : groups) {
      try {
        results.get(group).get();
        deleted.add(group);
      } catch (ExecutionException e) {
        failed.put(group, KafkaErrors.unwrap(e));
      }
    }
    if (output.json()) {
      Map<String, String> reasons = new LinkedHashMap<>();
      failed.forEach((group, e) -> reasons.put(group, e.getMessage()));
      Json.print(new Deleted(deleted, reasons), out);
      failed.forEach(
          (group, e) ->
              err.println(
                  "Error: Group '" + group + "' could not be deleted due to: " + e + hint(e)));
      err.flush();
      return failed.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
    if (failed.isEmpty()) {
      out.println(
          "Deletion of requested consumer groups (" + quoted(deleted) + ") was successful.");
      return ExitCodes.OK;
    }
    err.println();
    err.println("Error: Deletion of some consumer groups failed:");
    failed.forEach(
        (group, e) ->
            err.println("* Group '" + group + "' could not be deleted due to: " + e + hint(e)));
    err.flush();
    if (!deleted.isEmpty()) {
      out.println();
      out.println("These consumer groups were deleted successfully: " + quoted(deleted));
    }
    return ExitCodes.FAILED;
  }

  private static String quoted(List<String> groups) {
    return groups.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", "));
  }

  private static String hint(Throwable e) {
    return e instanceof org.apache.kafka.common.errors.GroupNotEmptyException
        ? " (stop its consumers first)"
        : "";
  }
}
