package io.kafkit.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.output.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * The JSON files of kafka-reassign-partitions.sh: the reassignment plan it reads and prints, and
 * the topics to move. Read with Apache's rules and messages, written byte for byte as Apache writes
 * them: one compact line, sorted by topic and partition.
 */
final class ReassignmentJson {
  static final String ANY = "any";

  private ReassignmentJson() {}

  /** A partition's target replicas and, for each, a log directory or {@code "any"}. */
  record Move(TopicPartition partition, List<Integer> replicas, List<String> logDirs) {
    boolean movesLogDirs() {
      return logDirs.stream().anyMatch(d -> !ANY.equals(d));
    }
  }

  static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  /** Parses a reassignment file: its moves in file order. */
  static List<Move> parsePlan(String text, String file) {
    JsonNode doc = object(text, file);
    checkVersion(doc, file);
    JsonNode partitions = doc.get("partitions");
    List<Move> moves = new ArrayList<>();
    if (partitions == null) {
      return moves;
    }
    if (!partitions.isArray()) {
      throw problem(file, "Expected JSON array, received " + partitions);
    }
    for (JsonNode entry : partitions) {
      if (!entry.isObject()) {
        throw problem(file, "Expected JSON object, received " + entry);
      }
      String topic = string(field(entry, "topic", file), file);
      int partition = integer(field(entry, "partition", file), file);
      List<Integer> replicas = new ArrayList<>();
      for (JsonNode replica : array(field(entry, "replicas", file), file)) {
        replicas.add(integer(replica, file));
      }
      List<String> logDirs = new ArrayList<>();
      JsonNode dirs = entry.get("log_dirs");
      if (dirs == null) {
        replicas.forEach(r -> logDirs.add(ANY));
      } else {
        for (JsonNode dir : array(dirs, file)) {
          logDirs.add(string(dir, file));
        }
      }
      TopicPartition tp = new TopicPartition(topic, partition);
      if (logDirs.size() != replicas.size()) {
        throw problem(
            file,
            "Size of replicas list "
                + replicas
                + " is different from size of log dirs list "
                + logDirs
                + " for partition "
                + tp);
      }
      moves.add(new Move(tp, List.copyOf(replicas), List.copyOf(logDirs)));
    }
    return moves;
  }

  /** The checks {@code --execute} adds: a plan that can be submitted at all. */
  static void checkExecutable(List<Move> moves, String file) {
    if (moves.isEmpty()) {
      throw problem(file, "Partition reassignment list cannot be empty");
    }
    if (moves.stream().anyMatch(m -> m.replicas().isEmpty())) {
      throw problem(file, "Partition replica list cannot be empty");
    }
    Set<TopicPartition> seen = new HashSet<>();
    Set<TopicPartition> twice = new HashSet<>();
    for (Move move : moves) {
      if (!seen.add(move.partition())) {
        twice.add(move.partition());
      }
    }
    if (!twice.isEmpty()) {
      throw problem(
          file,
          "Partition reassignment contains duplicate topic partitions: "
              + twice.stream().map(TopicPartition::toString).collect(Collectors.joining(",")));
    }
    List<String> repeated = new ArrayList<>();
    for (Move move : moves) {
      Set<Integer> brokers = new HashSet<>();
      Set<Integer> again = new HashSet<>();
      for (int replica : move.replicas()) {
        if (!brokers.add(replica)) {
          again.add(replica);
        }
      }
      if (!again.isEmpty()) {
        repeated.add(
            move.partition()
                + " contains multiple entries for "
                + again.stream().map(String::valueOf).collect(Collectors.joining(",")));
      }
    }
    if (!repeated.isEmpty()) {
      throw problem(
          file,
          "Partition replica lists may not contain duplicate entries: "
              + String.join(". ", repeated));
    }
  }

