package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code --reset-offsets}: computes the new offsets (clamped to each log's range, as Apache does),
 * shows them, and writes them only with {@code --execute}. A group with members is left alone,
 * whole, and reported; the other groups are reset. The same for every kind of group: {@link
 * GroupOffsets} reads and writes the kind's offsets.
 */
final class ResetOffsets {
  private ResetOffsets() {}

  static int run(
      Admin admin,
      GroupOffsets kind,
      GroupsRequest request,
      OutputOptions output,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    List<String> named = apacheGroupOrder(kind.groupIds());
    ResetTarget target = ResetTarget.of(request.reset(), named);
    // A group with members is reported and left alone; the others are reset (as Apache does), and
    // the exit code says that not every group was.
    List<String> active = kind.active(named, err);
    err.flush();
    List<String> groups = new ArrayList<>(named);
    groups.removeAll(active);
    if (groups.isEmpty() && !active.isEmpty()) {
      return ExitCodes.FAILED;
    }
    // A plan that names none of a group's partitions resets nothing for it: Apache's words, and
    // the exit code says that the group was not reset.
    List<String> withoutPlan = new ArrayList<>();
    if (target.kind == ResetTarget.Kind.FILE) {
      for (String group : groups) {
        if (!target.fromFile.containsKey(group)) {
          err.println("Error: No reset plan for group " + group + " found.");
          withoutPlan.add(group);
        }
      }
      err.flush();
    }
    Map<String, Map<TopicPartition, Long>> committed = kind.current(groups);
    Map<String, Set<TopicPartition>> scope =
        scope(admin, kind, request, groups, committed, target, err);
    Set<TopicPartition> all = new HashSet<>();
    scope.values().forEach(all::addAll);
    Map<TopicPartition, ListOffsetsResultInfo> earliest = Offsets.earliest(admin, all);
    Map<TopicPartition, ListOffsetsResultInfo> latest = Offsets.latest(admin, all);
    Map<TopicPartition, ListOffsetsResultInfo> byTime =
        target.kind == ResetTarget.Kind.TIME
            ? Offsets.list(admin, all, OffsetSpec.forTimestamp(target.value))
            : Map.of();

    List<ResetPlan.GroupPlan> plans = new ArrayList<>();
    for (String group : groups) {
      List<ResetPlan.NewOffset> offsets = new ArrayList<>();
      for (TopicPartition tp : apacheOrder(scope.getOrDefault(group, Set.of()))) {
        Long low = offset(earliest.get(tp));
        Long high = offset(latest.get(tp));
        if (low == null || high == null) {
          throw new KafkitException(
              "Cannot read the offsets of " + tp + ": does the partition exist and have a leader?");
        }
        Long current = committed.getOrDefault(group, Map.of()).get(tp);
        long wanted =
            switch (target.kind) {
              case EARLIEST -> low;
              case LATEST -> high;
              case CURRENT -> current != null ? current : high;
              case OFFSET -> target.value;
              case SHIFT -> {
                if (current == null) {
                  throw new KafkitException(
                      "Cannot shift offset for partition "
                          + tp
                          + " since there is no current committed offset");
                }
                yield current + target.value;
              }
              case TIME -> {
                Long at = offset(byTime.get(tp));
                if (at == null || at < 0) {
                  err.println(
                      "Warn: Partition "
                          + tp.partition()
                          + " from topic "
                          + tp.topic()
                          + " is empty. Falling back to latest known offset.");
                  yield high;
                }
                yield at;
              }
              case FILE -> target.fromFile.get(group).get(tp);
            };
        offsets.add(
            new ResetPlan.NewOffset(tp.topic(), tp.partition(), clamp(wanted, low, high, tp, err)));
      }
      plans.add(new ResetPlan.GroupPlan(group, offsets));
    }

    boolean execute = request.reset().execute;
    if (execute) {
      for (ResetPlan.GroupPlan plan : plans) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        plan.offsets()
            .forEach(o -> offsets.put(new TopicPartition(o.topic(), o.partition()), o.offset()));
        if (!offsets.isEmpty()) {
          kind.alter(plan.group(), offsets);
        }
      }
    } else if (!request.reset().dryRun) {
      err.println(
          "WARN: No action will be performed as the --execute option is missing. In version 5.0,"
              + " this command will require either --dry-run or --execute to be specified. You"
              + " should add the --dry-run option explicitly if you are scripting this command and"
              + " want to keep the current default behavior without prompting.");
      err.flush();
    }
    ResetPlan plan = new ResetPlan(plans, execute);
    if (request.reset().export) {
      // Apache writes the group's column unless exactly one --group was given
      ResetPlanText.csv(plan, request.allGroups() || request.groups().size() != 1, out);
    } else {
      output.print(plan, kind::table, out);
    }
    return active.isEmpty() && withoutPlan.isEmpty() && !kind.failed()
        ? ExitCodes.OK
        : ExitCodes.FAILED;
  }

  private static Map<String, Set<TopicPartition>> scope(
      Admin admin,
      GroupOffsets kind,
      GroupsRequest request,
      List<String> groups,
      Map<String, Map<TopicPartition, Long>> committed,
      ResetTarget target,
      PrintWriter err)
      throws Exception {
    Map<String, Set<TopicPartition>> scope = new HashMap<>();
    if (target.kind == ResetTarget.Kind.FILE) {
      for (String group : groups) {
        scope.put(group, new HashSet<>(target.fromFile.getOrDefault(group, Map.of()).keySet()));
      }
      return scope;
    }
    if (request.allTopics()) {
      groups.forEach(g -> scope.put(g, new HashSet<>(kind.allTopicsScope(g, committed.get(g)))));
      return scope;
    }
    Set<TopicPartition> partitions = Offsets.partitions(admin, request.topics());
    for (String g : groups) {
      scope.put(g, kind.topicsScope(g, partitions, committed.getOrDefault(g, Map.of()), err));
    }
    err.flush();
    return scope;
  }

  private static long clamp(long wanted, long low, long high, TopicPartition tp, PrintWriter err) {
    if (wanted > high) {
      err.println(
          "WARN: New offset ("
              + wanted
              + ") is higher than latest offset for topic partition "
              + tp
              + ". Value will be set to "
              + high);
      return high;
    }
    if (wanted < low) {
      err.println(
          "WARN: New offset ("
              + wanted
              + ") is lower than earliest offset for topic partition "
              + tp
              + ". Value will be set to "
              + low);
      return low;
    }
    return wanted;
  }

  private static Long offset(ListOffsetsResultInfo info) {
    return info == null ? null : info.offset();
  }

  /**
   * The order Apache's tools print a reset of several groups in (a table, or --export's CSV): the
   * order of the java.util.HashMap they collect the plans in, filled as the admin client's
   * describedGroups() iterates, itself a HashMap copied from one filled by group id. HashMaps
   * filled the same way iterate the same way, but for names that share a slot: Apache's tool puts
   * those in the order of a set of the admin client's own keys, whose hash codes include an
   * object's identity hash, which the JVM picks; kafkit keeps the command line's order for them.
   */
  static List<String> apacheGroupOrder(List<String> groups) {
    Map<String, Boolean> byId = new HashMap<>(); // Collectors.toMap in DescribeConsumerGroupsResult
    groups.forEach(g -> byId.putIfAbsent(g, true));
    Map<String, Boolean> described = new HashMap<>(byId); // describedGroups(): a copy
    Map<String, Boolean> plans = new HashMap<>(); // the tool's result, put as described iterates
    described.keySet().forEach(g -> plans.put(g, true));
    return List.copyOf(plans.keySet());
  }

  /**
   * The order Apache prints a plan in: its partitions' order in a hash map filled one by one, as
   * its resetter collects them.
   */
  static List<TopicPartition> apacheOrder(Set<TopicPartition> partitions) {
    Map<TopicPartition, Boolean> map = new HashMap<>();
    partitions.stream()
        .sorted(
            Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
        .forEach(tp -> map.put(tp, true));
    return new ArrayList<>(map.keySet());
  }
}
