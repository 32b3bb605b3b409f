package io.kafkit.groups;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Share groups as kafka-share-groups.sh reads them: the listing, and each group's description with
 * its start offsets, every kind in one request whatever the number of groups.
 */
final class ShareGroups {
  final Admin admin;
  final GroupsRequest request;

  ShareGroups(Admin admin, GroupsRequest request) {
    this.admin = admin;
    this.request = request;
  }

  /** A listed share group. */
  record Listed(String group, String state) {}

  /** What --list prints, and whether with states. */
  record Listing(List<Listed> groups, boolean showState) {}

  /** What --describe found: one entry per group asked for. */
  record View(List<Group> groups) {}

  /**
   * A group; {@code exists} false for a group that is not a share group of the cluster, and then
   * {@code missing} says why, as the text prints it.
   */
  record Group(
      String group,
      boolean exists,
      String state,
      String coordinator,
      Integer groupEpoch,
      Integer assignmentEpoch,
      List<Member> members,
      List<PartitionOffsets> partitions,
      @JsonIgnore String missing) {}

  /** The groups that describe() found to be groups of another type: the broker's words. */
  private final Map<String, String> otherTypes = new HashMap<>();

  /** A member and its assignment as {@code topic:0,1;other:0}. */
  record Member(
      String consumerId,
      String host,
      String clientId,
      int partitions,
      int memberEpoch,
      String assignment) {}

  /** A partition's start offset (where the group's next delivery begins) and lag. */
  record PartitionOffsets(
      String topic, int partition, Integer leaderEpoch, Long startOffset, Long lag) {}

  List<String> groupIds() throws Exception {
    if (!request.allGroups()) {
      return request.groups();
    }
    return listed().stream().map(GroupListing::groupId).sorted().toList();
  }

  private List<GroupListing> listed() throws Exception {
    ListGroupsOptions options = ListGroupsOptions.forShareGroups();
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
    output.print(new Listing(groups, request.showState()), ShareGroupsText::list, out);
    return ExitCodes.OK;
  }

  int describe(OutputOptions output, PrintWriter out, PrintWriter err) throws Exception {
    View view = fetch(groupIds());
    output.print(view, (v, w) -> ShareGroupsText.describe(v, request, w, err), out);
    return view.groups().stream().allMatch(Group::exists) ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /**
   * The named groups' descriptions, with start offsets when the view shows them, by group id as
   * Apache's describe collects them (into a TreeMap).
   */
  View fetch(List<String> named) throws Exception {
    List<String> ids = named.stream().distinct().sorted().toList();
    Map<String, ShareGroupDescription> described = describe(ids);
    Map<String, Map<TopicPartition, SharePartitionOffsetInfo>> offsets = Map.of();
    if (request.view() == GroupsRequest.View.OFFSETS) {
      offsets =
          startOffsets(
              described.entrySet().stream()
                  .filter(e -> e.getValue() != null)
                  .map(Map.Entry::getKey)
                  .toList());
    }
    List<Group> groups = new ArrayList<>();
    for (String id : ids) {
      ShareGroupDescription d = described.get(id);
      groups.add(
          d == null
              ? new Group(
                  id,
                  false,
                  "Dead",
                  "-",
                  null,
                  null,
                  List.of(),
                  List.of(),
                  otherTypes.getOrDefault(id, "Share group '" + id + "' does not exist."))
              : group(d, offsets.getOrDefault(id, Map.of())));
    }
    return new View(groups);
  }

  /** Each group's description, null for one that is not a share group of the cluster. */
  Map<String, ShareGroupDescription> describe(List<String> ids) throws Exception {
    Map<String, KafkaFuture<ShareGroupDescription>> futures =
        ids.isEmpty() ? Map.of() : admin.describeShareGroups(ids).describedGroups();
    Map<String, ShareGroupDescription> described = new LinkedHashMap<>();
    for (String id : ids) {
      try {
        ShareGroupDescription d = futures.get(id).get();
        described.put(id, d.groupState() == GroupState.DEAD ? null : d);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException notFound)) {
          throw e;
        }
        // a group of another type: Apache's tool prints the broker's words, "Group x is not a
        // share group."
        String why = notFound.getMessage();
        if (why != null && why.endsWith(" is not a share group.")) {
          otherTypes.put(id, why);
        }
        described.put(id, null);
      }
    }
    return described;
  }

  /** Each group's partitions and their start offsets (null where the group has none yet). */
  Map<String, Map<TopicPartition, SharePartitionOffsetInfo>> startOffsets(List<String> groups)
      throws Exception {
    Map<String, Map<TopicPartition, SharePartitionOffsetInfo>> offsets = new LinkedHashMap<>();
    if (groups.isEmpty()) {
      return offsets;
    }
    Map<String, ListShareGroupOffsetsSpec> specs = new LinkedHashMap<>();
    groups.forEach(g -> specs.put(g, new ListShareGroupOffsetsSpec()));
    var result = admin.listShareGroupOffsets(specs);
    for (String group : groups) {
      try {
        offsets.put(group, result.partitionsToOffsetInfo(group).get());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
        offsets.put(group, Map.of());
      }
    }
    return offsets;
  }

  private static Group group(
      ShareGroupDescription d, Map<TopicPartition, SharePartitionOffsetInfo> offsets) {
    List<Member> members = new ArrayList<>();
    for (ShareMemberDescription m : d.members()) {
      members.add(
          new Member(
              m.consumerId(),
              m.host(),
              m.clientId(),
              m.assignment().topicPartitions().size(),
              m.memberEpoch(),
              GroupText.assignment(m.assignment().topicPartitions())));
    }
    List<PartitionOffsets> partitions = new ArrayList<>();
    offsets.entrySet().stream()
        .sorted(
            Map.Entry.comparingByKey(
                Comparator.comparing(TopicPartition::topic)
                    .thenComparingInt(TopicPartition::partition)))
        .forEach(
            e -> {
              SharePartitionOffsetInfo info = e.getValue();
              partitions.add(
                  new PartitionOffsets(
                      e.getKey().topic(),
                      e.getKey().partition(),
                      info == null ? null : info.leaderEpoch().orElse(null),
                      info == null ? null : info.startOffset(),
                      info == null ? null : info.lag().orElse(null)));
            });
    String coordinator = GroupText.coordinator(d.coordinator());
    return new Group(
        d.groupId(),
        true,
        d.groupState().toString(),
        coordinator,
        d.groupEpoch(),
        d.targetAssignmentEpoch(),
        members,
        partitions,
        null);
  }
}
