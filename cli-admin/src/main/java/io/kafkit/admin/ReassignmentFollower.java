package io.kafkit.admin;

import io.kafkit.admin.ReassignmentJson.Move;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.TopicPartitionReplica;

/**
 * Follows a reassignment to its end ({@code --wait}), on stderr: at a terminal a live line per
 * moving partition (bytes copied to the new replicas, which joined the ISR), elsewhere a line per
 * change of state. It only watches: stopping it leaves the reassignment going.
 */
final class ReassignmentFollower {
  private static final long POLL_MS = 1000;

  private final Reassignments cluster;
  private final PrintWriter err;
  private final boolean live;
  private int liveLines;

  ReassignmentFollower(Reassignments cluster, PrintWriter err, boolean live) {
    this.cluster = cluster;
    this.err = err;
    this.live = live;
  }

  /** Returns once no partition of the plan is being reassigned and no log dir moves. */
  void follow(List<Move> plan) throws InterruptedException, ExecutionException {
    Set<TopicPartition> partitions = new HashSet<>();
    plan.forEach(m -> partitions.add(m.partition()));
    Map<TopicPartitionReplica, String> dirTargets = Reassignments.logDirTargets(plan);
    Map<TopicPartition, String> said = new HashMap<>();
    while (true) {
      Map<TopicPartition, PartitionReassignment> ongoing = cluster.ongoing(partitions);
      Map<TopicPartition, String> states = describe(plan, ongoing);
      boolean dirsDone =
          new ReassignmentStates(cluster.admin())
              .logDirStates(dirTargets).stream().allMatch(ReassignmentStates.LogDirState::done);
      if (live) {
        redraw(states);
      } else {
        states.forEach(
            (tp, state) -> {
              String kind =
                  state.replaceAll("copying [0-9.]+ [KMGT]?B of [0-9.]+ [KMGT]?B", "copying");
              if (!kind.equals(said.get(tp))) {
                err.println(tp + ": " + state);
                said.put(tp, kind);
              }
            });
        err.flush();
      }
      if (ongoing.isEmpty() && dirsDone) {
        if (live) {
          err.println();
          err.flush();
        }
        return;
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** Each partition's state in words: moving (with bytes and ISR), or done. */
  private Map<TopicPartition, String> describe(
      List<Move> plan, Map<TopicPartition, PartitionReassignment> ongoing)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, TopicPartitionInfo> info =
        ongoing.isEmpty() ? Map.of() : cluster.describe(topics(ongoing.keySet()));
    Set<Integer> brokers = new HashSet<>();
    ongoing.forEach(
        (tp, r) -> {
          brokers.addAll(r.addingReplicas());
          TopicPartitionInfo p = info.get(tp);
          if (p != null && p.leader() != null) {
            brokers.add(p.leader().id());
          }
        });
    Map<Integer, Map<TopicPartition, Long>> sizes =
        brokers.isEmpty() ? Map.of() : cluster.replicaSizes(brokers);
    Map<TopicPartition, String> states = new LinkedHashMap<>();
    plan.stream()
        .map(Move::partition)
        .sorted(ReassignmentJson.BY_TOPIC_AND_PARTITION)
        .forEach(
            tp -> {
              PartitionReassignment r = ongoing.get(tp);
              if (r == null) {
                Move m = plan.stream().filter(x -> x.partition().equals(tp)).findFirst().get();
                states.put(tp, "done, replicas " + Reassignments.join(m.replicas()));
                return;
              }
              TopicPartitionInfo p = info.get(tp);
              List<Integer> isr = p == null ? List.of() : Reassignments.ids(p.isr());
              List<String> adding = new ArrayList<>();
              long leaderSize =
                  p == null || p.leader() == null
                      ? 0
                      : sizes.getOrDefault(p.leader().id(), Map.of()).getOrDefault(tp, 0L);
              for (int broker : r.addingReplicas()) {
                long copied = sizes.getOrDefault(broker, Map.of()).getOrDefault(tp, 0L);
                adding.add(
                    isr.contains(broker)
                        ? "broker " + broker + " in sync"
                        : "to broker "
                            + broker
                            + ": "
                            + bytes(copied)
                            + " of "
                            + bytes(leaderSize));
              }
              states.put(
                  tp,
                  "moving to "
                      + Reassignments.join(r.replicas())
                      + (adding.isEmpty() ? "" : "; " + String.join(", ", adding))
                      + (r.removingReplicas().isEmpty()
                          ? ""
                          : "; removing " + Reassignments.join(r.removingReplicas())));
            });
    return states;
  }

  private void redraw(Map<TopicPartition, String> states) {
    StringBuilder screen = new StringBuilder();
    if (liveLines > 0) {
      screen.append("\033[").append(liveLines).append('A');
    }
    states.forEach(
        (tp, state) ->
            screen.append("\r\033[K").append(tp).append(": ").append(state).append('\n'));
    liveLines = states.size();
    err.print(screen);
    err.flush();
  }

  private static Set<String> topics(Set<TopicPartition> partitions) {
    Set<String> topics = new HashSet<>();
    partitions.forEach(tp -> topics.add(tp.topic()));
    return topics;
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
