package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * kafka-streams-application-reset.sh's run: the application's consumer group must have no members
 * (or --force removes them); its input topics' offsets are reset, its intermediate topics' moved to
 * the end, then its internal topics deleted, with Apache's lines in Apache's order (its hash sets'
 * order, reproduced with the same collections). Unlike Apache, every input is checked and every new
 * offset computed before anything changes.
 */
final class StreamsReset {
  private static final Pattern FK_JOIN_TOPIC =
      Pattern.compile(".+-KTABLE-FK-JOIN-SUBSCRIPTION-(REGISTRATION|RESPONSE)-\\d+-topic");

  /** What to reset and delete. */
  record Request(
      String applicationId,
      List<String> inputTopics,
      List<String> intermediateTopics,
      List<String> internalTopics,
      ResetTarget target,
      boolean force,
      boolean dryRun) {
    static Request of(StreamsResetCommand c) {
      ResetOptions r = new ResetOptions();
      r.toOffset = c.toOffset;
      r.toDatetime = c.toDatetime;
      r.byDuration = c.byDuration;
      r.toLatest = c.toLatest;
      r.fromFile = c.fromFile;
      r.shiftBy = c.shiftBy;
      r.toEarliest = c.toEarliest || r.specCount() == 0;
      return new Request(
          c.applicationId,
          List.copyOf(c.inputTopics),
          List.copyOf(c.intermediateTopics),
          List.copyOf(c.internalTopics),
          ResetTarget.of(r, List.of(c.applicationId)),
          c.force,
          c.dryRun);
    }
  }

  /** A new committed offset: of an input topic's partition, or an intermediate topic's end. */
  record NewOffset(String topic, int partition, long offset, boolean intermediate) {}

  /** What --output json prints. */
  record Result(
      String applicationId,
      boolean dryRun,
      int membersRemoved,
      List<String> inputTopicsNotFound,
      List<String> intermediateTopicsNotFound,
      List<NewOffset> offsets,
      List<String> internalTopics,
      boolean internalTopicsInferred) {}

  /** The new offsets of the found topics' partitions, in Apache's sets, and Apache's notes. */
  private record Seek(
      Set<TopicPartition> inputPartitions,
      Set<TopicPartition> intermediatePartitions,
      Map<TopicPartition, Long> planned,
      Map<TopicPartition, Long> end,
      List<String> notes) {}

  private final Admin admin;
  private final Request request;
  private final Properties clientProperties;

  StreamsReset(Admin admin, Request request, Properties clientProperties) {
    this.admin = admin;
    this.request = request;
    this.clientProperties = clientProperties;
  }

