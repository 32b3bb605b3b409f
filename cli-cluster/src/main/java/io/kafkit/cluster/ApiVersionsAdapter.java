package io.kafkit.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.NodeApiVersions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeFeaturesOptions;
import org.apache.kafka.clients.admin.DescribeFeaturesResult;
import org.apache.kafka.clients.admin.internals.InternalDescribeFeaturesResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * The one place that reads a node's API version ranges, which kafka-clients' public API does not
 * expose: Admin#describeFeatures sent to one node answers with them, inside its internal result
 * type (as Apache's kafka-cluster.sh reads them). The text is kafka-clients' own rendering, so it
 * is Apache's byte for byte; the list is the same for JSON.
 */
final class ApiVersionsAdapter {
  private ApiVersionsAdapter() {}

  /** One API as a node supports it; the versions are null where the node lacks it. */
  record Api(int id, String name, Integer minVersion, Integer maxVersion, Integer usableVersion) {}

  /** A node's APIs, as Apache's line block and as a list. */
  record NodeApis(String text, List<Api> apis) {}

  /** Asks one node (a broker, or a controller under bootstrap.controllers) for its API versions. */
  static KafkaFuture<NodeApis> request(Admin admin, int nodeId) {
    DescribeFeaturesResult result =
        admin.describeFeatures(new DescribeFeaturesOptions().nodeId(nodeId));
    if (!(result instanceof InternalDescribeFeaturesResult internal)) {
      throw new IllegalStateException(
          "kafka-clients' describeFeatures no longer carries API versions ("
              + result.getClass().getName()
              + ")");
    }
    return internal.nodeApiVersions().thenApply(ApiVersionsAdapter::of);
  }

  /**
   * The text kafka-clients renders (ascending API key; an API clients use that the node lacks is
   * UNSUPPORTED) and the same as a list.
   */
  static NodeApis of(NodeApiVersions versions) {
    Map<Integer, Api> byId = new TreeMap<>();
    for (Map.Entry<ApiKeys, ApiVersion> e : versions.allSupportedApiVersions().entrySet()) {
      ApiKeys key = e.getKey();
      short min = e.getValue().minVersion();
      short max = e.getValue().maxVersion();
      Integer usable =
          key.latestVersion() < min || max < key.oldestVersion()
              ? null
              : Math.min(key.latestVersion(), max);
      byId.put((int) key.id, new Api(key.id, key.name, (int) min, (int) max, usable));
    }
    for (ApiKeys key : ApiKeys.clientApis()) {
      byId.putIfAbsent((int) key.id, new Api(key.id, key.name, null, null, null));
    }
    return new NodeApis(versions.toString(true), new ArrayList<>(byId.values()));
  }
}