  /** Parses a topics-to-move file: the topic names in file order, each once. */
  static List<String> parseTopics(String text, String file) {
    JsonNode doc;
    try {
      doc = text.isBlank() ? null : Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      doc = null;
    }
    if (doc == null || doc.isMissingNode()) {
      throw problem(file, "The input string is not a valid JSON");
    }
    if (!doc.isObject()) {
      throw problem(file, "Expected JSON object, received " + doc);
    }
    checkVersion(doc, file);
    JsonNode topics = doc.get("topics");
    List<String> names = new ArrayList<>();
    if (topics == null) {
      return names;
    }
    if (!topics.isArray()) {
      throw problem(file, "Expected JSON array, received " + topics); // Apache's words here
    }
    for (JsonNode entry : topics) {
      if (!entry.isObject()) {
        throw problem(file, "Expected JSON object, received " + entry);
      }
      names.add(string(field(entry, "topic", file), file));
    }
    Set<String> twice =
        names.stream()
            .filter(t -> names.indexOf(t) != names.lastIndexOf(t))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (!twice.isEmpty()) {
      throw problem(
          file,
          "List of topics to reassign contains duplicate entries: ["
              + String.join(", ", twice)
              + "]");
    }
    return names;
  }

  /**
   * A plan as Apache prints it: {@code {"version":1,"partitions":[...]}} on one line, partitions
   * sorted by topic and partition.
   */
  static String format(
      Map<TopicPartition, List<Integer>> replicas, Map<TopicPartition, List<String>> logDirs) {
    List<Map<String, Object>> partitions = new ArrayList<>();
    replicas.keySet().stream()
        .sorted(BY_TOPIC_AND_PARTITION)
        .forEach(
            tp -> {
              Map<String, Object> p = new LinkedHashMap<>();
              p.put("topic", tp.topic());
              p.put("partition", tp.partition());
              p.put("replicas", replicas.get(tp));
              List<Integer> ids = replicas.get(tp);
              p.put("log_dirs", logDirs.getOrDefault(tp, ids.stream().map(id -> ANY).toList()));
              partitions.add(p);
            });
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("version", 1);
    doc.put("partitions", partitions);
    return Json.line(doc);
  }

  /** Topic partitions as Apache lists them: sorted, {@code topic-partition}, comma-joined. */
  static String partitions(java.util.Collection<TopicPartition> partitions) {
    return partitions.stream()
        .sorted(BY_TOPIC_AND_PARTITION)
        .map(TopicPartition::toString)
        .collect(Collectors.joining(","));
  }

  static Set<String> topics(List<Move> moves) {
    return moves.stream()
        .map(m -> m.partition().topic())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static JsonNode object(String text, String file) {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw problem(file, "not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (doc == null || doc.isMissingNode()) {
      throw problem(file, "The input string shouldn't be empty");
    }
    if (!doc.isObject()) {
      throw problem(file, "Expected JSON object, received " + doc);
    }
    return doc;
  }

  private static void checkVersion(JsonNode doc, String file) {
    JsonNode version = doc.get("version");
    if (version != null && integer(version, file) != 1) {
      throw problem(file, "Not supported version field value " + version.intValue());
    }
  }

  private static JsonNode field(JsonNode entry, String name, String file) {
    JsonNode value = entry.get(name);
    if (value == null) {
      throw problem(file, "No such field exists: `" + name + "`");
    }
    return value;
  }

  private static int integer(JsonNode value, String file) {
    if (!value.isInt()) {
      throw problem(file, "Expected `Integer` value, received " + value);
    }
    return value.intValue();
  }

  private static String string(JsonNode value, String file) {
    if (!value.isTextual()) {
      throw problem(file, "Expected `String` value, received " + value);
    }
    return value.textValue();
  }

  private static JsonNode array(JsonNode value, String file) {
    if (!value.isArray()) {
      throw problem(file, "Expected `JSON array` value, received " + value);
    }
    return value;
  }

  private static KafkitException problem(String file, String what) {
    return new KafkitException(file + ": " + what);
  }
}