  int run(OutputOptions output, PrintWriter out, PrintWriter err) throws Exception {
    String app = request.applicationId();
    PrintWriter text = output.json() ? new PrintWriter(Writer.nullWriter()) : out;
    PrintWriter notes = output.json() ? err : out;
    ApplicationMembers group = new ApplicationMembers(admin, request.applicationId());
    List<MemberDescription> members = group.refuseRunning(request.force());
    List<String> allTopics = new ArrayList<>(admin.listTopics().names().get());
    List<String> inferred = allTopics.stream().filter(this::isInferredInternalTopic).toList();
    List<String> toDelete =
        request.internalTopics().isEmpty() ? inferred : request.internalTopics();
    for (String topic : request.internalTopics()) {
      if (!inferred.contains(topic)) {
        throw new KafkitException(
            "--internal-topics: '"
                + topic
                + "' is not an internal topic of application '"
                + app
                + "' (they are "
                + inferred
                + "). Nothing was changed.");
      }
    }

    int code = ExitCodes.OK;
    List<NewOffset> offsets = new ArrayList<>();
    List<String> inputsNotFound = new ArrayList<>();
    List<String> intermediatesNotFound = new ArrayList<>();
    List<String> inputs = request.inputTopics();
    List<String> intermediates = request.intermediateTopics();
    // Apache's collection, so that its lines come in its order
    Set<String> found = new HashSet<>(inputs.size() + intermediates.size());
    for (String topic : inputs) {
      (allTopics.contains(topic) ? found : inputsNotFound).add(topic);
    }
    for (String topic : intermediates) {
      (allTopics.contains(topic) ? found : intermediatesNotFound).add(topic);
    }
    Seek seek = found.isEmpty() ? null : planSeek(found);
    int removed = group.remove(members, request.dryRun(), text, err);

    if (request.dryRun()) {
      text.println(
          "----Dry run displays the actions which will be performed when running Streams Reset"
              + " Tool----");
    }
    if (!intermediates.isEmpty()) {
      notes.println(
          "WARN: `--intermediate-topics` is deprecated and will be removed in a future release");
    }
    if (inputs.isEmpty() && intermediates.isEmpty()) {
      text.println("No input or intermediate topics specified. Skipping seek.");
    } else {
      if (!inputs.isEmpty()) {
        text.println("Reset-offsets for input topics " + inputs);
      }
      if (!intermediates.isEmpty()) {
        text.println("Seek-to-end for intermediate topics " + intermediates);
      }
      if (!inputsNotFound.isEmpty()) {
        text.println("Following input topics are not found, skipping them");
        inputsNotFound.forEach(t -> text.println("Topic: " + t));
        code = ExitCodes.FAILED;
      }
      if (!intermediatesNotFound.isEmpty()) {
        text.println("Following intermediate topics are not found, skipping them");
        intermediatesNotFound.forEach(t -> text.println("Topic:" + t));
        code = ExitCodes.FAILED;
      }
      if (seek != null) {
        applySeek(seek, offsets, text, notes);
        text.println("Done.");
      }
    }

    text.println(
        (request.internalTopics().isEmpty()
                ? "Deleting inferred internal topics "
                : "Deleting specified internal topics ")
            + toDelete);
    if (!request.dryRun() && !deleteTopics(toDelete, err)) {
      code = ExitCodes.FAILED;
    } else {
      text.println("Done.");
    }
    if (output.json()) {
      output.print(
          new Result(
              app,
              request.dryRun(),
              removed,
              inputsNotFound,
              intermediatesNotFound,
              offsets,
              toDelete,
              request.internalTopics().isEmpty()),
          (r, w) -> {},
          out);
    }
    return code;
  }

