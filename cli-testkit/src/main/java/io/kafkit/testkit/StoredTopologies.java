package io.kafkit.testkit;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.coordinator.group.api.streams.StreamsGroupTopologyDescription;
import org.apache.kafka.coordinator.group.api.streams.StreamsGroupTopologyDescriptionPlugin;

/**
 * The test clusters' store of streams groups' topology descriptions (the broker's
 * group.streams.topology.description.plugin.class), in memory: what streams-groups --describe
 * --topology shows.
 */
public final class StoredTopologies implements StreamsGroupTopologyDescriptionPlugin {
  private static final Map<String, StreamsGroupTopologyDescription> TOPOLOGIES =
      new ConcurrentHashMap<>();

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public CompletableFuture<Void> setTopology(
      String groupId, int topologyEpoch, StreamsGroupTopologyDescription topology) {
    TOPOLOGIES.put(groupId + "/" + topologyEpoch, topology);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> deleteTopology(String groupId) {
    TOPOLOGIES.keySet().removeIf(k -> k.startsWith(groupId + "/"));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<StreamsGroupTopologyDescription> getTopology(
      String groupId, int topologyEpoch) {
    return CompletableFuture.completedFuture(TOPOLOGIES.get(groupId + "/" + topologyEpoch));
  }

  @Override
  public void close() {}
}
