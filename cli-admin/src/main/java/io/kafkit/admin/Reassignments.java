package io.kafkit.admin;

import io.kafkit.admin.ReassignmentJson.Move;
import io.kafkit.common.cli.KafkitException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterPartitionReassignmentsOptions;
import org.apache.kafka.clients.admin.DescribeReplicaLogDirsResult.ReplicaLogDirInfo;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.TopicPartitionReplica;
import org.apache.kafka.common.errors.ReplicaNotAvailableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * kafka-reassign-partitions.sh's actions against a cluster, with Apache's lines and its throttles:
 * what the cluster holds now, starting, following and cancelling reassignments.
 */
final class Reassignments {
  private final Admin admin;

  Reassignments(Admin admin) {
    this.admin = admin;
  }

  Admin admin() {
    return admin;
  }

  // ---- what the cluster holds

  /** Every partition of the topics, with its replicas; a missing topic fails as Apache's does. */
  Map<TopicPartition, TopicPartitionInfo> describe(Collection<String> topics)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, TopicPartitionInfo> partitions = new HashMap<>();
    if (topics.isEmpty()) {
      return partitions;
    }
    var futures = admin.describeTopics(Set.copyOf(topics)).topicNameValues();
    for (String topic : new LinkedHashSet<>(topics)) {
      TopicDescription d;
      try {
        d = futures.get(topic).get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          throw new KafkitException("Topic " + topic + " not found.", e.getCause());
        }
        throw e;
      }
      for (TopicPartitionInfo p : d.partitions()) {
        partitions.put(new TopicPartition(d.name(), p.partition()), p);
      }
    }
    return partitions;
  }

  static List<Integer> ids(List<Node> nodes) {
    return nodes.stream().map(Node::id).toList();
  }

  /**
   * The current assignment as Apache prints it: each replica's log directory where its broker is
   * online and says, else "any".
   */
  String currentJson(Map<TopicPartition, TopicPartitionInfo> partitions)
      throws InterruptedException, ExecutionException {
    Set<TopicPartitionReplica> online = new HashSet<>();
    partitions.forEach(
        (tp, info) ->
            info.replicas().stream()
                .filter(node -> !node.isEmpty())
                .forEach(
                    node ->
                        online.add(
                            new TopicPartitionReplica(tp.topic(), tp.partition(), node.id()))));
    Map<TopicPartitionReplica, ReplicaLogDirInfo> dirs =
        online.isEmpty() ? Map.of() : admin.describeReplicaLogDirs(online).all().get();
    Map<TopicPartition, List<Integer>> replicas = new HashMap<>();
    Map<TopicPartition, List<String>> logDirs = new HashMap<>();
    partitions.forEach(
        (tp, info) -> {
          replicas.put(tp, ids(info.replicas()));
          logDirs.put(
              tp,
              info.replicas().stream()
                  .map(
                      node -> {
                        ReplicaLogDirInfo dir =
                            dirs.get(
                                new TopicPartitionReplica(tp.topic(), tp.partition(), node.id()));
                        return dir == null || dir.getCurrentReplicaLogDir() == null
                            ? ReassignmentJson.ANY
                            : dir.getCurrentReplicaLogDir();
                      })
                  .toList());
        });
    return ReassignmentJson.format(replicas, logDirs);
  }

  /** The reassignments in progress, all of the cluster's or those of the partitions. */
  Map<TopicPartition, PartitionReassignment> ongoing(Set<TopicPartition> of)
      throws InterruptedException, ExecutionException {
    return (of == null ? admin.listPartitionReassignments() : admin.listPartitionReassignments(of))
        .reassignments()
        .get();
  }

  private KafkaFuture<Collection<Node>> nodes;

  /** Asks for the brokers now, for a {@link #brokers()} later, side by side with other requests. */
  void askForBrokers() {
    if (nodes == null) {
      nodes = admin.describeCluster().nodes();
    }
  }

  Map<Integer, Node> brokers() throws InterruptedException, ExecutionException {
    askForBrokers();
    Map<Integer, Node> brokers = new LinkedHashMap<>();
    nodes.get().forEach(n -> brokers.put(n.id(), n));
    return brokers;
  }

  // ---- --execute

  /** What --execute was asked besides the plan. */
  record ExecuteOptions(
      boolean additional,
      long throttle,
      long logDirThrottle,
      long timeoutMs,
      boolean allowReplicationFactorChange) {}

  /**
   * Checks the plan against the cluster before anything changes: no reassignment in progress
   * (unless additional), known brokers, existing partitions, and the replication factor kept where
   * asked. Returns the partitions' current state.
   */
  Map<TopicPartition, TopicPartitionInfo> checkPlan(
      List<Move> plan, ExecuteOptions options, Map<TopicPartition, PartitionReassignment> ongoing)
      throws InterruptedException, ExecutionException {
    if (!ongoing.isEmpty() && !options.additional()) {
      throw new KafkitException(
          "Cannot execute because there is an existing partition assignment.  Use --additional to"
              + " override this and create a new partition assignment in addition to the existing"
              + " one. The --additional flag can also be used to change the throttle by"
              + " resubmitting the current reassignment.");
    }
    Set<Integer> known = brokers().keySet();
    Set<Integer> used = new HashSet<>();
    plan.forEach(m -> used.addAll(m.replicas()));
    for (int id : used) {
      if (!known.contains(id)) {
        throw new KafkitException(
            "Unknown broker id "
                + id
                + ": the cluster's brokers are "
                + known.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))
                + ".");
      }
    }
    Map<TopicPartition, TopicPartitionInfo> all = describe(ReassignmentJson.topics(plan));
    Set<TopicPartition> missing = new HashSet<>();
    plan.forEach(
        m -> {
          if (!all.containsKey(m.partition())) {
            missing.add(m.partition());
          }
        });
    if (!missing.isEmpty()) {
      throw new KafkitException(
          "Unable to find partition: "
              + missing.stream().map(TopicPartition::toString).collect(Collectors.joining(", ")));
    }
    if (!options.allowReplicationFactorChange()) {
      for (Move m : plan) {
        // a partition being moved lists its old and new replicas; its factor is the target's,
        // the replicas less those being removed, as the controller counts it
        PartitionReassignment moving = ongoing.get(m.partition());
        int before =
            all.get(m.partition()).replicas().size()
                - (moving == null ? 0 : moving.removingReplicas().size());
        if (before != m.replicas().size()) {
          throw new KafkitException(
              m.partition()
                  + ": the replication factor is changed from "
                  + before
                  + " to "
                  + m.replicas().size()
                  + ", which --disallow-replication-factor-change forbids. Nothing was changed.");
        }
      }
    }
    Map<TopicPartition, TopicPartitionInfo> inPlan = new HashMap<>();
    plan.forEach(m -> inPlan.put(m.partition(), all.get(m.partition())));
    return inPlan;
  }

  /** Submits the plan; fails with Apache's lines for the partitions the controller refused. */
  void submit(List<Move> plan, boolean allowReplicationFactorChange, PrintWriter out)
      throws InterruptedException {
    Map<TopicPartition, Optional<NewPartitionReassignment>> targets = new LinkedHashMap<>();
    plan.forEach(
        m -> targets.put(m.partition(), Optional.of(new NewPartitionReassignment(m.replicas()))));
    Map<TopicPartition, String> errors =
        outcomes(
            admin
                .alterPartitionReassignments(
                    targets,
                    new AlterPartitionReassignmentsOptions()
                        .allowReplicationFactorChange(allowReplicationFactorChange))
                .values());
    if (!errors.isEmpty()) {
      throw new KafkitException(
          "Error reassigning partition(s): "
              + errors.entrySet().stream()
                  .sorted(Map.Entry.comparingByKey(ReassignmentJson.BY_TOPIC_AND_PARTITION))
                  .map(e -> e.getKey() + ": " + e.getValue())
                  .collect(Collectors.joining("; ")));
    }
    out.println(
        "Successfully started partition reassignment"
            + (plan.size() == 1 ? "" : "s")
            + " for "
            + ReassignmentJson.partitions(targets.keySet()));
  }

  /** Starts the log directory moves of the plan, retrying replicas not there yet until timeout. */
  void moveLogDirs(Map<TopicPartitionReplica, String> targets, long timeoutMs, PrintWriter out)
      throws InterruptedException {
    Map<TopicPartitionReplica, String> pending = new HashMap<>(targets);
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!pending.isEmpty()) {
      Map<TopicPartitionReplica, String> done = new HashMap<>();
      for (var e : admin.alterReplicaLogDirs(pending).values().entrySet()) {
        try {
          e.getValue().get();
          done.put(e.getKey(), pending.get(e.getKey()));
        } catch (ExecutionException failure) {
          if (!(failure.getCause() instanceof ReplicaNotAvailableException)) {
            throw new KafkitException(
                "Failed to alter dir for " + e.getKey() + ": " + failure.getCause().getMessage(),
                failure.getCause());
          }
        }
      }
      done.keySet().stream()
          .sorted(REPLICA_ORDER)
          .forEach(
              r ->
                  out.printf(
                      "Successfully started moving log directory to %s for replica %s-%s with"
                          + " broker %s %n",
                      done.get(r), r.topic(), r.partition(), r.brokerId()));
      pending.keySet().removeAll(done.keySet());
      if (pending.isEmpty()) {
        break;
      }
      if (System.currentTimeMillis() >= deadline) {
        throw new KafkitException(
            "Timed out before log directory move"
                + (pending.size() == 1 ? "" : "s")
                + " could be started for: "
                + pending.keySet().stream()
                    .sorted(REPLICA_ORDER)
                    .map(TopicPartitionReplica::toString)
                    .collect(Collectors.joining(",")));
      }
      Thread.sleep(100);
    }
  }

  static final Comparator<TopicPartitionReplica> REPLICA_ORDER =
      Comparator.comparingInt(TopicPartitionReplica::brokerId)
          .thenComparing(TopicPartitionReplica::topic)
          .thenComparingInt(TopicPartitionReplica::partition);

  static Map<TopicPartitionReplica, String> logDirTargets(List<Move> plan) {
    Map<TopicPartitionReplica, String> targets = new LinkedHashMap<>();
    for (Move m : plan) {
      for (int i = 0; i < m.replicas().size(); i++) {
        if (!ReassignmentJson.ANY.equals(m.logDirs().get(i))) {
          targets.put(
              new TopicPartitionReplica(
                  m.partition().topic(), m.partition().partition(), m.replicas().get(i)),
              m.logDirs().get(i));
        }
      }
    }
    return targets;
  }

  /** The log directory moves in progress among the targets, each with the directory it left. */
  Map<TopicPartitionReplica, String> activeLogDirMoves(Map<TopicPartitionReplica, String> targets)
      throws InterruptedException, ExecutionException {
    Map<TopicPartitionReplica, String> active = new LinkedHashMap<>();
    if (targets.isEmpty()) {
      return active;
    }
    admin
        .describeReplicaLogDirs(targets.keySet())
        .all()
        .get()
        .forEach(
            (r, dir) -> {
              if (dir.getFutureReplicaLogDir() != null && dir.getCurrentReplicaLogDir() != null) {
                active.put(r, dir.getCurrentReplicaLogDir());
              }
            });
    return active;
  }

  /** Each broker's replicas' sizes in bytes (the largest where a broker has it in two dirs). */
  Map<Integer, Map<TopicPartition, Long>> replicaSizes(Set<Integer> brokers)
      throws InterruptedException, ExecutionException {
    Map<Integer, Map<TopicPartition, Long>> sizes = new HashMap<>();
    admin
        .describeLogDirs(brokers)
        .allDescriptions()
        .get()
        .forEach(
            (broker, dirs) -> {
              Map<TopicPartition, Long> bySize = new HashMap<>();
              dirs.values()
                  .forEach(
                      d ->
                          d.replicaInfos()
                              .forEach((tp, info) -> bySize.merge(tp, info.size(), Math::max)));
              sizes.put(broker, bySize);
            });
    return sizes;
  }

  // ---- --cancel

  /**
   * Cancels the plan's partitions' reassignments in progress; the partitions cancelled. Fails with
   * the partitions the controller refused.
   */
  Set<TopicPartition> cancel(List<Move> plan) throws InterruptedException, ExecutionException {
    Set<TopicPartition> partitions = new HashSet<>();
    plan.forEach(m -> partitions.add(m.partition()));
    Map<TopicPartition, Optional<NewPartitionReassignment>> cancels = new LinkedHashMap<>();
    ongoing(partitions)
        .forEach(
            (tp, r) -> {
              if (!r.addingReplicas().isEmpty() || !r.removingReplicas().isEmpty()) {
                cancels.put(tp, Optional.empty());
              }
            });
    if (cancels.isEmpty()) {
      return Set.of();
    }
    Map<TopicPartition, String> errors =
        outcomes(admin.alterPartitionReassignments(cancels).values());
    if (!errors.isEmpty()) {
      throw new KafkitException(
          "Error cancelling partition reassignment"
              + (errors.size() == 1 ? "" : "s")
              + " for: "
              + errors.entrySet().stream()
                  .sorted(Map.Entry.comparingByKey(ReassignmentJson.BY_TOPIC_AND_PARTITION))
                  .map(e -> e.getKey() + ": " + e.getValue())
                  .collect(Collectors.joining("; ")));
    }
    return cancels.keySet();
  }

  // ---- shared

  private static Map<TopicPartition, String> outcomes(
      Map<TopicPartition, org.apache.kafka.common.KafkaFuture<Void>> futures)
      throws InterruptedException {
    Map<TopicPartition, String> errors = new HashMap<>();
    for (var e : futures.entrySet()) {
      try {
        e.getValue().get();
      } catch (ExecutionException failure) {
        Throwable cause = failure.getCause();
        errors.put(e.getKey(), cause.getMessage() == null ? cause.toString() : cause.getMessage());
      }
    }
    return errors;
  }

  static String join(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
