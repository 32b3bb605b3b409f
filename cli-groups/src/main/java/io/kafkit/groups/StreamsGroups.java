package io.kafkit.groups;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeStreamsGroupsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupMemberAssignment;
import org.apache.kafka.clients.admin.StreamsGroupMemberDescription;
import org.apache.kafka.clients.admin.StreamsGroupSubtopologyDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Streams groups as kafka-streams-groups.sh reads them: the listing, and each group's description
 * with its members' tasks, topology and the offsets of the partitions its active tasks read.
 */
final class StreamsGroups {
  final Admin admin;
  final StreamsGroupsRequest request;

  StreamsGroups(Admin admin, StreamsGroupsRequest request) {
    this.admin = admin;
    this.request = request;
  }

  /** A listed streams group. */
  record Listed(String group, String state) {}

  /** What --list prints, and whether with states. */
  record Listing(List<Listed> groups, boolean showState) {}

  /** What --describe found: one entry per group asked for. */
  record View(List<Group> groups) {}

  /**
   * A group; {@code exists} false for a group that is not a streams group of the cluster, and then
   * {@code missing} says why, as the text prints it.
   */
  record Group(
      String group,
      boolean exists,
      String state,
      String coordinator,
      String assignor,
      Integer groupEpoch,
      Integer targetAssignmentEpoch,
      Integer topologyEpoch,
      List<Member> members,
      List<PartitionOffsets> partitions,
      String topology,
      String topologyStatus,
      @JsonIgnore String missing) {}

  /** The groups that describe() found to be groups of another type: the broker's words. */
  private final Map<String, String> otherTypes = new HashMap<>();

  /** A member; its tasks as {@code subtopology:[partitions]} lists. */
  record Member(
      String memberId,
      String processId,
      String clientId,
      String protocol,
      int memberEpoch,
      Tasks assignment,
      Tasks targetAssignment) {}

  /** A member's active, standby and warm-up tasks. */
  record Tasks(List<TaskIds> active, List<TaskIds> standby, List<TaskIds> warmup) {
    static Tasks of(StreamsGroupMemberAssignment a) {
      return new Tasks(ids(a.activeTasks()), ids(a.standbyTasks()), ids(a.warmupTasks()));
    }

    private static List<TaskIds> ids(List<StreamsGroupMemberAssignment.TaskIds> tasks) {
      return tasks.stream().map(t -> new TaskIds(t.subtopologyId(), t.partitions())).toList();
    }
  }

  /** A subtopology's tasks: one per partition of its source topics. */
  record TaskIds(String subtopology, List<Integer> partitions) {}

  /** A partition an active task reads: its committed offset, end and lag. */
  record PartitionOffsets(
      String topic,
      int partition,
      Long currentOffset,
      Integer leaderEpoch,
      long logEndOffset,
      long lag) {}

  List<String> groupIds() throws Exception {
    if (!request.allGroups()) {
      return request.groups();
    }
    return listed().stream().map(GroupListing::groupId).sorted().toList();
  }

  private List<GroupListing> listed() throws Exception {
    ListGroupsOptions options = new ListGroupsOptions().withTypes(Set.of(GroupType.STREAMS));
    if (!request.states().isEmpty()) {
      options.inGroupStates(request.states());
    }
    return new ArrayList<>(admin.listGroups(options).all().get());
  }

  int list(OutputOptions output, PrintWriter out) throws Exception {
    List<Listed> groups =
        listed().stream()
            .sorted(Comparator.comparing(GroupListing::groupId))
            .map(g -> new Listed(g.groupId(), g.groupState().orElse(GroupState.UNKNOWN).toString()))
            .toList();
    output.print(new Listing(groups, request.showState()), StreamsGroupsText::list, out);
    return ExitCodes.OK;
  }

  int describe(OutputOptions output, PrintWriter out, PrintWriter err) throws Exception {
    View view = fetch(groupIds());
    output.print(view, (v, w) -> StreamsGroupsText.describe(v, request, w, err), out);
    boolean topologyMissing =
        request.view() == StreamsGroupsRequest.View.TOPOLOGY
            && view.groups().stream().anyMatch(g -> g.exists() && g.topology() == null);
    return view.groups().stream().allMatch(Group::exists) && !topologyMissing
        ? ExitCodes.OK
        : ExitCodes.FAILED;
  }

  /** The named groups' descriptions, with offsets when the view shows them. */
  View fetch(List<String> ids) throws Exception {
    Map<String, StreamsGroupDescription> described = describe(ids);
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = Map.of();
    Map<TopicPartition, ListOffsetsResultInfo> earliest = Map.of();
    Map<TopicPartition, ListOffsetsResultInfo> latest = Map.of();
    if (request.view() == StreamsGroupsRequest.View.OFFSETS) {
      List<String> live =
          described.entrySet().stream()
              .filter(e -> e.getValue() != null)
              .map(Map.Entry::getKey)
              .toList();
      committed = committed(live);
      Set<TopicPartition> read = new HashSet<>();
      for (String id : live) {
        read.addAll(activePartitions(described.get(id)));
      }
      earliest = Offsets.earliest(admin, read);
      latest = Offsets.latest(admin, read);
    }
    List<Group> groups = new ArrayList<>();
    for (String id : ids) {
      StreamsGroupDescription d = described.get(id);
      groups.add(
          d == null
              ? new Group(
                  id,
                  false,
                  "Dead",
                  "-",
                  "-",
                  null,
                  null,
                  null,
                  List.of(),
                  List.of(),
                  null,
                  null,
                  otherTypes.getOrDefault(id, "Streams group '" + id + "' does not exist."))
              : group(d, committed.getOrDefault(id, Map.of()), earliest, latest));
    }
    return new View(groups);
  }

