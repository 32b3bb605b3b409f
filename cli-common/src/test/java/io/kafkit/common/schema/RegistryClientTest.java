package io.kafkit.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the registry client sends for credentials, under Confluent's property names. The tests of
 * what registries answer run against a real one (SchemaDecodeIT, SchemaEncodeIT, RegistryIT); the
 * one registry built here has no login of its own, so this listener only records the requests'
 * Authorization headers.
 */
class RegistryClientTest {
  private HttpServer server;
  private final List<String> authorizations = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          authorizations.add(auth == null ? "none" : auth);
          byte[] body =
              (auth == null
                      ? "{\"error_code\":40101,\"message\":\"Unauthorized\"}"
                      : "[\"orders-value\"]")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(auth == null ? 401 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String userInfo) {
    return "http://"
        + (userInfo == null ? "" : userInfo + "@")
        + "127.0.0.1:"
        + server.getAddress().getPort();
  }

  private String subjects(String urlFlag, Properties p) {
    try (RegistryClient client = new RegistryClient(RegistrySettings.from(urlFlag, p))) {
      return client.get("/subjects").toString();
    }
  }

  static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void credentialsUnderConfluentsNames() {
    Properties userInfo = new Properties();
    userInfo.setProperty("basic.auth.credentials.source", "USER_INFO");
    userInfo.setProperty("basic.auth.user.info", "alice:s3cret");
    assertEquals("[\"orders-value\"]", subjects(url(null), userInfo));

    Properties prefixed = new Properties();
    prefixed.setProperty("schema.registry.url", url(null));
    prefixed.setProperty("schema.registry.basic.auth.user.info", "bob:pw");
    subjects(null, prefixed);

    Properties fromUrl = new Properties();
    fromUrl.setProperty("basic.auth.credentials.source", "URL");
    subjects(url("carol:pw2"), fromUrl);

    Properties bearer = new Properties();
    bearer.setProperty("bearer.auth.token", "t0ken");
    subjects(url(null), bearer);

    assertEquals(
        List.of(basic("alice:s3cret"), basic("bob:pw"), basic("carol:pw2"), "Bearer t0ken"),
        authorizations);
  }

  @Test
  void aRefusedLoginIsOneLineWithoutTheCredentials() {
    SchemaException e =
        assertThrows(SchemaException.class, () -> subjects(url(null), new Properties()));
    assertEquals("The schema registry refused: Unauthorized (error 40101)", e.getMessage());

    server.stop(0);
    Properties fromUrl = new Properties();
    fromUrl.setProperty("basic.auth.credentials.source", "URL");
    SchemaException dead =
        assertThrows(SchemaException.class, () -> subjects(url("dave:hunter2"), fromUrl));
    assertTrue(
        dead.getMessage().startsWith("Cannot reach the schema registry at http://127.0.0.1:"));
    assertFalse(dead.getMessage().contains("hunter2"), dead.getMessage());
  }

  @Test
  void badSettingsSayWhich() {
    Properties p = new Properties();
    p.setProperty("schema.registry.request.timeout.ms", "0");
    assertEquals(
        "schema.registry.request.timeout.ms must be milliseconds above 0, not '0'",
        assertThrows(SchemaException.class, () -> RegistrySettings.from(url(null), p))
            .getMessage());
    assertEquals(
        "The schema registry URL 'ftp://x' is not an http:// or https:// URL",
        assertThrows(
                SchemaException.class, () -> RegistrySettings.from("ftp://x", new Properties()))
            .getMessage());
  }
}
