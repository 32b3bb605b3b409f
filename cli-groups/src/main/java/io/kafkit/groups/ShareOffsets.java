package io.kafkit.groups;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Share groups' start offsets, for a reset: where each partition's next delivery to the group
 * begins. A partition the group has no start offset for yet is in scope with none.
 */
record ShareOffsets(ShareGroups groups) implements GroupOffsets {

  @Override
  public List<String> groupIds() throws Exception {
    return groups.groupIds();
  }

  @Override
  public List<String> active(List<String> ids, PrintWriter err) throws Exception {
    List<String> active = new ArrayList<>();
    for (Map.Entry<String, ShareGroupDescription> e : groups.describe(ids).entrySet()) {
      ShareGroupDescription d = e.getValue();
      if (d != null && d.groupState() != GroupState.EMPTY) {
        err.println(
            "Error: Share group '"
                + e.getKey()
                + "' is not empty (it is "
                + d.groupState()
                + "): stop its share consumers first.");
        active.add(e.getKey());
      }
    }
    return active;
  }

  @Override
  public Map<String, Map<TopicPartition, Long>> current(List<String> ids) throws Exception {
    Map<String, Map<TopicPartition, Long>> current = new HashMap<>();
    groups
        .startOffsets(ids)
        .forEach(
            (group, offsets) -> {
              Map<TopicPartition, Long> plain = new HashMap<>(); // null: no start offset yet
              offsets.forEach((tp, o) -> plain.put(tp, o == null ? null : o.startOffset()));
              current.put(group, plain);
            });
    return current;
  }

  /**
   * Apache's share-groups leaves a group with nothing to reset out of its plan, so that a plan with
   * nothing to reset prints a blank line, without the header.
   */
  @Override
  public void table(ResetPlan plan, PrintWriter out) {
    ResetPlanText.table(
        new ResetPlan(
            plan.groups().stream().filter(g -> !g.offsets().isEmpty()).toList(), plan.executed()),
        out);
  }

  @Override
  public void alter(String group, Map<TopicPartition, Long> offsets) throws Exception {
    groups.admin.alterShareGroupOffsets(group, offsets).all().get();
  }
}
