package io.kafkit.topics;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/**
 * The adapter to Kafka's rules for topic names ({@code common.internals.Topic}, not public API):
 * the one class of cli-topics that uses it, so that a kafka-clients upgrade that moves it breaks
 * this file, and {@code TopicNamesTest} says how.
 */
final class TopicNames {
  private TopicNames() {}

  /**
   * @throws InvalidTopicException with Kafka's reason, when the broker would refuse the name
   */
  static void validate(String name) {
    Topic.validate(name);
  }

  /** Whether the name has '.' or '_', which Kafka's metrics names cannot tell apart. */
  static boolean hasCollisionChars(String name) {
    return Topic.hasCollisionChars(name);
  }

  /** Whether the topic is one of Kafka's own (__consumer_offsets, __transaction_state). */
  static boolean isInternal(String name) {
    return Topic.isInternal(name);
  }
}
