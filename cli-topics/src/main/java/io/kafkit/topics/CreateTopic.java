package io.kafkit.topics;

import io.kafkit.common.cli.KafkitException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;

/** {@code --create}: {@code Created topic NAME.}, with Apache's collision warning. */
final class CreateTopic {
  static final String COLLISION_WARNING =
      "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore"
          + " ('_') could collide. To avoid issues it is best to use either, but not both.";

  private CreateTopic() {}

  /** What --create did: {@code created} is false when --if-not-exists met the topic. */
  record Created(String topic, boolean created) {}

  static void text(Created result, PrintWriter out) {
    if (result.created()) {
      out.println("Created topic " + result.topic() + ".");
    }
  }

  /** Creates the topic; the collision warning goes to {@code out}, as Apache prints it. */
  static Created run(Admin admin, TopicsRequest request, PrintWriter out)
      throws ExecutionException, InterruptedException {
    String name = request.topic();
    try {
      TopicNames.validate(name);
    } catch (InvalidTopicException e) {
      throw new KafkitException(e.getMessage());
    }
    NewTopic topic =
        request.replicaAssignment() != null
            ? new NewTopic(name, ReplicaAssignment.parse(request.replicaAssignment()))
            : new NewTopic(
                name,
                Optional.ofNullable(request.partitions()),
                Optional.ofNullable(request.replicationFactor()).map(Integer::shortValue));
    topic.configs(Map.copyOf(request.configs()));
    if (TopicNames.hasCollisionChars(name)) {
      out.println(COLLISION_WARNING);
    }
    try {
      admin.createTopics(List.of(topic), new CreateTopicsOptions()).all().get();
      return new Created(name, true);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException && request.ifNotExists())) {
        throw e;
      }
      return new Created(name, false);
    }
  }
}
