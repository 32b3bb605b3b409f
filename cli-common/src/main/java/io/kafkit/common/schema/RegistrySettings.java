package io.kafkit.common.schema;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the schema registry is and how to talk to it, from {@code --schema-registry} or the client
 * properties (a {@code --command-config} file, {@code --command-property}, a profile), under the
 * names Confluent's serializers read: {@code schema.registry.url} (a comma-separated list), {@code
 * basic.auth.user.info} with {@code basic.auth.credentials.source} USER_INFO (or URL: the URL's
 * user info), {@code bearer.auth.token}, and {@code schema.registry.ssl.*} for the registry's TLS
 * (truststore and keystore location, password, type; key password).
 */
public record RegistrySettings(
    List<URI> urls, String userInfo, String bearerToken, SSLContext ssl, Duration timeout) {

  public static final String URL = "schema.registry.url";

  /** Whether a registry was named at all. */
  public static boolean named(String urlFlag, Properties properties) {
    return urlFlag != null || properties.getProperty(URL) != null;
  }

  /**
   * @throws SchemaException when no registry is named, or its settings cannot be used
   */
  public static RegistrySettings from(String urlFlag, Properties p) {
    String given = urlFlag != null ? urlFlag : p.getProperty(URL);
    if (given == null || given.isBlank()) {
      throw new SchemaException(
          "No schema registry: give --schema-registry URL (or schema.registry.url in the client"
              + " properties or profile)");
    }
    List<URI> urls = new ArrayList<>();
    String fromUrl = null;
    for (String part : given.split(",")) {
      String u = part.trim();
      if (u.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
      } catch (IllegalArgumentException e) {
        throw new SchemaException("The schema registry URL '" + u + "' is not a URL");
      }
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new SchemaException(
            "The schema registry URL '" + u + "' is not an http:// or https:// URL");
      }
      if (uri.getUserInfo() != null) {
        fromUrl = uri.getUserInfo();
      }
      urls.add(uri);
    }
    if (urls.isEmpty()) {
      throw new SchemaException("The schema registry URL is empty");
    }
    String source = property(p, "basic.auth.credentials.source");
    String userInfo = property(p, "basic.auth.user.info");
    if ("URL".equalsIgnoreCase(source) || (userInfo == null && fromUrl != null)) {
      userInfo = fromUrl;
    }
    String token = property(p, "bearer.auth.token");
    String timeoutMs = p.getProperty("schema.registry.request.timeout.ms");
    Duration timeout = Duration.ofSeconds(30);
    if (timeoutMs != null) {
      try {
        timeout = Duration.ofMillis(Long.parseLong(timeoutMs.trim()));
        if (timeout.toMillis() <= 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new SchemaException(
            "schema.registry.request.timeout.ms must be milliseconds above 0, not '"
                + timeoutMs
                + "'");
      }
    }
    return new RegistrySettings(urls, userInfo, token, ssl(p), timeout);
  }

  /** The name with the {@code schema.registry.} prefix first, as Confluent's clients take it. */
  private static String property(Properties p, String name) {
    String prefixed = p.getProperty("schema.registry." + name);
    return prefixed != null ? prefixed : p.getProperty(name);
  }

  private static SSLContext ssl(Properties p) {
    String trustStore = p.getProperty("schema.registry.ssl.truststore.location");
    String keyStore = p.getProperty("schema.registry.ssl.keystore.location");
    if (trustStore == null && keyStore == null) {
      return null;
    }
    try {
      TrustManagerFactory trust = null;
      if (trustStore != null) {
        KeyStore store =
            load(
                trustStore,
                p.getProperty("schema.registry.ssl.truststore.type", "JKS"),
                p.getProperty("schema.registry.ssl.truststore.password"));
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
      }
      KeyManagerFactory keys = null;
      if (keyStore != null) {
        String password = p.getProperty("schema.registry.ssl.keystore.password");
        KeyStore store =
            load(keyStore, p.getProperty("schema.registry.ssl.keystore.type", "JKS"), password);
        String keyPassword = p.getProperty("schema.registry.ssl.key.password", password);
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, keyPassword == null ? null : keyPassword.toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(),
          null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new SchemaException("Cannot set up TLS for the schema registry: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(String location, String type, String password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      store.load(in, password == null ? null : password.toCharArray());
    }
    return store;
  }
}
