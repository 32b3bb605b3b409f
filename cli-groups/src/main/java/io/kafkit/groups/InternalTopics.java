package io.kafkit.groups;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupSubtopologyDescription;

/**
 * A streams group's internal topics, as kafka-streams-groups.sh finds them: its topology's
 * repartition and changelog topics that are named as Kafka Streams names its own ({@code
 * APP-...-repartition}, {@code -changelog}, the foreign-key join topics); any other is named and
 * kept.
 */
final class InternalTopics {
  private InternalTopics() {}

  private static final Pattern FK_JOIN =
      Pattern.compile(".+-KTABLE-FK-JOIN-SUBSCRIPTION-(REGISTRATION|RESPONSE)-\\d+-topic");

  static List<String> of(StreamsGroupDescription d, PrintWriter err) {
    Set<String> sources = new HashSet<>();
    for (StreamsGroupSubtopologyDescription s : d.subtopologies()) {
      sources.addAll(s.sourceTopics());
    }
    List<String> topics = new ArrayList<>();
    for (StreamsGroupSubtopologyDescription s : d.subtopologies()) {
      List<String> candidates = new ArrayList<>(s.repartitionSourceTopics().keySet());
      candidates.addAll(s.stateChangelogTopics().keySet());
      for (String topic : candidates) {
        if (sources.contains(topic) || topics.contains(topic)) {
          continue;
        }
        if (inferred(topic, d.groupId())) {
          topics.add(topic);
        } else {
          err.println(
              "Error: The internal topic '"
                  + topic
                  + "' is not inferred as internal and thus will not be deleted with the group '"
                  + d.groupId()
                  + "'.");
        }
      }
    }
    return topics;
  }

  static boolean inferred(String topic, String applicationId) {
    return topic.startsWith(applicationId + "-") && internalName(topic);
  }

  static boolean internalName(String topic) {
    return topic.endsWith("-changelog")
        || topic.endsWith("-repartition")
        || topic.endsWith("-subscription-registration-topic")
        || topic.endsWith("-subscription-response-topic")
        || FK_JOIN.matcher(topic).matches();
  }
}
