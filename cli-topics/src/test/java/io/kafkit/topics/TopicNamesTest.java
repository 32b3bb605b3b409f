package io.kafkit.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.junit.jupiter.api.Test;

/** Kafka's topic-name rules, as the adapter hands them on. */
class TopicNamesTest {
  @Test
  void validNamesPassAndInvalidOnesSayWhy() {
    TopicNames.validate("orders.eu_1-x");
    InvalidTopicException bad =
        assertThrows(InvalidTopicException.class, () -> TopicNames.validate("bad topic"));
    assertEquals(
        "Topic name is invalid: 'bad topic' contains one or more characters other than ASCII"
            + " alphanumerics, '.', '_' and '-'",
        bad.getMessage());
    assertThrows(InvalidTopicException.class, () -> TopicNames.validate(".."));
    assertThrows(InvalidTopicException.class, () -> TopicNames.validate("x".repeat(250)));
  }

  @Test
  void collisionCharactersAndInternalTopics() {
    assertTrue(TopicNames.hasCollisionChars("a.b"));
    assertTrue(TopicNames.hasCollisionChars("a_b"));
    assertFalse(TopicNames.hasCollisionChars("a-b"));
    assertTrue(TopicNames.isInternal("__consumer_offsets"));
    assertTrue(TopicNames.isInternal("__transaction_state"));
    assertFalse(TopicNames.isInternal("__other"));
  }
}
