package io.kafkit.admin;

import io.kafkit.common.cli.KafkitException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeletedRecords;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** delete-records' actions: the deletion, what it would do (a dry run), and the partitions. */
final class DeleteRecords {
  private DeleteRecords() {}

  /** One partition's new low watermark, or the error that kept it (Apache's words). */
  record Deleted(String topic, int partition, Long lowWatermark, String error) {}

  /** What a dry run finds: where the partition starts now and would start, and what goes. */
  record Planned(
      String topic, int partition, long startOffset, long newStartOffset, long records) {}

  /**
   * Deletes, in the order the client answers (as Apache prints it). Each line is printed as its
   * partition's answer comes, through {@code line} (null for none: JSON).
   */
  static List<Deleted> run(Admin admin, Map<TopicPartition, Long> offsets, PrintWriter line)
      throws InterruptedException {
    Set<TopicPartition> unknown = unknown(admin, offsets.keySet());
    Map<TopicPartition, RecordsToDelete> request = new HashMap<>();
    offsets.forEach(
        (tp, offset) -> {
          if (!unknown.contains(tp)) {
            request.put(tp, RecordsToDelete.beforeOffset(offset));
          }
        });
    if (line != null) {
      line.println("Executing records delete operation");
    }
    Map<TopicPartition, KafkaFuture<DeletedRecords>> answers =
        request.isEmpty() ? Map.of() : admin.deleteRecords(request).lowWatermarks();
    if (line != null) {
      line.println("Records delete operation completed:");
    }
    List<Deleted> deleted = new ArrayList<>();
    for (TopicPartition tp : unknown) {
      Deleted d = new Deleted(tp.topic(), tp.partition(), null, UNKNOWN);
      if (line != null) {
        line.printf("partition: %s\terror: %s%n", tp, d.error());
      }
      deleted.add(d);
    }
    answers.forEach(
        (tp, answer) -> {
          Deleted d;
          try {
            d = new Deleted(tp.topic(), tp.partition(), answer.get().lowWatermark(), null);
          } catch (ExecutionException e) {
            d = new Deleted(tp.topic(), tp.partition(), null, e.getMessage());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
          }
          if (line != null) {
            line.printf(
                d.error() == null
                    ? "partition: %s\tlow_watermark: %s%n"
                    : "partition: %s\terror: %s%n",
                tp,
                d.error() == null ? d.lowWatermark() : d.error());
            line.flush();
          }
          deleted.add(d);
        });
    return deleted;
  }

  /**
   * The one line on stderr after partitions were refused (their lines on stdout say why, in
   * Apache's words): which, and what to give instead of an offset the broker found out of range,
   * below -1 (no offset) or beyond the partition's end.
   */
  static String failureLine(List<Deleted> failed, Map<TopicPartition, Long> requested) {
    String partitions =
        failed.stream()
            .map(d -> d.topic() + "-" + d.partition())
            .collect(java.util.stream.Collectors.joining(", "));
    boolean outOfRange =
        failed.stream().allMatch(d -> d.error().contains("OffsetOutOfRangeException"));
    long negative =
        failed.stream()
            .filter(
                d -> requested.getOrDefault(new TopicPartition(d.topic(), d.partition()), 0L) < -1)
            .count();
    String why;
    if (!outOfRange) {
      why = " (the error lines above say why).";
    } else if (negative == failed.size()) {
      why = " (an offset below -1 is no offset: give 0 or more, or -1 to delete every record).";
    } else if (negative == 0) {
      why =
          " (an offset beyond the partition's end: 'kafkit get-offsets' shows where each ends;"
              + " -1 deletes every record).";
    } else {
      why =
          " (offsets below -1, which are no offsets, or beyond the partition's end: 'kafkit"
              + " get-offsets' shows where each ends; -1 deletes every record).";
    }
    return "Error: the records of "
        + failed.size()
        + (failed.size() == 1 ? " partition were" : " partitions were")
        + " not deleted: "
        + partitions
        + why;
  }

  /** The error line of a partition that does not exist, as the client words it. */
  static final String UNKNOWN =
      UnknownTopicOrPartitionException.class.getName()
          + ": This server does not host this topic-partition.";

