package io.kafkit.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client over TLS, with Confluent's {@code schema.registry.ssl.*} settings: a
 * certificate made by the JDK's keytool for 127.0.0.1, a listener that shows it, and one that also
 * asks for the client's.
 */
class RegistryTlsTest {
  static final String PASSWORD = "changeit";
  @TempDir static Path dir;
  static Path keyStore;
  static Path trustStore;
  static HttpsServer server;
  static HttpsServer mutual;

  @BeforeAll
  static void start() throws Exception {
    keyStore = dir.resolve("registry.p12");
    trustStore = dir.resolve("trust.p12");
    Path cert = dir.resolve("registry.crt");
    keytool(
        "-genkeypair",
        "-alias",
        "registry",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        keyStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        "registry",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "registry",
        "-file",
        cert.toString(),
        "-keystore",
        trustStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    SSLContext context = serverContext();
    server = listen(context, false);
    mutual = listen(context, true);
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    mutual.stop(0);
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
  }

  /** The server's key, and trust in the same certificate for clients that show it. */
  private static SSLContext serverContext() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private static HttpsServer listen(SSLContext context, boolean needClientCertificate)
      throws IOException {
    HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
            ssl.setNeedClientAuth(needClientCertificate);
            params.setSSLParameters(ssl);
          }
        });
    s.createContext(
        "/",
        exchange -> {
          byte[] body = "[\"orders-value\"]".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    s.start();
    return s;
  }

  private static String url(HttpsServer s) {
    return "https://127.0.0.1:" + s.getAddress().getPort();
  }

  private static String subjects(HttpsServer s, Properties p) {
    try (RegistryClient client = new RegistryClient(RegistrySettings.from(url(s), p))) {
      return client.get("/subjects").toString();
    }
  }

  private static Properties trusting() {
    Properties p = new Properties();
    p.setProperty("schema.registry.ssl.truststore.location", trustStore.toString());
    p.setProperty("schema.registry.ssl.truststore.password", PASSWORD);
    p.setProperty("schema.registry.ssl.truststore.type", "PKCS12");
    return p;
  }

  @Test
  void aTrustStoreLetsTheClientTrustTheRegistry() {
    assertEquals("[\"orders-value\"]", subjects(server, trusting()));
    Properties defaultType = trusting();
    defaultType.remove("schema.registry.ssl.truststore.type"); // JKS, which reads PKCS12 too
    assertEquals("[\"orders-value\"]", subjects(server, defaultType));

    SchemaException untrusted =
        assertThrows(SchemaException.class, () -> subjects(server, new Properties()));
    assertTrue(
        untrusted.getMessage().startsWith("Cannot reach the schema registry at " + url(server)),
        untrusted.getMessage());
    assertTrue(
        untrusted.getMessage().contains("check schema.registry.ssl.truststore.location"),
        untrusted.getMessage());
  }

  @Test
  void aKeyStoreShowsTheClientsCertificate() {
    Properties withKey = trusting();
    withKey.setProperty("schema.registry.ssl.keystore.location", keyStore.toString());
    withKey.setProperty("schema.registry.ssl.keystore.password", PASSWORD);
    withKey.setProperty("schema.registry.ssl.keystore.type", "PKCS12");
    assertEquals("[\"orders-value\"]", subjects(mutual, withKey));

    SchemaException refused =
        assertThrows(SchemaException.class, () -> subjects(mutual, trusting()));
    assertEquals(
        "Cannot reach the schema registry at "
            + url(mutual)
            + ": the registry closed the connection after the TLS handshake: if it asks for a"
            + " client certificate, set schema.registry.ssl.keystore.location (and its password)",
        refused.getMessage());
  }

  @Test
  void aWrongPasswordIsOneLine() {
    Properties p = trusting();
    p.setProperty("schema.registry.ssl.truststore.password", "wrong");
    SchemaException e =
        assertThrows(SchemaException.class, () -> RegistrySettings.from(url(server), p));
    assertTrue(
        e.getMessage().startsWith("Cannot set up TLS for the schema registry: "), e.getMessage());
  }
}
