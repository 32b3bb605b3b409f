package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.admin.ReplicaPlacement.Broker;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The layouts --generate proposes: valid, balanced, and with --minimal-moves, few moves. */
class ReplicaPlacementTest {
  /** A topic laid out round robin over brokers 1..n, as topic creation lays it out. */
  static Map<TopicPartition, List<Integer>> roundRobin(
      String topic, int partitions, int rf, int n) {
    Map<TopicPartition, List<Integer>> layout = new LinkedHashMap<>();
    for (int p = 0; p < partitions; p++) {
      int first = p % n;
      layout.put(
          new TopicPartition(topic, p),
          IntStream.range(0, rf).map(j -> 1 + (first + j) % n).boxed().toList());
    }
    return layout;
  }

  static List<Broker> brokers(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(id -> new Broker(id, null)).toList();
  }

  static Map<Integer, Integer> counts(Map<TopicPartition, List<Integer>> layout, boolean leaders) {
    Map<Integer, Integer> counts = new HashMap<>();
    layout
        .values()
        .forEach(
            replicas ->
                (leaders ? replicas.subList(0, 1) : replicas)
                    .forEach(b -> counts.merge(b, 1, Integer::sum)));
    return counts;
  }

  static void assertValid(
      Map<TopicPartition, List<Integer>> current,
      Map<TopicPartition, List<Integer>> proposed,
      List<Broker> brokers) {
    assertEquals(current.keySet(), proposed.keySet());
    var ids = brokers.stream().map(Broker::id).toList();
    proposed.forEach(
        (tp, replicas) -> {
          assertEquals(current.get(tp).size(), replicas.size(), tp + " keeps its replica count");
          assertEquals(replicas.size(), new HashSet<>(replicas).size(), tp + ": distinct brokers");
          assertTrue(ids.containsAll(replicas), tp + " only on the listed brokers: " + replicas);
        });
  }

  static void assertBalanced(Map<Integer, Integer> counts, int brokers) {
    int min = counts.values().stream().min(Integer::compare).orElse(0);
    int max = counts.values().stream().max(Integer::compare).orElse(0);
    assertEquals(brokers, counts.size(), "every broker used: " + counts);
    assertTrue(max - min <= 1, "balanced within one: " + counts);
  }

  @Test
  void freshLayoutIsValidAndBalanced() {
    var current = roundRobin("t", 12, 3, 3);
    var brokers = brokers(1, 4);
    var proposed = ReplicaPlacement.fresh(current, brokers, new Random(7));
    assertValid(current, proposed, brokers);
    assertBalanced(counts(proposed, false), 4);
    assertBalanced(counts(proposed, true), 4);
  }

  @Test
  void freshLayoutPutsReplicasOnDistinctRacks() {
    var current = roundRobin("t", 30, 2, 4);
    var brokers =
        List.of(new Broker(1, "a"), new Broker(2, "a"), new Broker(3, "b"), new Broker(4, "b"));
    var proposed = ReplicaPlacement.fresh(current, brokers, new Random(3));
    Map<Integer, String> rack = Map.of(1, "a", 2, "a", 3, "b", 4, "b");
    proposed.forEach(
        (tp, r) -> assertTrue(!rack.get(r.get(0)).equals(rack.get(r.get(1))), tp + ": " + r));
  }

  @Test
  void minimalMovesAddingBrokersMovesOnlyTheirShare() {
    // 1,000 partitions of three replicas on brokers 1-6; brokers 7 and 8 join.
    var current = roundRobin("t", 1000, 3, 6);
    var brokers = brokers(1, 8);
    var proposed = ReplicaPlacement.minimalMoves(current, brokers);
    assertValid(current, proposed, brokers);
    assertBalanced(counts(proposed, false), 8);
    assertBalanced(counts(proposed, true), 8);
    int moves = ReplicaPlacement.moves(current, proposed);
    // the two new brokers' share: 3,000 replicas / 8 = 375 each, nothing else has to move
    assertEquals(750, moves);
    int fresh =
        ReplicaPlacement.moves(current, ReplicaPlacement.fresh(current, brokers, new Random(1)));
    assertTrue(fresh > 2 * moves, "a fresh layout moves far more: " + fresh);
  }

  @Test
  void minimalMovesRemovingABrokerMovesOnlyItsReplicas() {
    var current = roundRobin("t", 1000, 3, 6);
    var brokers = brokers(1, 5);
    var proposed = ReplicaPlacement.minimalMoves(current, brokers);
    assertValid(current, proposed, brokers);
    assertBalanced(counts(proposed, false), 5);
    assertEquals(500, ReplicaPlacement.moves(current, proposed), "broker 6's 500 replicas");
  }

  @Test
  void minimalMovesOnABalancedLayoutMovesNothing() {
    var current = roundRobin("t", 999, 3, 9);
    var proposed = ReplicaPlacement.minimalMoves(current, brokers(1, 9));
    assertEquals(current, proposed);
  }
}
