package io.kafkit.admin;

import io.kafkit.admin.ReplicaPlacement.Broker;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.output.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * {@code --generate}: the topics' current assignment and a proposed one over the listed brokers,
 * Apache's kind of fresh layout or a minimal-moves one.
 */
final class ReassignmentPlanner {
  private final Reassignments cluster;
  private final PrintWriter err;

  ReassignmentPlanner(Reassignments cluster, PrintWriter err) {
    this.cluster = cluster;
    this.err = err;
  }

  /** Both assignments as Apache prints them, and how many replicas the proposal moves. */
  record Plan(String current, String proposed, int replicas, int moves, int freshMoves) {
    /** What --generate --output json prints. */
    View view() {
      try {
        return new View(
            Json.mapper().readTree(current), Json.mapper().readTree(proposed), replicas, moves);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  record View(Object current, Object proposed, int replicas, int moves) {}

  Plan plan(List<String> topics, List<Integer> brokerIds, boolean rackAware, boolean minimal)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, TopicPartitionInfo> partitions = cluster.describe(topics);
    String currentJson = cluster.currentJson(partitions);
    List<Broker> brokers = new ArrayList<>();
    Map<Integer, Node> nodes = cluster.brokers();
    for (Node node : nodes.values()) {
      if (brokerIds.contains(node.id())) {
        brokers.add(new Broker(node.id(), rackAware ? node.rack() : null));
      }
    }
    brokerIds.stream()
        .filter(id -> !nodes.containsKey(id))
        .forEach(
            id ->
                err.println(
                    "Warning: broker "
                        + id
                        + " of --broker-list is not in the cluster; the plan leaves it out."));
    long withRack = brokers.stream().filter(b -> b.rack() != null).count();
    if (withRack > 0 && withRack < brokers.size()) {
      throw new KafkitException(
          "Not all brokers have rack information. Add --disable-rack-aware in command line to"
              + " make replica assignment without rack information.");
    }
    Map<TopicPartition, List<Integer>> current = new LinkedHashMap<>();
    partitions.forEach((tp, info) -> current.put(tp, Reassignments.ids(info.replicas())));
    Map<TopicPartition, List<Integer>> fresh =
        ReplicaPlacement.fresh(current, brokers, new Random());
    Map<TopicPartition, List<Integer>> proposed =
        minimal ? ReplicaPlacement.minimalMoves(current, brokers) : fresh;
    return new Plan(
        currentJson,
        ReassignmentJson.format(proposed, Map.of()),
        current.values().stream().mapToInt(List::size).sum(),
        ReplicaPlacement.moves(current, proposed),
        ReplicaPlacement.moves(current, fresh));
  }
}
