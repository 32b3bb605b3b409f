package io.kafkit.admin;

import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.output.Json;
import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/** The log directories of brokers: Apache's JSON document, and a table for people. */
final class LogDirs {
  private LogDirs() {}

  /** What the brokers answered, keyed as the admin client keys it. */
  record Answer(Set<Integer> brokers, Map<Integer, Map<String, LogDirDescription>> dirs) {}

  /**
   * The brokers to ask: those given, all of them when none is; a broker the cluster does not have
   * fails with Apache's words.
   */
  static Set<Integer> brokers(Admin admin, Set<Integer> given)
      throws ExecutionException, InterruptedException {
    Set<Integer> cluster =
        admin.describeCluster().nodes().get().stream()
            .map(Node::id)
            .collect(Collectors.toCollection(HashSet::new));
    Set<Integer> missing = new HashSet<>(given);
    missing.removeAll(cluster);
    if (!missing.isEmpty()) {
      throw new KafkitException(
          "The given brokers do not exist from --broker-list: "
              + joined(missing)
              + ". Current existent brokers: "
              + joined(cluster));
    }
    Set<Integer> asked = new HashSet<>(given.isEmpty() ? cluster : given);
    asked.retainAll(cluster);
    return asked;
  }

  static Answer describe(Admin admin, Set<Integer> brokers)
      throws ExecutionException, InterruptedException {
    return new Answer(brokers, admin.describeLogDirs(brokers).allDescriptions().get());
  }

  /** "1,2,3": a set of broker ids in a hash set's order, as Apache joins them. */
  static String joined(Set<Integer> ids) {
    return new HashSet<>(ids).stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /**
   * Apache's JSON document, byte for byte: its keys in the order of the hash maps it is built of,
   * partitions as "topic-partition", an error as the name of its exception's class.
   */
  static String apacheJson(Answer answer, Set<String> topics) {
    Map<String, Object> document = new HashMap<>();
    document.put("version", 1);
    document.put(
        "brokers",
        answer.dirs().entrySet().stream()
            .map(
                broker -> {
                  Map<String, Object> entry = new HashMap<>();
                  entry.put("broker", broker.getKey());
                  entry.put("logDirs", dirs(broker.getValue(), topics));
                  return entry;
                })
            .toList());
    return Json.line(document);
  }

  private static List<Map<String, Object>> dirs(
      Map<String, LogDirDescription> dirs, Set<String> topics) {
    return dirs.entrySet().stream()
        .map(
            dir -> {
              Map<String, Object> entry = new HashMap<>();
              entry.put("logDir", dir.getKey());
              Throwable error = dir.getValue().error();
              entry.put("error", error == null ? null : error.getClass().getName());
              Map<TopicPartition, ReplicaInfo> replicas =
                  dir.getValue().replicaInfos().entrySet().stream()
                      .filter(r -> topics.isEmpty() || topics.contains(r.getKey().topic()))
                      .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
              entry.put("partitions", replicas(replicas));
              return entry;
            })
        .toList();
  }

  private static List<Map<String, Object>> replicas(Map<TopicPartition, ReplicaInfo> replicas) {
    return replicas.entrySet().stream()
        .map(
            replica -> {
              Map<String, Object> entry = new HashMap<>();
              entry.put("partition", replica.getKey().toString());
              entry.put("size", replica.getValue().size());
              entry.put("offsetLag", replica.getValue().offsetLag());
              entry.put("isFuture", replica.getValue().isFuture());
              return entry;
            })
        .toList();
  }

  /** One replica in one directory, for the table. */
  record Row(int broker, String dir, TopicPartition partition, ReplicaInfo replica) {}

  /**
   * The table: one line per replica (a directory without any, or that failed, gets one line of its
   * own), sorted by broker, directory, topic and partition; then the totals per broker and per
   * topic.
   */
  static void printTable(Answer answer, Set<String> topics, PrintWriter out) {
    Table replicas = new Table("BROKER", "DIR", "PARTITION", "SIZE", "OFFSET-LAG", "FUTURE");
    Map<Integer, long[]> perBroker = new TreeMap<>();
    Map<String, long[]> perTopic = new TreeMap<>();
    for (Map.Entry<Integer, Map<String, LogDirDescription>> broker :
        new TreeMap<>(answer.dirs()).entrySet()) {
      long[] brokerTotal = perBroker.computeIfAbsent(broker.getKey(), b -> new long[2]);
      for (Map.Entry<String, LogDirDescription> dir : new TreeMap<>(broker.getValue()).entrySet()) {
        Throwable error = dir.getValue().error();
        if (error != null) {
          replicas.row(broker.getKey(), dir.getKey(), "error: " + describe(error), "", "", "");
          continue;
        }
        List<Row> rows = rows(broker.getKey(), dir.getKey(), dir.getValue(), topics);
        if (rows.isEmpty()) {
          replicas.row(broker.getKey(), dir.getKey(), "(no partitions)", "", "", "");
        }
        for (Row row : rows) {
          long size = row.replica().size();
          replicas.row(
              row.broker(),
              row.dir(),
              row.partition().toString(),
              human(size),
              row.replica().offsetLag(),
              row.replica().isFuture() ? "yes" : "no");
          brokerTotal[0]++;
          brokerTotal[1] += size;
          long[] topicTotal = perTopic.computeIfAbsent(row.partition().topic(), t -> new long[2]);
          topicTotal[0]++;
          topicTotal[1] += size;
        }
      }
    }
    replicas.print(out);
    out.println();
    Table brokers = new Table("BROKER", "REPLICAS", "SIZE");
    perBroker.forEach((id, total) -> brokers.row(id, total[0], human(total[1])));
    brokers.print(out);
    if (!perTopic.isEmpty()) {
      out.println();
      Table topicTable = new Table("TOPIC", "REPLICAS", "SIZE");
      perTopic.forEach((topic, total) -> topicTable.row(topic, total[0], human(total[1])));
      topicTable.print(out);
    }
    out.flush();
  }

  private static List<Row> rows(
      int broker, String dir, LogDirDescription description, Collection<String> topics) {
    List<Row> rows = new ArrayList<>();
    description
        .replicaInfos()
        .forEach(
            (partition, replica) -> {
              if (topics.isEmpty() || topics.contains(partition.topic())) {
                rows.add(new Row(broker, dir, partition, replica));
              }
            });
    rows.sort(
        Comparator.comparing((Row r) -> r.partition().topic())
            .thenComparingInt(r -> r.partition().partition())
            .thenComparing(r -> r.replica().isFuture()));
    return rows;
  }

  private static String describe(Throwable error) {
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }

  /** Bytes as people read them: 512 B, 1.5 KiB, 20.0 MiB. */
  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** The topics of --topic-list, as Apache splits it. */
  static Set<String> topics(String list) {
    return split(list).collect(Collectors.toCollection(TreeSet::new));
  }

  static java.util.stream.Stream<String> split(String list) {
    return java.util.Arrays.stream(list.split(",")).filter(s -> !s.isEmpty());
  }
}
