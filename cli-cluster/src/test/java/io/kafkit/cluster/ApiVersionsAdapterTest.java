package io.kafkit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.kafka.clients.NodeApiVersions;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.Test;

/** The adapter over kafka-clients' internal NodeApiVersions, on versions made here. */
class ApiVersionsAdapterTest {
  @Test
  void textIsKafkasAndTheListAgrees() {
    NodeApiVersions versions =
        new NodeApiVersions(
            List.of(
                new ApiVersion()
                    .setApiKey(ApiKeys.PRODUCE.id)
                    .setMinVersion((short) 0)
                    .setMaxVersion((short) 13),
                new ApiVersion()
                    .setApiKey(ApiKeys.FETCH.id)
                    .setMinVersion((short) 4)
                    .setMaxVersion((short) 99),
                new ApiVersion()
                    .setApiKey(ApiKeys.METADATA.id)
                    .setMinVersion((short) 0)
                    .setMaxVersion((short) 0)),
            List.of());
    ApiVersionsAdapter.NodeApis apis = ApiVersionsAdapter.of(versions);
    assertEquals(versions.toString(true), apis.text());
    assertTrue(apis.text().startsWith("(\n\tProduce(0): 0 to 13 [usable: 13],\n"), apis.text());

    ApiVersionsAdapter.Api produce = apis.apis().get(0);
    assertEquals(new ApiVersionsAdapter.Api(0, "Produce", 0, 13, 13), produce);
    ApiVersionsAdapter.Api fetch = apis.apis().get(1);
    assertEquals((int) ApiKeys.FETCH.latestVersion(), fetch.usableVersion()); // the client's latest
    ApiVersionsAdapter.Api metadata = apis.apis().get(3); // after ListOffsets (2)
    assertEquals(0, metadata.usableVersion());
    ApiVersionsAdapter.Api offsets =
        apis.apis().stream()
            .filter(a -> a.id() == ApiKeys.LIST_OFFSETS.id)
            .findFirst()
            .orElseThrow();
    assertNull(offsets.minVersion()); // a client API the node lacks: UNSUPPORTED in the text
    assertTrue(apis.text().contains("ListOffsets(2): UNSUPPORTED"), apis.text());
    assertEquals(ApiKeys.clientApis().size(), apis.apis().size());
  }
}