  /**
   * The partitions that do not exist, found with one DescribeTopics. For them the admin client
   * would wait for metadata until its timeout (Apache's tool: a minute), then report a timeout.
   */
  private static Set<TopicPartition> unknown(Admin admin, Set<TopicPartition> partitions)
      throws InterruptedException {
    Set<String> topics = new HashSet<>();
    partitions.forEach(tp -> topics.add(tp.topic()));
    Map<String, KafkaFuture<TopicDescription>> described =
        admin.describeTopics(topics).topicNameValues();
    Set<TopicPartition> unknown = new HashSet<>();
    for (TopicPartition tp : partitions) {
      try {
        int count = described.get(tp.topic()).get().partitions().size();
        if (tp.partition() < 0 || tp.partition() >= count) {
          unknown.add(tp);
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          unknown.add(tp);
        } // anything else: the deletion itself meets it and says so
      }
    }
    return unknown;
  }

  /** What deleting would do: each partition's start offset now and after, sorted. */
  static List<Planned> plan(Admin admin, Map<TopicPartition, Long> offsets)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    offsets.keySet().forEach(tp -> starts.put(tp, OffsetSpec.earliest()));
    offsets.keySet().forEach(tp -> ends.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start =
        admin.listOffsets(starts).all().get();
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
        admin.listOffsets(ends).all().get();
    List<Planned> planned = new ArrayList<>();
    offsets.forEach(
        (tp, offset) -> {
          long from = start.get(tp).offset();
          long highWatermark = end.get(tp).offset();
          if (offset < -1) {
            throw new KafkitException(
                "Partition "
                    + tp
                    + ": "
                    + offset
                    + " is no offset: give 0 or more, or -1 to delete every record (Apache's tool"
                    + " reports OffsetOutOfRangeException).");
          }
          long before = offset == -1 ? highWatermark : offset;
          if (before > highWatermark) {
            throw new KafkitException(
                "Partition "
                    + tp
                    + " ends at offset "
                    + highWatermark
                    + ": records before "
                    + before
                    + " cannot be deleted (Apache's tool reports OffsetOutOfRangeException).");
          }
          long to = Math.max(from, before);
          planned.add(new Planned(tp.topic(), tp.partition(), from, to, to - from));
        });
    planned.sort(Comparator.comparing((Planned p) -> p.topic()).thenComparing(Planned::partition));
    return planned;
  }

  static void planText(List<Planned> planned, PrintWriter out) {
    out.println("Dry run: no records deleted. Records delete operation would give:");
    for (Planned p : planned) {
      out.printf(
          "partition: %s-%d\tlow_watermark: %d -> %d\trecords deleted: %d%n",
          p.topic(), p.partition(), p.startOffset(), p.newStartOffset(), p.records());
    }
  }

  /**
   * The offsets for {@code --topic}: every partition of the topic (or the one given), before the
   * offset given, or before the first record at or after the time given (every record when none
   * is).
   */
  static Map<TopicPartition, Long> forTopic(
      Admin admin, String topic, Integer partition, Long beforeOffset, OffsetSpec beforeTime)
      throws ExecutionException, InterruptedException {
    TopicDescription description =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    List<TopicPartition> partitions = new ArrayList<>();
    description.partitions().stream()
        .filter(p -> partition == null || p.partition() == partition)
        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    if (partitions.isEmpty()) {
      throw new KafkitException(
          "Topic '"
              + topic
              + "' has no partition "
              + partition
              + " (it has "
              + description.partitions().size()
              + ").");
    }
    Map<TopicPartition, Long> offsets = new HashMap<>();
    if (beforeOffset != null) {
      partitions.forEach(tp -> offsets.put(tp, beforeOffset));
      return offsets;
    }
    Map<TopicPartition, OffsetSpec> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, beforeTime));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found =
        admin.listOffsets(query).all().get();
    // no record at or after the time: every record is older, so all go (-1: the high watermark)
    found.forEach((tp, info) -> offsets.put(tp, info.offset() >= 0 ? info.offset() : -1L));
    return offsets;
  }
}
