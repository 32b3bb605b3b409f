package io.kafkit.topics;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeleteTopicsOptions;

/**
 * {@code --delete}: silent on stdout as Apache's; when the --topic expression matched other names
 * than itself, the deleted topics are listed on stderr.
 */
final class DeleteTopics {
  private DeleteTopics() {}

  static void run(Admin admin, TopicsRequest request, PrintWriter err)
      throws ExecutionException, InterruptedException {
    List<String> topics = TopicSelection.select(admin, request, true);
    if (topics.isEmpty()) {
      return;
    }
    admin.deleteTopics(topics, new DeleteTopicsOptions().retryOnQuotaViolation(false)).all().get();
    if (!topics.equals(List.of(request.topic()))) {
      topics.forEach(t -> err.println("Deleted topic " + t + "."));
      err.flush();
    }
  }
}