  /**
   * Plans the new offsets of the found topics' partitions, commits them unless this is a dry run,
   * and prints them as Apache does.
   */
  private Seek planSeek(Set<String> found) throws Exception {
    var described = admin.describeTopics(found).allTopicNames().get();
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : found) {
      described.get(topic).partitions().stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .sorted(Comparator.comparingInt(TopicPartition::partition))
          .forEach(partitions::add);
    }
    Set<TopicPartition> inputPartitions = new HashSet<>();
    Set<TopicPartition> intermediatePartitions = new HashSet<>();
    for (TopicPartition tp : partitions) {
      if (request.inputTopics().contains(tp.topic())) {
        inputPartitions.add(tp);
      } else {
        intermediatePartitions.add(tp);
      }
    }
    Map<TopicPartition, Long> begin = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    List<String> planNotes = new ArrayList<>();
    Map<TopicPartition, Long> planned = plan(inputPartitions, begin, end, planNotes);
    return new Seek(inputPartitions, intermediatePartitions, planned, end, planNotes);
  }

  /** Commits a planned seek (unless this is a dry run) and prints it as Apache does. */
  private void applySeek(Seek seek, List<NewOffset> offsets, PrintWriter text, PrintWriter notes)
      throws Exception {
    Set<TopicPartition> inputPartitions = seek.inputPartitions();
    Set<TopicPartition> intermediatePartitions = seek.intermediatePartitions();
    Map<TopicPartition, Long> planned = seek.planned();
    Map<TopicPartition, Long> end = seek.end();
    List<String> planNotes = seek.notes();

    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    for (TopicPartition tp : inputPartitions) {
      offsets.add(new NewOffset(tp.topic(), tp.partition(), planned.get(tp), false));
      commit.put(tp, new OffsetAndMetadata(planned.get(tp)));
    }
    for (TopicPartition tp : intermediatePartitions) {
      offsets.add(new NewOffset(tp.topic(), tp.partition(), end.get(tp), true));
      commit.put(tp, new OffsetAndMetadata(end.get(tp)));
    }
    if (!request.dryRun()) {
      try {
        admin.alterConsumerGroupOffsets(request.applicationId(), commit).all().get();
      } catch (ExecutionException e) {
        throw new KafkitException(
            "Could not commit the new offsets of group '"
                + request.applicationId()
                + "': "
                + KafkaErrors.unwrap(e).getMessage()
                + " Is an instance of the application running? Stop every instance, then run"
                + " again.",
            e);
      }
    }

    String app = request.applicationId();
    if (!inputPartitions.isEmpty()) {
      text.println(
          "Following input topics offsets will be reset to (for consumer group " + app + ")");
      planNotes.forEach(notes::println);
      for (TopicPartition tp : inputPartitions) {
        text.println(
            "Topic: "
                + tp.topic()
                + " Partition: "
                + tp.partition()
                + " Offset: "
                + planned.get(tp));
      }
    }
    if (!intermediatePartitions.isEmpty()) {
      text.println(
          "Following intermediate topics offsets will be reset to end (for consumer group "
              + app
              + ")");
      intermediatePartitions.forEach(tp -> text.println("Topic: " + tp.topic()));
    }
  }

  /** The input partitions' new offsets; the notes Apache prints about them, in its order. */
  private Map<TopicPartition, Long> plan(
      Set<TopicPartition> partitions,
      Map<TopicPartition, Long> begin,
      Map<TopicPartition, Long> end,
      List<String> notes)
      throws Exception {
    ResetTarget target = request.target();
    Map<TopicPartition, Long> planned = new HashMap<>();
    switch (target.kind) {
      case EARLIEST -> partitions.forEach(tp -> planned.put(tp, begin.get(tp)));
      case LATEST -> partitions.forEach(tp -> planned.put(tp, end.get(tp)));
      case OFFSET -> {
        Map<TopicPartition, Long> to = new HashMap<>(partitions.size());
        partitions.forEach(tp -> to.put(tp, target.value));
        return inRange(to, begin, end, notes);
      }
      case SHIFT -> {
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        boolean fromEarliest =
            "earliest".equalsIgnoreCase(clientProperties.getProperty("auto.offset.reset", ""));
        Map<TopicPartition, Long> to = new HashMap<>(partitions.size());
        for (TopicPartition tp : partitions) {
          OffsetAndMetadata c = committed.get(tp);
          long from = c != null ? c.offset() : fromEarliest ? begin.get(tp) : end.get(tp);
          to.put(tp, from + target.value);
        }
        return inRange(to, begin, end, notes);
      }
      case TIME -> {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(tp -> specs.put(tp, OffsetSpec.forTimestamp(target.value)));
        Map<TopicPartition, ListOffsetsResultInfo> at = admin.listOffsets(specs).all().get();
        for (TopicPartition tp : partitions) {
          ListOffsetsResultInfo info = at.get(tp);
          if (info != null && info.offset() != -1) {
            planned.put(tp, info.offset());
          } else {
            planned.put(tp, end.get(tp));
            notes.add(
                "Partition "
                    + tp.partition()
                    + " from topic "
                    + tp.topic()
                    + " is empty, without a committed record. Falling back to latest known"
                    + " offset.");
          }
        }
      }
      case FILE -> {
        return inRange(fromFile(partitions), begin, end, notes);
      }
      default -> throw new IllegalStateException("no reset target " + target.kind);
    }
    return planned;
  }

  /** The --from-file plan, which must name exactly the input topics' partitions. */
  private Map<TopicPartition, Long> fromFile(Set<TopicPartition> partitions) {
    String app = request.applicationId();
    Map<String, Map<TopicPartition, Long>> file = request.target().fromFile;
    for (String group : file.keySet()) {
      if (!group.equals(app)) {
        throw new KafkitException(
            "--from-file names group '" + group + "', not the application '" + app + "'.");
      }
    }
    Map<TopicPartition, Long> plan = file.getOrDefault(app, new HashMap<>());
    for (TopicPartition tp : plan.keySet()) {
      if (!partitions.contains(tp)) {
        throw new KafkitException(
            "--from-file names "
                + tp
                + ", which is not a partition of the input topics: give offsets of exactly"
                + " their partitions. Nothing was changed.");
      }
    }
    for (TopicPartition tp : partitions) {
      if (!plan.containsKey(tp)) {
        throw new KafkitException(
            "--from-file has no offset for "
                + tp
                + ": give offsets of exactly the input topics' partitions. Nothing was changed.");
      }
    }
    return plan;
  }

  /**
   * Apache's range check: an offset not above the earliest becomes the earliest, one not below the
   * latest the latest, each with Apache's note (also when nothing changes, as Apache notes).
   */
  private static Map<TopicPartition, Long> inRange(
      Map<TopicPartition, Long> offsets,
      Map<TopicPartition, Long> begin,
      Map<TopicPartition, Long> end,
      List<String> notes) {
    Map<TopicPartition, Long> checked = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
      long offset = e.getValue();
      long first = begin.get(e.getKey());
      long last = end.get(e.getKey());
      if (offset < last) {
        if (offset > first) {
          checked.put(e.getKey(), offset);
        } else {
          notes.add(
              "New offset ("
                  + offset
                  + ") is lower than earliest offset. Value will be set to "
                  + first);
          checked.put(e.getKey(), first);
        }
      } else {
        notes.add(
            "New offset ("
                + offset
                + ") is higher than latest offset. Value will be set to "
                + last);
        checked.put(e.getKey(), last);
      }
    }
    return checked;
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws Exception {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    partitions.forEach(tp -> specs.put(tp, spec));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    admin.listOffsets(specs).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
    return offsets;
  }

  private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(request.applicationId())
              .partitionsToOffsetAndMetadata()
              .get();
      Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
      committed.forEach(
          (tp, o) -> {
            if (o != null) {
              present.put(tp, o);
            }
          });
      return present;
    } catch (ExecutionException e) {
      if (KafkaErrors.unwrap(e) instanceof GroupIdNotFoundException) {
        return Map.of();
      }
      throw e;
    }
  }

  private boolean deleteTopics(List<String> topics, PrintWriter err) throws Exception {
    if (topics.isEmpty()) {
      return true;
    }
    var results = admin.deleteTopics(topics).topicNameValues();
    boolean deleted = true;
    for (String topic : new java.util.LinkedHashSet<>(topics)) {
      try {
        results.get(topic).get();
      } catch (ExecutionException e) {
        err.println(
            "Error: Could not delete topic " + topic + ": " + KafkaErrors.unwrap(e).getMessage());
        deleted = false;
      }
    }
    err.flush();
    return deleted;
  }

  /** Apache's rule: a topic named like Kafka Streams names its internal topics. */
  boolean isInferredInternalTopic(String topic) {
    return !request.inputTopics().contains(topic)
        && !request.intermediateTopics().contains(topic)
        && topic.startsWith(request.applicationId() + "-")
        && (topic.endsWith("-changelog")
            || topic.endsWith("-repartition")
            || topic.endsWith("-subscription-registration-topic")
            || topic.endsWith("-subscription-response-topic")
            || FK_JOIN_TOPIC.matcher(topic).matches());
  }
}
