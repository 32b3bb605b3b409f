package io.kafkit.groups;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Consumer groups' committed offsets, for a reset. */
record ConsumerOffsets(Admin admin, GroupsRequest request) implements GroupOffsets {

  @Override
  public List<String> groupIds() throws Exception {
    return DescribeGroups.groupIds(admin, request);
  }

  @Override
  public List<String> active(List<String> groups, PrintWriter err) throws Exception {
    List<String> active = new ArrayList<>();
    if (groups.isEmpty()) {
      return active;
    }
    var described = admin.describeConsumerGroups(groups).describedGroups();
    for (String group : groups) {
      try {
        ConsumerGroupDescription d = described.get(group).get();
        GroupState state = d.groupState();
        if (state != GroupState.EMPTY && state != GroupState.DEAD) {
          err.println(
              "Error: Assignments can only be reset if the group '"
                  + group
                  + "' is inactive, but the current state is "
                  + state
                  + ". Stop its consumers first.");
          active.add(group);
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
      }
    }
    return active;
  }

  @Override
  public Map<String, Map<TopicPartition, Long>> current(List<String> groups) throws Exception {
    Map<String, Map<TopicPartition, Long>> current = new HashMap<>();
    Offsets.committed(admin, groups)
        .forEach(
            (group, offsets) -> {
              Map<TopicPartition, Long> plain = new HashMap<>();
              offsets.forEach((tp, o) -> plain.put(tp, o.offset()));
              current.put(group, plain);
            });
    return current;
  }

  @Override
  public void alter(String group, Map<TopicPartition, Long> offsets) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    offsets.forEach((tp, o) -> committed.put(tp, new OffsetAndMetadata(o)));
    admin.alterConsumerGroupOffsets(group, committed).all().get();
  }
}
