package io.kafkit.topics;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --replica-assignment 1:2,2:3}: partition 0 on brokers 1 and 2, partition 1 on 2 and 3. */
final class ReplicaAssignment {
  private ReplicaAssignment() {}

  static Map<Integer, List<Integer>> parse(String text) {
    Map<Integer, List<Integer>> assignment = new LinkedHashMap<>();
    String[] partitions = text.split(",");
    for (int p = 0; p < partitions.length; p++) {
      List<Integer> brokers = new ArrayList<>();
      for (String id : partitions[p].split(":")) {
        try {
          brokers.add(Integer.parseInt(id.trim()));
        } catch (NumberFormatException e) {
          throw usage(
              "--replica-assignment '" + text + "': '" + id.trim() + "' is not a broker id");
        }
      }
      if (new HashSet<>(brokers).size() != brokers.size()) {
        throw usage("Partition replica lists may not contain duplicate entries: " + brokers);
      }
      if (p > 0 && brokers.size() != assignment.get(0).size()) {
        throw usage("Partition " + p + " has different replication factor: " + brokers);
      }
      assignment.put(p, brokers);
    }
    return assignment;
  }

  private static KafkitException usage(String message) {
    return new KafkitException(message, ExitCodes.USAGE, null);
  }
}
