package io.kafkit.groups;

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
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * {@code --describe}: every group in a fixed number of requests, whatever their number: one
 * describe, one committed-offsets lookup for all groups, one end-offsets lookup for all partitions.
 */
final class DescribeGroups {
  private DescribeGroups() {}

  static int run(
      Admin admin, GroupsRequest request, OutputOptions output, PrintWriter out, PrintWriter err)
      throws Exception {
    GroupsView view = fetch(admin, groupIds(admin, request), request.view());
    output.print(view, (v, w) -> DescribeGroupsText.render(v, request, w, err), out);
    boolean missing = view.groups().stream().anyMatch(g -> !g.exists());
    return missing ? ExitCodes.FAILED : ExitCodes.OK;
  }

  static List<String> groupIds(Admin admin, GroupsRequest request) throws Exception {
    if (!request.allGroups()) {
      return request.groups();
    }
    return admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
        .map(GroupListing::groupId)
        .sorted()
        .toList();
  }

  static GroupsView fetch(Admin admin, List<String> named, GroupsRequest.View view)
      throws Exception {
    // by group id, as Apache's describe collects the groups into a TreeMap, whatever their order
    List<String> groupIds = named.stream().distinct().sorted().toList();
    Map<String, KafkaFuture<ConsumerGroupDescription>> described =
        groupIds.isEmpty() ? Map.of() : admin.describeConsumerGroups(groupIds).describedGroups();
    Map<String, ConsumerGroupDescription> descriptions = new LinkedHashMap<>();
    for (String id : groupIds) {
      try {
        descriptions.put(id, described.get(id).get());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
        descriptions.put(id, null);
      }
    }
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
    Map<TopicPartition, ListOffsetsResultInfo> ends = Map.of();
    if (view == GroupsRequest.View.OFFSETS) {
      List<String> known = new ArrayList<>();
      descriptions.forEach(
          (id, d) -> {
            if (d != null && d.groupState() != GroupState.DEAD) {
              known.add(id);
            }
          });
      committed = Offsets.committed(admin, known);
      Set<TopicPartition> partitions = new HashSet<>();
      committed.values().forEach(m -> partitions.addAll(m.keySet()));
      descriptions.values().stream()
          .filter(d -> d != null)
          .forEach(
              d -> d.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions())));
      ends = Offsets.latest(admin, partitions);
    }
    Map<String, String> otherTypes = otherTypes(admin, descriptions);
    List<GroupsView.Group> groups = new ArrayList<>();
    for (Map.Entry<String, ConsumerGroupDescription> e : descriptions.entrySet()) {
      if (otherTypes.containsKey(e.getKey())) {
        groups.add(
            new GroupsView.Group(
                e.getKey(),
                false,
                otherTypes.get(e.getKey()),
                "Dead",
                "-",
                "-",
                null,
                null,
                List.of(),
                List.of()));
        continue;
      }
      groups.add(
          group(e.getKey(), e.getValue(), committed.getOrDefault(e.getKey(), Map.of()), ends));
    }
    return new GroupsView(groups);
  }

  /**
   * The groups not found as consumer groups that are groups of another type (share, streams), by
   * name: their type, so that the error can name the tool to use. One listing, only when some group
   * was not found.
   */
  private static Map<String, String> otherTypes(
      Admin admin, Map<String, ConsumerGroupDescription> descriptions) throws Exception {
    Set<String> missing = new HashSet<>();
    descriptions.forEach(
        (id, d) -> {
          if (d == null) {
            missing.add(id);
          }
        });
    Map<String, String> types = new HashMap<>();
    if (missing.isEmpty()) {
      return types;
    }
    for (GroupListing g : admin.listGroups().all().get()) {
      if (missing.contains(g.groupId())
          && g.type().isPresent()
          && (g.type().get() == GroupType.SHARE || g.type().get() == GroupType.STREAMS)) {
        types.put(g.groupId(), g.type().get().toString());
      }
    }
    return types;
  }

  private static GroupsView.Group group(
      String id,
      ConsumerGroupDescription d,
      Map<TopicPartition, OffsetAndMetadata> committed,
      Map<TopicPartition, ListOffsetsResultInfo> ends) {
    if (d == null || d.groupState() == GroupState.DEAD) {
      return new GroupsView.Group(
          id, false, "-", "Dead", "-", "-", null, null, List.of(), List.of());
    }
    List<GroupsView.Member> members = new ArrayList<>();
    Map<TopicPartition, MemberDescription> owners = new HashMap<>();
    for (MemberDescription m : d.members()) {
      m.assignment().topicPartitions().forEach(tp -> owners.put(tp, m));
      members.add(
          new GroupsView.Member(
              m.consumerId(),
              m.groupInstanceId().orElse(null),
              m.host(),
              m.clientId(),
              m.assignment().topicPartitions().size(),
              m.memberEpoch().orElse(null),
              assignment(m.assignment()),
              d.targetAssignmentEpoch().isPresent() ? d.targetAssignmentEpoch().get() : null,
              m.targetAssignment().map(DescribeGroups::assignment).orElse(null)));
    }
    // Apache's order: members by assignment size (largest first), each member's partitions by
    // topic and number, then the committed partitions no member owns.
    Comparator<TopicPartition> byName =
        Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition);
    List<GroupsView.PartitionOffsets> rows = new ArrayList<>();
    d.members().stream()
        .filter(m -> !m.assignment().topicPartitions().isEmpty())
        .sorted(
            Comparator.comparingInt(
                (MemberDescription m) -> -m.assignment().topicPartitions().size()))
        .forEach(
            m ->
                m.assignment().topicPartitions().stream()
                    .sorted(byName)
                    .forEach(tp -> rows.add(row(tp, committed.get(tp), ends.get(tp), m))));
    committed.keySet().stream()
        .filter(tp -> !owners.containsKey(tp))
        .sorted(byName)
        .forEach(tp -> rows.add(row(tp, committed.get(tp), ends.get(tp), null)));
    String coordinator = GroupText.coordinator(d.coordinator());
    return new GroupsView.Group(
        id,
        true,
        d.type().toString(),
        d.groupState().toString(),
        coordinator,
        d.partitionAssignor() == null || d.partitionAssignor().isEmpty()
            ? "-"
            : d.partitionAssignor(),
        d.groupEpoch().orElse(null),
        d.targetAssignmentEpoch().orElse(null),
        members,
        rows);
  }

  private static GroupsView.PartitionOffsets row(
      TopicPartition tp,
      OffsetAndMetadata committed,
      ListOffsetsResultInfo end,
      MemberDescription owner) {
    Long current = committed == null ? null : committed.offset();
    Long logEnd = end == null ? null : end.offset();
    Long lag = current != null && logEnd != null ? Math.max(0, logEnd - current) : null;
    Integer epoch = committed == null ? null : committed.leaderEpoch().orElse(null);
    return new GroupsView.PartitionOffsets(
        tp.topic(),
        tp.partition(),
        epoch,
        current,
        logEnd,
        lag,
        owner == null ? null : owner.consumerId(),
        owner == null ? null : owner.host(),
        owner == null ? null : owner.clientId());
  }

  /** {@code topic:0,1,2;other:0}, topics and partitions sorted. */
  static String assignment(MemberAssignment assignment) {
    return GroupText.assignment(assignment.topicPartitions());
  }
}
