package io.kafkit.topics;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;

/** {@code --list}: topic names, sorted, internal ones included unless excluded. */
final class ListTopics {
  private ListTopics() {}

  static List<String> names(Admin admin, TopicsRequest request)
      throws ExecutionException, InterruptedException {
    return TopicSelection.matching(admin, request, !request.excludeInternal());
  }

  /** Apache prints the names joined by newlines, then a newline: one empty line when none. */
  static void text(List<String> names, PrintWriter out) {
    out.println(String.join("\n", names));
  }
}
