package io.kafkit.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.output.Json;
import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.apache.kafka.common.errors.TimeoutException;

/** Preferred and unclean leader elections, as kafka-leader-election.sh runs and reports them. */
final class LeaderElection {
  private LeaderElection() {}

  /** What the controller answered, sorted into Apache's three kinds. */
  record Result(
      String electionType, List<String> succeeded, List<String> notNeeded, List<Failed> failed) {}

  record Failed(String partition, String error) {}

  /**
   * Runs the election (every eligible partition when {@code partitions} is null) and prints
   * Apache's lines through {@code out}, unless null (JSON).
   */
  static Result elect(
      Admin admin, ElectionType type, Set<TopicPartition> partitions, PrintWriter out)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, Optional<Throwable>> answers;
    try {
      answers = admin.electLeaders(type, partitions).partitions().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TimeoutException t) {
        if (String.valueOf(t.getMessage()).contains("node assignment")) {
          throw e; // no broker answered: said as for every tool, with the address
        }
        throw new KafkitException("Timeout waiting for election results");
      }
      if (e.getCause() instanceof ClusterAuthorizationException) {
        throw new KafkitException("Not authorized to perform leader election");
      }
      throw new KafkitException(
          e.getCause().getMessage() == null ? e.getCause().toString() : e.getCause().getMessage());
    }
    // Apache collects them in hash sets and a hash map: the same order here
    Set<TopicPartition> succeeded = new HashSet<>();
    Set<TopicPartition> noop = new HashSet<>();
    Map<TopicPartition, Throwable> failed = new HashMap<>();
    answers.forEach(
        (tp, error) -> {
          if (error.isEmpty()) {
            succeeded.add(tp);
          } else if (error.get() instanceof ElectionNotNeededException) {
            noop.add(tp);
          } else {
            failed.put(tp, error.get());
          }
        });
    if (out != null) {
      if (!succeeded.isEmpty()) {
        out.println(
            "Successfully completed leader election ("
                + type
                + ") for partitions "
                + joined(succeeded));
      }
      if (!noop.isEmpty()) {
        out.println("Valid replica already elected for partitions " + joined(noop));
      }
      failed.forEach(
          (tp, error) ->
              out.println(
                  "Error completing leader election ("
                      + type
                      + ") for partition: "
                      + tp
                      + ": "
                      + error));
      out.flush();
    }
    return new Result(
        type.toString(),
        succeeded.stream().map(TopicPartition::toString).toList(),
        noop.stream().map(TopicPartition::toString).toList(),
        failed.entrySet().stream()
            .map(e -> new Failed(e.getKey().toString(), e.getValue().toString()))
            .toList());
  }

  private static String joined(Set<TopicPartition> partitions) {
    return partitions.stream().map(TopicPartition::toString).collect(Collectors.joining(", "));
  }

  /** A partition an election would change: its leader now, the replica that would lead. */
  record Candidate(
      String topic,
      int partition,
      Integer leader,
      int preferred,
      List<Integer> replicas,
      List<Integer> isr) {}

  /**
   * The partitions an election would change, without electing: for a preferred election those led
   * by another replica than their first while the first is in the ISR; for an unclean one those
   * without a leader.
   */
  static List<Candidate> candidates(Admin admin, ElectionType type, Set<TopicPartition> partitions)
      throws ExecutionException, InterruptedException {
    Set<String> topics =
        partitions == null
            ? admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get()
            : partitions.stream().map(TopicPartition::topic).collect(Collectors.toSet());
    Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
    List<Candidate> candidates = new ArrayList<>();
    for (TopicDescription topic : described.values()) {
      for (TopicPartitionInfo info : topic.partitions()) {
        TopicPartition tp = new TopicPartition(topic.name(), info.partition());
        if (partitions != null && !partitions.contains(tp)) {
          continue;
        }
        if (info.replicas().isEmpty()) {
          continue;
        }
        List<Integer> replicas = info.replicas().stream().map(Node::id).toList();
        List<Integer> isr = info.isr().stream().map(Node::id).toList();
        Integer leader =
            info.leader() == null || info.leader().isEmpty() ? null : info.leader().id();
        int preferred = replicas.get(0);
        boolean changes =
            type == ElectionType.PREFERRED
                ? leader != null && leader != preferred && isr.contains(preferred)
                : leader == null;
        if (changes) {
          candidates.add(
              new Candidate(tp.topic(), tp.partition(), leader, preferred, replicas, isr));
        }
      }
    }
    if (partitions != null) {
      Set<TopicPartition> missing = new LinkedHashSet<>(partitions);
      described
          .values()
          .forEach(
              t ->
                  t.partitions()
                      .forEach(p -> missing.remove(new TopicPartition(t.name(), p.partition()))));
      if (!missing.isEmpty()) {
        throw new KafkitException(
            "No such partition: "
                + missing.stream().map(TopicPartition::toString).collect(Collectors.joining(", ")));
      }
    }
    candidates.sort(Comparator.comparing(Candidate::topic).thenComparingInt(Candidate::partition));
    return candidates;
  }

  static void printCandidates(ElectionType type, List<Candidate> candidates, PrintWriter out) {
    if (candidates.isEmpty()) {
      out.println(
          type == ElectionType.PREFERRED
              ? "Dry run: every partition is led by its preferred replica; nothing to elect."
              : "Dry run: every partition has a leader; nothing to elect.");
      return;
    }
    out.println(
        "Dry run: a "
            + (type == ElectionType.PREFERRED ? "preferred" : "unclean")
            + " election would change the leader of "
            + candidates.size()
            + (candidates.size() == 1 ? " partition:" : " partitions:"));
    Table table = new Table("TOPIC", "PARTITION", "LEADER", "PREFERRED", "REPLICAS", "ISR");
    for (Candidate c : candidates) {
      table.row(
          c.topic(),
          c.partition(),
          c.leader() == null ? "none" : c.leader(),
          c.preferred(),
          ids(c.replicas()),
          ids(c.isr()));
    }
    table.print(out);
  }

  private static String ids(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /**
   * --path-to-json-file: {@code {"partitions": [{"topic": "foo", "partition": 1}]}}, as Apache
   * reads it; a partition named twice is refused.
   */
  static Set<TopicPartition> parseFile(String text, String file) {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw problem(file, "not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (doc == null || doc.isMissingNode()) {
      throw problem(file, "Replica election data is empty");
    }
    if (!doc.isObject()) {
      throw problem(file, "not a JSON object with a \"partitions\" list");
    }
    JsonNode partitions = doc.get("partitions");
    if (partitions == null) {
      throw problem(file, "Replica election data is missing \"partitions\" field");
    }
    if (!partitions.isArray()) {
      throw problem(file, "\"partitions\" is not a list of {\"topic\", \"partition\"}");
    }
    List<TopicPartition> list = new ArrayList<>();
    for (JsonNode entry : partitions) {
      JsonNode topic = entry.get("topic");
      JsonNode partition = entry.get("partition");
      if (topic == null || !topic.isTextual() || partition == null || !partition.isInt()) {
        throw problem(
            file, "Each partition needs a \"topic\" string and a \"partition\" number: " + entry);
      }
      list.add(new TopicPartition(topic.asText(), partition.intValue()));
    }
    Set<TopicPartition> twice =
        list.stream()
            .filter(tp -> java.util.Collections.frequency(list, tp) > 1)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (!twice.isEmpty()) {
      throw problem(file, "Replica election data contains duplicate partitions: " + twice);
    }
    return new HashSet<>(list);
  }

  private static KafkitException problem(String file, String what) {
    return new KafkitException(file + ": " + what);
  }
}
