package io.kafkit.admin;

import io.kafkit.admin.ReassignmentJson.Move;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeReplicaLogDirsResult.ReplicaLogDirInfo;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.TopicPartitionReplica;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * How far a reassignment got, as kafka-reassign-partitions.sh --verify tells it: each partition's
 * replicas against the plan, each log directory move's state.
 */
final class ReassignmentStates {
  private final Admin admin;

  ReassignmentStates(Admin admin) {
    this.admin = admin;
  }

  /** One partition's state: done (no reassignment in progress) or not; its replicas and target. */
  record PartitionState(
      String partition, String state, List<Integer> replicas, List<Integer> target) {
    boolean inProgress() {
      return "in progress".equals(state);
    }

    String line() {
      return switch (state) {
        case "completed" -> "Reassignment of partition " + partition + " is completed.";
        case "in progress" -> "Reassignment of partition " + partition + " is still in progress.";
        default ->
            "There is no active reassignment of partition "
                + partition
                + ", but replica set is "
                + Reassignments.join(replicas)
                + " rather than "
                + Reassignments.join(target)
                + ".";
      };
    }
  }

  /** One replica's log directory move: its state, Apache's line, and whether it is over. */
  record LogDirState(String replica, String state, String line, boolean done) {}

  /** The states of the plan's partitions, in Apache's order, and whether any move is active. */
  List<PartitionState> partitionStates(
      List<Move> plan, Map<TopicPartition, PartitionReassignment> ongoing)
      throws InterruptedException, ExecutionException {
    Set<String> settled = new HashSet<>();
    plan.stream()
        .filter(m -> !ongoing.containsKey(m.partition()))
        .forEach(m -> settled.add(m.partition().topic()));
    return partitionStates(plan, ongoing, describe(settled));
  }

  /** The descriptions of topics, asked for now and read later (one request). */
  Map<String, KafkaFuture<TopicDescription>> describe(Set<String> topics) {
    return topics.isEmpty() ? Map.of() : admin.describeTopics(topics).topicNameValues();
  }

  /** As above, with the plan's topics' descriptions already asked for (with {@link #describe}). */
  List<PartitionState> partitionStates(
      List<Move> plan,
      Map<TopicPartition, PartitionReassignment> ongoing,
      Map<String, KafkaFuture<TopicDescription>> futures)
      throws InterruptedException, ExecutionException {
    Set<String> settled = new HashSet<>();
    plan.stream()
        .filter(m -> !ongoing.containsKey(m.partition()))
        .forEach(m -> settled.add(m.partition().topic()));
    Map<String, List<TopicPartitionInfo>> described = new HashMap<>();
    for (String topic : settled) {
      try {
        described.put(topic, futures.get(topic).get().partitions());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        described.put(topic, List.of());
      }
    }
    List<PartitionState> states = new ArrayList<>();
    // a partition named twice is reported once, for its last entry, as Apache's map does
    Map<TopicPartition, Move> last = new HashMap<>();
    plan.forEach(m -> last.put(m.partition(), m));
    last.values().stream()
        .sorted(Comparator.comparing(Move::partition, ReassignmentJson.BY_TOPIC_AND_PARTITION))
        .forEach(
            m -> {
              PartitionReassignment r = ongoing.get(m.partition());
              if (r != null) {
                states.add(
                    new PartitionState(
                        m.partition().toString(), "in progress", r.replicas(), m.replicas()));
                return;
              }
              List<Integer> now =
                  described.get(m.partition().topic()).stream()
                      .filter(p -> p.partition() == m.partition().partition())
                      .findFirst()
                      .map(p -> Reassignments.ids(p.replicas()))
                      .orElse(List.of());
              states.add(
                  new PartitionState(
                      m.partition().toString(),
                      now.equals(m.replicas()) ? "completed" : "mismatch",
                      now,
                      m.replicas()));
            });
    return states;
  }

  /** The states of the plan's log directory moves, sorted by broker, topic and partition. */
  List<LogDirState> logDirStates(Map<TopicPartitionReplica, String> targets)
      throws InterruptedException, ExecutionException {
    if (targets.isEmpty()) {
      return List.of();
    }
    Map<TopicPartitionReplica, ReplicaLogDirInfo> info =
        admin.describeReplicaLogDirs(targets.keySet()).all().get();
    List<LogDirState> states = new ArrayList<>();
    targets.keySet().stream()
        .sorted(Reassignments.REPLICA_ORDER)
        .forEach(
            r -> {
              String target = targets.get(r);
              ReplicaLogDirInfo dir = info.get(r);
              String tp = r.topic() + "-" + r.partition();
              if (dir == null) {
                states.add(
                    new LogDirState(
                        r.toString(),
                        "missing replica",
                        "Partition "
                            + tp
                            + " cannot be found in any live log directory on broker "
                            + r.brokerId()
                            + ".",
                        false));
              } else if (dir.getCurrentReplicaLogDir() == null) {
                states.add(
                    new LogDirState(
                        r.toString(),
                        "missing log dir",
                        "Partition "
                            + tp
                            + " is not found in any live log dir on broker "
                            + r.brokerId()
                            + ". There is likely an offline log directory on the broker.",
                        false));
              } else if (dir.getFutureReplicaLogDir() == null) {
                boolean there = target.equals(dir.getCurrentReplicaLogDir());
                states.add(
                    new LogDirState(
                        r.toString(),
                        there ? "completed" : "cancelled",
                        there
                            ? "Reassignment of replica " + r + " completed successfully."
                            : "Partition "
                                + tp
                                + " on broker "
                                + r.brokerId()
                                + " is not being moved from log dir "
                                + dir.getCurrentReplicaLogDir()
                                + " to "
                                + target
                                + ".",
                        true));
              } else {
                boolean there = target.equals(dir.getFutureReplicaLogDir());
                states.add(
                    new LogDirState(
                        r.toString(),
                        "in progress",
                        there
                            ? "Reassignment of replica " + r + " is still in progress."
                            : "Partition "
                                + tp
                                + " on broker "
                                + r.brokerId()
                                + " is being moved to log dir "
                                + dir.getFutureReplicaLogDir()
                                + " instead of "
                                + target
                                + ".",
                        false));
              }
            });
    return states;
  }
}
