package io.kafkit.topics;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/** {@code --list}: topic names, sorted, internal ones included unless excluded. */
final class ListTopics {
  private ListTopics() {}

  static List<String> names(Admin admin, Pattern topic, boolean excludeInternal)
      throws ExecutionException, InterruptedException {
    return admin
        .listTopics(new ListTopicsOptions().listInternal(!excludeInternal))
        .names()
        .get()
        .stream()
        .filter(name -> topic == null || topic.matcher(name).matches())
        .sorted()
        .toList();
  }

  /** Apache prints the names joined by newlines, then a newline: one empty line when none. */
  static void text(List<String> names, PrintWriter out) {
    out.println(String.join("\n", names));
  }
}
