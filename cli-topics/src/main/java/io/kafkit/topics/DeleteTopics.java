package io.kafkit.topics;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeleteTopicsOptions;

/**
 * {@code --delete}: silent on stdout as Apache's; when the --topic expression matched other names
 * than itself, the deleted topics are listed on stderr. With --output json, the deleted topics are
 * the result, on stdout.
 */
final class DeleteTopics {
  private DeleteTopics() {}

  /** The topics deleted. */
  record Deleted(List<String> deleted) {}

  static Deleted run(Admin admin, TopicsRequest request)
      throws ExecutionException, InterruptedException {
    List<String> topics = TopicSelection.select(admin, request, true);
    if (!topics.isEmpty()) {
      admin
          .deleteTopics(topics, new DeleteTopicsOptions().retryOnQuotaViolation(false))
          .all()
          .get();
    }
    return new Deleted(topics);
  }

  static void text(Deleted result, TopicsRequest request, PrintWriter err) {
    if (!result.deleted().isEmpty() && !result.deleted().equals(List.of(request.topic()))) {
      result.deleted().forEach(t -> err.println("Deleted topic " + t + "."));
      err.flush();
    }
  }
}
