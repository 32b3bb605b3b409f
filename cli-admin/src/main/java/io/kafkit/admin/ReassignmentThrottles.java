package io.kafkit.admin;

import io.kafkit.admin.ReassignmentJson.Move;
import io.kafkit.common.cli.KafkitException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The reassignment throttles, as kafka-reassign-partitions.sh sets and removes them: rates on the
 * brokers that send and receive, and on each topic the replicas that move from and to.
 */
final class ReassignmentThrottles {
  static final String LEADER_RATE = "leader.replication.throttled.rate";
  static final String FOLLOWER_RATE = "follower.replication.throttled.rate";
  static final String LOG_DIRS_RATE = "replica.alter.log.dirs.io.max.bytes.per.second";
  static final String LEADER_REPLICAS = "leader.replication.throttled.replicas";
  static final String FOLLOWER_REPLICAS = "follower.replication.throttled.replicas";

  private final Admin admin;

  ReassignmentThrottles(Admin admin) {
    this.admin = admin;
  }

  /** Sets the throttles of --execute, as Apache does, and prints its lines. */
  void set(
      List<Move> plan,
      Reassignments.ExecuteOptions options,
      Map<TopicPartition, PartitionReassignment> ongoing,
      Map<TopicPartition, TopicPartitionInfo> current,
      PrintWriter out)
      throws InterruptedException, ExecutionException {
    if (options.throttle() < 0 && options.logDirThrottle() < 0) {
      return;
    }
    out.println(
        "Warning: You must run --verify periodically, until the reassignment completes, to ensure"
            + " the throttle is removed.");
    if (options.throttle() >= 0) {
      // topic -> partition -> (sources, destinations), ongoing moves first
      Map<String, Map<Integer, List<Set<Integer>>>> moves = new HashMap<>();
      ongoing.forEach(
          (tp, r) -> {
            Set<Integer> sources = new HashSet<>(r.replicas());
            sources.removeAll(r.addingReplicas());
            moves
                .computeIfAbsent(tp.topic(), t -> new HashMap<>())
                .put(tp.partition(), List.of(sources, new HashSet<>(r.addingReplicas())));
          });
      for (Move m : plan) {
        Map<Integer, List<Set<Integer>>> topic =
            moves.computeIfAbsent(m.partition().topic(), t -> new HashMap<>());
        Set<Integer> sources =
            topic.containsKey(m.partition().partition())
                ? topic.get(m.partition().partition()).get(0)
                : new HashSet<>(Reassignments.ids(current.get(m.partition()).replicas()));
        Set<Integer> destinations = new HashSet<>(m.replicas());
        destinations.removeAll(sources);
        topic.put(m.partition().partition(), List.of(sources, destinations));
      }
      Map<ConfigResource, Collection<AlterConfigOp>> topicOps = new LinkedHashMap<>();
      Set<Integer> brokers = new TreeSet<>();
      moves.forEach(
          (topic, partitions) -> {
            TreeSet<String> leaders = new TreeSet<>();
            TreeSet<String> followers = new TreeSet<>();
            partitions.forEach(
                (p, sd) -> {
                  sd.get(0).forEach(b -> leaders.add(p + ":" + b));
                  sd.get(1).stream()
                      .filter(b -> !sd.get(0).contains(b))
                      .forEach(b -> followers.add(p + ":" + b));
                  brokers.addAll(sd.get(0));
                  brokers.addAll(sd.get(1));
                });
            topicOps.put(
                new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(
                    set(LEADER_REPLICAS, String.join(",", leaders)),
                    set(FOLLOWER_REPLICAS, String.join(",", followers))));
          });
      admin.incrementalAlterConfigs(topicOps).all().get();
      Map<ConfigResource, Collection<AlterConfigOp>> brokerOps = new LinkedHashMap<>();
      String rate = Long.toString(options.throttle());
      brokers.forEach(
          b ->
              brokerOps.put(
                  new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)),
                  List.of(set(LEADER_RATE, rate), set(FOLLOWER_RATE, rate))));
      alter(brokerOps);
      out.println("The inter-broker throttle limit was set to " + options.throttle() + " B/s");
    }
    if (options.logDirThrottle() >= 0) {
      Set<Integer> brokers = new TreeSet<>();
      for (Move m : plan) {
        for (int i = 0; i < m.replicas().size(); i++) {
          if (!ReassignmentJson.ANY.equals(m.logDirs().get(i))) {
            brokers.add(m.replicas().get(i));
          }
        }
      }
      Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
      brokers.forEach(
          b ->
              ops.put(
                  new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)),
                  List.of(set(LOG_DIRS_RATE, Long.toString(options.logDirThrottle())))));
      alter(ops);
      out.println(
          "The replica-alter-dir throttle limit was set to " + options.logDirThrottle() + " B/s");
    }
  }

  /**
   * Removes the reassignment throttles from every broker of the cluster and of the plan, and from
   * the plan's topics, printing Apache's two lines (unless {@code out} is null).
   */
  void clear(List<Move> plan, Set<Integer> clusterBrokers, PrintWriter out)
      throws InterruptedException, ExecutionException {
    Set<Integer> brokers = new HashSet<>(clusterBrokers);
    plan.forEach(m -> brokers.addAll(m.replicas()));
    if (out != null) {
      out.printf(
          "Clearing broker-level throttles on broker%s %s%n",
          brokers.size() == 1 ? "" : "s",
          brokers.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    Map<ConfigResource, Collection<AlterConfigOp>> brokerOps = new LinkedHashMap<>();
    brokers.forEach(
        b ->
            brokerOps.put(
                new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)),
                List.of(delete(LEADER_RATE), delete(FOLLOWER_RATE), delete(LOG_DIRS_RATE))));
    Set<String> topics = new HashSet<>();
    plan.forEach(m -> topics.add(m.partition().topic()));
    if (out != null) {
      out.printf(
          "Clearing topic-level throttles on topic%s %s%n",
          topics.size() == 1 ? "" : "s", String.join(",", topics));
    }
    // one call: the admin client sends the brokers' and the topics' requests side by side
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>(brokerOps);
    topics.forEach(
        t ->
            ops.put(
                new ConfigResource(ConfigResource.Type.TOPIC, t),
                List.of(delete(LEADER_REPLICAS), delete(FOLLOWER_REPLICAS))));
    alter(ops);
  }

  /**
   * Alters these configs; a broker that cannot be reached (stopped, or gone) is named, with what it
   * means here, rather than taken for the whole cluster not answering.
   */
  private void alter(Map<ConfigResource, Collection<AlterConfigOp>> ops)
      throws InterruptedException, ExecutionException {
    Map<ConfigResource, KafkaFuture<Void>> results = admin.incrementalAlterConfigs(ops).values();
    Set<String> silent = new TreeSet<>();
    String why = null;
    for (Map.Entry<ConfigResource, KafkaFuture<Void>> e : results.entrySet()) {
      try {
        e.getValue().get();
      } catch (ExecutionException x) {
        if (!(x.getCause() instanceof TimeoutException)
            || e.getKey().type() != ConfigResource.Type.BROKER) {
          throw x;
        }
        silent.add(e.getKey().name());
        why = x.getCause().getMessage();
      }
    }
    if (!silent.isEmpty()) {
      throw new KafkitException(
          (silent.size() == 1 ? "Broker " : "Brokers ")
              + String.join(", ", silent)
              + " did not answer ("
              + why
              + "): the reassignment throttles are set and cleared on every broker of the plan"
              + " and of the cluster, so each must be running: start "
              + (silent.size() == 1 ? "it" : "them")
              + " and run this again ('kafkit cluster list-endpoints' lists the brokers that"
              + " run).");
    }
  }

  private static AlterConfigOp set(String name, String value) {
    return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
  }

  private static AlterConfigOp delete(String name) {
    return new AlterConfigOp(new ConfigEntry(name, ""), AlterConfigOp.OpType.DELETE);
  }
}
