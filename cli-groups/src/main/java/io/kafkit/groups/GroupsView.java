package io.kafkit.groups;

import java.util.List;

/** What --describe found, per group: the view its renderers and --output json print. */
record GroupsView(List<Group> groups) {

  /** One group; {@code exists} false for a group the cluster does not know. */
  record Group(
      String group,
      boolean exists,
      String type,
      String state,
      String coordinator,
      String assignmentStrategy,
      Integer groupEpoch,
      Integer targetAssignmentEpoch,
      List<Member> members,
      List<PartitionOffsets> partitions) {

    boolean rebalancing() {
      return List.of("PreparingRebalance", "CompletingRebalance", "Assigning", "Reconciling")
          .contains(state);
    }
  }

  /** A partition of a group: committed and end offsets, lag, and its owner if it has one. */
  record PartitionOffsets(
      String topic,
      int partition,
      Integer leaderEpoch,
      Long currentOffset,
      Long logEndOffset,
      Long lag,
      String consumerId,
      String host,
      String clientId) {}

  /** A member, its assignment as {@code topic:0,1;other:0}, and (new protocol) its epochs. */
  record Member(
      String consumerId,
      String groupInstanceId,
      String host,
      String clientId,
      int partitions,
      Integer currentEpoch,
      String currentAssignment,
      Integer targetEpoch,
      String targetAssignment) {}
}
