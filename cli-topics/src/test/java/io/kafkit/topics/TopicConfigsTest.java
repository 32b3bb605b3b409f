package io.kafkit.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicConfigsTest {
  @Test
  void theHelpListsTheClientsTopicConfigsAsTheBrokerTakesThem() throws Exception {
    TreeSet<String> expected = new TreeSet<>();
    for (Field field : TopicConfig.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")) {
        expected.add((String) field.get(null));
      }
    }
    // Removed from the broker in Kafka 4.0; the constant stays in the client.
    expected.remove("message.downconversion.enable");
    // Replication throttles: the broker's own (QuotaConfig), set per topic all the same.
    expected.addAll(
        List.of(
            "leader.replication.throttled.replicas", "follower.replication.throttled.replicas"));
    assertEquals(List.copyOf(expected), TopicConfigs.NAMES);
  }

  @Test
  void theHelpShowsThem() {
    String help = io.kafkit.common.cli.CommandLines.create(new TopicsCommand()).getUsageMessage();
    String flat = help.replaceAll("\\s+", " ");
    for (String name : TopicConfigs.NAMES) {
      assertEquals(true, flat.contains(name), name + " in\n" + help);
    }
  }
}
