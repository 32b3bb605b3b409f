package io.kafkit.admin;

import io.kafkit.common.cli.KafkitException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Where {@code --generate} puts replicas: Apache's kind of fresh layout (round robin from a random
 * start, followers shifted, racks alternated), or a balanced layout that keeps as many replicas
 * where they are as it can ({@code --minimal-moves}).
 */
final class ReplicaPlacement {
  private ReplicaPlacement() {}

  /** A broker to place on, with its rack or null. */
  record Broker(int id, String rack) {}

  /**
   * A fresh layout of each topic's partitions over the brokers, keeping each topic's partition
   * count and replication factor, as Apache's tool makes one.
   */
  static Map<TopicPartition, List<Integer>> fresh(
      Map<TopicPartition, List<Integer>> current, List<Broker> brokers, Random random) {
    Map<String, List<TopicPartition>> byTopic = new TreeMap<>();
    current.keySet().stream()
        .sorted(ReassignmentJson.BY_TOPIC_AND_PARTITION)
        .forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp));
    List<Broker> ordered = rackAlternated(brokers);
    Map<TopicPartition, List<Integer>> proposed = new LinkedHashMap<>();
    for (List<TopicPartition> partitions : byTopic.values()) {
      int rf = current.get(partitions.get(0)).size();
      checkReplicationFactor(rf, brokers.size());
      int n = ordered.size();
      int start = random.nextInt(n);
      int shift = random.nextInt(n);
      for (int i = 0; i < partitions.size(); i++) {
        if (i > 0 && i % n == 0) {
          shift++;
        }
        int first = (i + start) % n;
        List<Integer> replicas = new ArrayList<>(List.of(ordered.get(first).id()));
        Set<String> racks = new HashSet<>();
        racks.add(ordered.get(first).rack());
        for (int j = 0; j < rf - 1; j++) {
          replicas.add(follower(ordered, first, shift + j, replicas, racks));
        }
        proposed.put(partitions.get(i), replicas);
      }
    }
    return proposed;
  }

  /** The next follower: shifted from the first replica, preferring a rack not yet used. */
  private static int follower(
      List<Broker> ordered, int first, int shift, List<Integer> chosen, Set<String> racks) {
    int n = ordered.size();
    int offset = 1 + Math.floorMod(shift, n - 1);
    Broker fallback = null;
    for (int k = 0; k < n; k++) {
      Broker candidate = ordered.get((first + offset + k) % n);
      if (chosen.contains(candidate.id())) {
        continue;
      }
      if (candidate.rack() == null || !racks.contains(candidate.rack())) {
        racks.add(candidate.rack());
        return candidate.id();
      }
      if (fallback == null) {
        fallback = candidate;
      }
    }
    return fallback.id();
  }

  /**
   * A layout that balances replicas over the brokers (each holds the same number, give or take one)
   * and preferred leaders likewise, moving as few replicas as it can: a replica stays where it is
   * unless its broker is not in the list or holds more than its share.
   */
  static Map<TopicPartition, List<Integer>> minimalMoves(
      Map<TopicPartition, List<Integer>> current, List<Broker> brokers) {
    List<TopicPartition> partitions =
        current.keySet().stream().sorted(ReassignmentJson.BY_TOPIC_AND_PARTITION).toList();
    Map<Integer, String> rackOf = new HashMap<>();
    brokers.forEach(b -> rackOf.put(b.id(), b.rack()));
    int total = 0;
    for (TopicPartition tp : partitions) {
      checkReplicationFactor(current.get(tp).size(), brokers.size());
      total += current.get(tp).size();
    }
    int n = brokers.size();
    int ceil = (total + n - 1) / n;
    int atCeil = total % n == 0 ? n : total % n;

    Map<Integer, Integer> load = new HashMap<>();
    brokers.forEach(b -> load.put(b.id(), 0));
    Map<TopicPartition, List<Integer>> kept = new LinkedHashMap<>();
    for (TopicPartition tp : partitions) {
      List<Integer> keep = new ArrayList<>();
      for (int replica : current.get(tp)) {
        if (load.containsKey(replica) && !keep.contains(replica)) {
          keep.add(replica);
          load.merge(replica, 1, Integer::sum);
        }
      }
      kept.put(tp, keep);
    }
    // Brokers over their share give up replicas, followers before leaders, one replica of a
    // partition per sweep: each replica given up is one move, wherever it goes.
    for (int pass = 0; pass < 2; pass++) {
      boolean again = true;
      while (again) {
        again = false;
        for (TopicPartition tp : partitions) {
          List<Integer> keep = kept.get(tp);
          for (int k = keep.size() - 1; k >= (pass == 0 ? 1 : 0); k--) {
            int replica = keep.get(k);
            if (load.get(replica) > ceil) {
              keep.remove(k);
              load.merge(replica, -1, Integer::sum);
              again = true;
              break;
            }
          }
        }
      }
    }
    // At most total % n brokers may hold one more than the others.
    List<Integer> full =
        load.entrySet().stream()
            .filter(e -> e.getValue() == ceil)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    for (int broker : full.subList(Math.min(atCeil, full.size()), full.size())) {
      for (int i = partitions.size() - 1; i >= 0; i--) {
        List<Integer> keep = kept.get(partitions.get(i));
        if (keep.indexOf(broker) > 0 || (keep.indexOf(broker) == 0 && keep.size() == 1)) {
          keep.remove((Integer) broker);
          load.merge(broker, -1, Integer::sum);
          break;
        }
      }
    }
    // Fill each partition's empty places from the least loaded brokers, another rack first.
    for (TopicPartition tp : partitions) {
      List<Integer> keep = kept.get(tp);
      int rf = current.get(tp).size();
      while (keep.size() < rf) {
        Set<String> racks = new HashSet<>();
        keep.forEach(r -> racks.add(rackOf.get(r)));
        int chosen =
            brokers.stream()
                .filter(b -> !keep.contains(b.id()))
                .min(
                    Comparator.comparingInt((Broker b) -> load.get(b.id()))
                        .thenComparing(b -> b.rack() != null && racks.contains(b.rack()))
                        .thenComparingInt(Broker::id))
                .orElseThrow()
                .id();
        keep.add(chosen);
        load.merge(chosen, 1, Integer::sum);
      }
    }
    evenOut(partitions, kept, current, load);
    balanceLeaders(partitions, kept, current, brokers);
    return kept;
  }

  /**
   * Moves replicas from the most to the least loaded broker while they differ by more than one
   * (filling can be forced onto a loaded broker when the least loaded hold the partition already),
   * taking replicas that move anyway first.
   */
  private static void evenOut(
      List<TopicPartition> partitions,
      Map<TopicPartition, List<Integer>> kept,
      Map<TopicPartition, List<Integer>> current,
      Map<Integer, Integer> load) {
    while (true) {
      int most = load.entrySet().stream().max(LOAD_THEN_ID).orElseThrow().getKey();
      int least = load.entrySet().stream().min(LOAD_THEN_ID).orElseThrow().getKey();
      if (load.get(most) - load.get(least) <= 1) {
        return;
      }
      TopicPartition chosen = null;
      for (TopicPartition tp : partitions) {
        List<Integer> replicas = kept.get(tp);
        if (replicas.contains(most) && !replicas.contains(least)) {
          chosen = tp;
          if (!current.get(tp).contains(most)) {
            break;
          }
        }
      }
      if (chosen == null) {
        return;
      }
      List<Integer> replicas = kept.get(chosen);
      replicas.set(replicas.indexOf(most), least);
      load.merge(most, -1, Integer::sum);
      load.merge(least, 1, Integer::sum);
    }
  }

  private static final Comparator<Map.Entry<Integer, Integer>> LOAD_THEN_ID =
      Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey());

  /**
   * Puts first in each replica list (the preferred leader) the current preferred leader where it is
   * kept, then hands leadership from brokers that lead more to replicas whose brokers lead at least
   * two fewer, until none does.
   */
  private static void balanceLeaders(
      List<TopicPartition> partitions,
      Map<TopicPartition, List<Integer>> kept,
      Map<TopicPartition, List<Integer>> current,
      List<Broker> brokers) {
    Map<Integer, Integer> leads = new HashMap<>();
    brokers.forEach(b -> leads.put(b.id(), 0));
    for (TopicPartition tp : partitions) {
      List<Integer> replicas = kept.get(tp);
      int leader = current.get(tp).get(0);
      if (!replicas.contains(leader)) {
        leader =
            replicas.stream()
                .min(Comparator.comparingInt((Integer r) -> leads.get(r)).thenComparingInt(r -> r))
                .orElseThrow();
      }
      replicas.remove((Integer) leader);
      replicas.add(0, leader);
      leads.merge(leader, 1, Integer::sum);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TopicPartition tp : partitions) {
        List<Integer> replicas = kept.get(tp);
        int leader = replicas.get(0);
        int best =
            replicas.stream()
                .min(Comparator.comparingInt((Integer r) -> leads.get(r)).thenComparingInt(r -> r))
                .orElseThrow();
        if (leads.get(best) + 1 < leads.get(leader)) {
          replicas.remove((Integer) best);
          replicas.add(0, best);
          leads.merge(leader, -1, Integer::sum);
          leads.merge(best, 1, Integer::sum);
          changed = true;
        }
      }
    }
  }

  /** How many replicas a plan places on a broker that does not hold them yet. */
  static int moves(
      Map<TopicPartition, List<Integer>> current, Map<TopicPartition, List<Integer>> proposed) {
    int moves = 0;
    for (Map.Entry<TopicPartition, List<Integer>> e : proposed.entrySet()) {
      List<Integer> before = current.get(e.getKey());
      moves += (int) e.getValue().stream().filter(r -> !before.contains(r)).count();
    }
    return moves;
  }

  /** Brokers sorted by id, alternating over racks when they have racks (as Apache orders them). */
  static List<Broker> rackAlternated(List<Broker> brokers) {
    List<Broker> sorted = brokers.stream().sorted(Comparator.comparingInt(Broker::id)).toList();
    if (sorted.stream().allMatch(b -> b.rack() == null)) {
      return sorted;
    }
    Map<String, List<Broker>> byRack = new TreeMap<>();
    sorted.forEach(b -> byRack.computeIfAbsent(b.rack(), r -> new ArrayList<>()).add(b));
    List<Broker> alternated = new ArrayList<>();
    for (int i = 0; alternated.size() < sorted.size(); i++) {
      for (List<Broker> rack : byRack.values()) {
        if (i < rack.size()) {
          alternated.add(rack.get(i));
        }
      }
    }
    return alternated;
  }

  private static void checkReplicationFactor(int rf, int brokers) {
    if (rf <= 0) {
      throw new KafkitException(
          "Invalid replication factor " + rf + ": the replication factor must be positive.");
    }
    if (brokers == 0) {
      throw new KafkitException(
          "None of the brokers of --broker-list is in the cluster: give the ids of live brokers.");
    }
    if (rf > brokers) {
      throw new KafkitException(
          "The target replication factor of "
              + rf
              + " cannot be reached because only "
              + brokers
              + " broker(s) are registered or some brokers have all their log directories"
              + " cordoned.");
    }
  }
}