  /** Each group's description, null for one that is not a streams group of the cluster. */
  Map<String, StreamsGroupDescription> describe(List<String> ids) throws Exception {
    Map<String, KafkaFuture<StreamsGroupDescription>> futures =
        ids.isEmpty()
            ? Map.of()
            : admin
                .describeStreamsGroups(
                    ids,
                    new DescribeStreamsGroupsOptions()
                        .includeTopologyDescription(
                            request.view() == StreamsGroupsRequest.View.TOPOLOGY))
                .describedGroups();
    Map<String, StreamsGroupDescription> described = new LinkedHashMap<>();
    for (String id : ids) {
      try {
        StreamsGroupDescription d = futures.get(id).get();
        described.put(id, d.groupState() == GroupState.DEAD ? null : d);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException notFound)) {
          throw e;
        }
        // a group of another type: Apache's tool prints the broker's words, "Group x is not a
        // streams group."
        String why = notFound.getMessage();
        if (why != null && why.endsWith(" is not a streams group.")) {
          otherTypes.put(id, why);
        }
        described.put(id, null);
      }
    }
    return described;
  }

  /** Each group's committed offsets (of any topic), in one request. */
  Map<String, Map<TopicPartition, OffsetAndMetadata>> committed(List<String> groups)
      throws Exception {
    Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = new LinkedHashMap<>();
    if (groups.isEmpty()) {
      return offsets;
    }
    Map<String, ListStreamsGroupOffsetsSpec> specs = new LinkedHashMap<>();
    groups.forEach(g -> specs.put(g, new ListStreamsGroupOffsetsSpec()));
    var result = admin.listStreamsGroupOffsets(specs);
    for (String group : groups) {
      try {
        Map<TopicPartition, OffsetAndMetadata> found = new HashMap<>();
        result
            .partitionsToOffsetAndMetadata(group)
            .get()
            .forEach(
                (tp, o) -> {
                  if (o != null) {
                    found.put(tp, o);
                  }
                });
        offsets.put(group, found);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
        offsets.put(group, Map.of());
      }
    }
    return offsets;
  }

  /** The topics a group's topology reads: its subtopologies' source and repartition topics. */
  static Set<String> inputTopics(StreamsGroupDescription d) {
    Set<String> topics = new HashSet<>();
    for (StreamsGroupSubtopologyDescription s : d.subtopologies()) {
      topics.addAll(s.sourceTopics());
      topics.addAll(s.repartitionSourceTopics().keySet());
    }
    return topics;
  }

  /** The partitions the members' active tasks read. */
  static Set<TopicPartition> activePartitions(StreamsGroupDescription d) {
    Map<String, List<String>> topicsOf = new HashMap<>();
    for (StreamsGroupSubtopologyDescription s : d.subtopologies()) {
      List<String> topics = new ArrayList<>(s.sourceTopics());
      topics.addAll(s.repartitionSourceTopics().keySet());
      topicsOf.put(s.subtopologyId(), topics);
    }
    Set<TopicPartition> partitions = new HashSet<>();
    for (StreamsGroupMemberDescription m : d.members()) {
      for (StreamsGroupMemberAssignment.TaskIds task : m.assignment().activeTasks()) {
        for (String topic : topicsOf.getOrDefault(task.subtopologyId(), List.of())) {
          task.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p)));
        }
      }
    }
    return partitions;
  }

  private static Group group(
      StreamsGroupDescription d,
      Map<TopicPartition, OffsetAndMetadata> committed,
      Map<TopicPartition, ListOffsetsResultInfo> earliest,
      Map<TopicPartition, ListOffsetsResultInfo> latest) {
    List<Member> members = new ArrayList<>();
    for (StreamsGroupMemberDescription m : d.members()) {
      members.add(
          new Member(
              m.memberId(),
              m.processId(),
              m.clientId(),
              m.isClassic() ? "classic" : "streams",
              m.memberEpoch(),
              Tasks.of(m.assignment()),
              Tasks.of(m.targetAssignment())));
    }
    List<PartitionOffsets> partitions = new ArrayList<>();
    Set<TopicPartition> read = new HashSet<>(activePartitions(d));
    read.retainAll(latest.keySet());
    for (TopicPartition tp : ResetOffsets.apacheOrder(read)) {
      OffsetAndMetadata c = committed.get(tp);
      long end = latest.get(tp).offset();
      long start = earliest.containsKey(tp) ? earliest.get(tp).offset() : 0;
      partitions.add(
          new PartitionOffsets(
              tp.topic(),
              tp.partition(),
              c == null ? null : c.offset(),
              c == null ? null : c.leaderEpoch().orElse(null),
              end,
              c == null ? end - start : end - c.offset()));
    }
    return new Group(
        d.groupId(),
        true,
        d.groupState().toString(),
        StreamsGroupsText.coordinator(d),
        d.assignorName().orElse(""),
        d.groupEpoch(),
        d.targetAssignmentEpoch(),
        d.topologyEpoch(),
        members,
        partitions,
        d.topologyDescription().map(TopologyText::format).orElse(null),
        d.topologyDescriptionStatus().toString(),
        null);
  }
}
