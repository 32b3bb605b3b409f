package io.kafkit.topics;

import io.kafkit.common.cli.KafkitException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/** The topics --topic names: every topic whose whole name the regular expression matches. */
final class TopicSelection {
  private TopicSelection() {}

  /**
   * The matching topics, sorted; fails with Apache's message when --topic matches none, unless
   * --if-exists (then empty).
   */
  static List<String> select(Admin admin, TopicsRequest request, boolean listInternal)
      throws ExecutionException, InterruptedException {
    List<String> names = matching(admin, request, listInternal);
    if (names.isEmpty() && request.topic() != null && !request.ifExists()) {
      hiddenByAcls(admin, request.topic());
      throw new KafkitException(
          "Topic '"
              + request.topic()
              + "' does not exist as expected ('kafkit topics --list' shows the topics there are)");
    }
    return names;
  }

  /**
   * The broker leaves the topics a user may not describe out of the list, so a topic missing from
   * it may exist all the same. Asked for by name, the broker says which: this throws its
   * authorization error, if that is the reason.
   */
  private static void hiddenByAcls(Admin admin, String name)
      throws ExecutionException, InterruptedException {
    try {
      TopicNames.validate(name);
    } catch (InvalidTopicException e) {
      return; // a regular expression, not one topic's name
    }
    try {
      admin.describeTopics(List.of(name)).allTopicNames().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicAuthorizationException) {
        throw new KafkitException(
            "Not authorized to describe topic '"
                + name
                + "': the user needs the Describe right (an ACL) on it from an administrator.");
      }
    }
  }

  /** The topics --topic matches (all without it), sorted; internal ones only if asked for. */
  static List<String> matching(Admin admin, TopicsRequest request, boolean listInternal)
      throws ExecutionException, InterruptedException {
    Pattern pattern = request.topicPattern().orElse(null);
    return admin
        .listTopics(new ListTopicsOptions().listInternal(listInternal))
        .names()
        .get()
        .stream()
        .filter(name -> pattern == null || pattern.matcher(name).matches())
        .filter(name -> listInternal || !TopicNames.isInternal(name))
        .sorted()
        .toList();
  }
}
