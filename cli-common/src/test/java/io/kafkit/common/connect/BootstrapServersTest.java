package io.kafkit.common.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootstrapServersTest {
  @Test
  void parsesListsAndIpv6() {
    var parsed = BootstrapServers.parse("a:1, b:2,[::1]:9092");
    assertEquals(3, parsed.size());
    assertEquals("::1", parsed.get(2).getHostString());
    assertEquals(9092, parsed.get(2).getPort());
  }

  @Test
  void rejectsMissingPortsAndGarbage() {
    assertTrue(BootstrapServers.problem("localhost").isPresent());
    assertTrue(BootstrapServers.problem("a:99999").isPresent());
    assertTrue(BootstrapServers.problem("a:x").isPresent());
    assertTrue(BootstrapServers.problem("").isPresent());
    assertTrue(BootstrapServers.problem("a:1,b:2").isEmpty());
  }

  @Test
  void secretsAreRecognised() {
    assertTrue(Profiles.isSecret("sasl.jaas.config"));
    assertTrue(Profiles.isSecret("ssl.keystore.password"));
    assertTrue(Profiles.isSecret("ssl.key.password"));
    assertTrue(Profiles.isSecret("ssl.keystore.key"));
    assertTrue(Profiles.isSecret("sasl.oauthbearer.client.credentials.client.secret"));
    assertTrue(Profiles.isSecret("basic.auth.user.info")); // a schema registry's USER:PASSWORD
    assertTrue(Profiles.isSecret("schema.registry.basic.auth.user.info"));
    assertTrue(Profiles.isSecret("bearer.auth.token"));
    assertTrue(!Profiles.isSecret("schema.registry.url"));
    assertTrue(!Profiles.isSecret("bootstrap.servers"));
    assertTrue(!Profiles.isSecret("security.protocol"));
  }
}
