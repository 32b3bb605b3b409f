package io.kafkit.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of Confluent's schema registry REST API, which Confluent's, Apicurio's (at {@code
 * /apis/ccompat/v7}), Karapace's and Redpanda's registries speak. Schemas fetched by id are kept
 * for the run, so each is fetched once. The registry's refusals come back as {@link
 * RegistryException}, with its error code and message.
 */
public final class RegistryClient implements AutoCloseable {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final RegistrySettings settings;
  private final HttpClient http;
  private final String authorization;
  private final Map<Integer, RegisteredSchema> byId = new ConcurrentHashMap<>();

  /** A schema as the registry holds it. */
  public record RegisteredSchema(
      int id, SchemaType type, String text, String subject, int version, JsonNode references) {}

  /** An error response: the registry's own code (40401, 42201, ...) and message. */
  public static final class RegistryException extends SchemaException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final int errorCode;

    RegistryException(String message, int status, int errorCode) {
      super(message);
      this.status = status;
      this.errorCode = errorCode;
    }

    public int status() {
      return status;
    }

    public int errorCode() {
      return errorCode;
    }
  }

  /** No registry URL answered: nothing that needs the registry can go on. */
  public static final class UnreachableException extends SchemaException {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message) {
      super(message);
    }
  }

  public RegistryClient(RegistrySettings settings) {
    this.settings = settings;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (settings.ssl() != null) {
      b.sslContext(settings.ssl());
    }
    this.http = b.build();
    if (settings.bearerToken() != null) {
      authorization = "Bearer " + settings.bearerToken();
    } else if (settings.userInfo() != null) {
      authorization =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(settings.userInfo().getBytes(StandardCharsets.UTF_8));
    } else {
      authorization = null;
    }
  }

  /**
   * Stops the HTTP client's selector thread (Java 21 and newer): a JVM exiting while it waits in
   * native code waits 300 ms more for it.
   */
  @Override
  public void close() {
    if (http instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // nothing was in flight; the process ends anyway
      }
    }
  }

  /** The schema with this id, fetched once per run. */
  public RegisteredSchema schemaById(int id) {
    return byId.computeIfAbsent(
        id,
        k -> {
          JsonNode n = get("/schemas/ids/" + k);
          return new RegisteredSchema(
              k,
              SchemaType.fromRegistry(text(n, "schemaType")),
              text(n, "schema"),
              null,
              0,
              n.get("references"));
        });
  }

  /** A subject's version: a number, or "latest". */
  public RegisteredSchema version(String subject, String version) {
    JsonNode n = get("/subjects/" + encode(subject) + "/versions/" + encode(version));
    RegisteredSchema s =
        new RegisteredSchema(
            n.path("id").asInt(),
            SchemaType.fromRegistry(text(n, "schemaType")),
            text(n, "schema"),
            text(n, "subject"),
            n.path("version").asInt(),
            n.get("references"));
    byId.putIfAbsent(s.id(), s);
    return s;
  }

  /** Registers the schema under the subject (or finds it there); returns its id. */
  public int register(String subject, SchemaType type, String schema) {
    return register(subject, type, schema, null);
  }

  /**
   * @param references the registered schemas it refers to (objects of name, subject, version), or
   *     null
   */
  public int register(String subject, SchemaType type, String schema, JsonNode references) {
    JsonNode n = post("/subjects/" + encode(subject) + "/versions", body(type, schema, references));
    if (!n.has("id")) {
      throw new SchemaException("The registry's answer to a registration has no id: " + n);
    }
    return n.get("id").asInt();
  }

  /** The id of this schema under the subject, where it is registered already. */
  public int lookup(String subject, SchemaType type, String schema) {
    JsonNode n = post("/subjects/" + encode(subject), body(type, schema));
    if (!n.has("id")) {
      throw new SchemaException("The registry's answer to a lookup has no id: " + n);
    }
    return n.get("id").asInt();
  }

  /** The request body that names a schema: its text and, unless Avro, its type. */
  public static ObjectNode body(SchemaType type, String schema) {
    return body(type, schema, null);
  }

  /** With the registered schemas it refers to, when there are any. */
  public static ObjectNode body(SchemaType type, String schema, JsonNode references) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("schema", schema);
    if (type != SchemaType.AVRO) {
      body.put("schemaType", type.name());
    }
    if (references != null && !references.isEmpty()) {
      body.set("references", references);
    }
    return body;
  }

  public JsonNode get(String path) {
    return send("GET", path, null);
  }

  public JsonNode post(String path, JsonNode body) {
    return send("POST", path, body);
  }

  public JsonNode put(String path, JsonNode body) {
    return send("PUT", path, body);
  }

  public JsonNode delete(String path) {
    return send("DELETE", path, null);
  }

  /** A path segment: a subject may hold any character. */
  public static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * One request to the first registry URL that answers.
   *
   * @throws RegistryException on an error response
   * @throws SchemaException when no registry URL answers within the timeout
   */
  public JsonNode send(String method, String path, JsonNode body) {
    UnreachableException last = null;
    for (URI base : settings.urls()) {
      URI uri = URI.create(withoutUserInfo(base) + path);
      HttpRequest.Builder r =
          HttpRequest.newBuilder(uri)
              .timeout(settings.timeout())
              .header("Accept", CONTENT_TYPE + ", application/json");
      if (authorization != null) {
        r.header("Authorization", authorization);
      }
      if (body != null) {
        r.header("Content-Type", CONTENT_TYPE);
        r.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
      } else {
        r.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (HttpTimeoutException e) {
        last =
            new UnreachableException(
                "The schema registry at "
                    + withoutUserInfo(base)
                    + " did not answer within "
                    + seconds());
        continue;
      } catch (ConnectException e) {
        last =
            new UnreachableException(
                "Cannot reach the schema registry at "
                    + withoutUserInfo(base)
                    + ": "
                    + reason(e, base));
        continue;
      } catch (IOException e) {
        last =
            new UnreachableException(
                "Cannot reach the schema registry at "
                    + withoutUserInfo(base)
                    + ": "
                    + reason(e, base));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaException("Interrupted while asking the schema registry");
      }
      return answer(method, uri, response);
    }
    throw last;
  }

  private JsonNode answer(String method, URI uri, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    JsonNode n;
    try {
      byte[] b = response.body();
      n = b.length == 0 ? MAPPER.nullNode() : MAPPER.readTree(b);
    } catch (IOException e) {
      n = null;
    }
    if (status >= 200 && status < 300 && n != null) {
      return n;
    }
    if (n != null && n.has("message")) {
      throw new RegistryException(
          "The schema registry refused: "
              + n.get("message").asText()
              + " (error "
              + n.path("error_code").asInt(status)
              + ")",
          status,
          n.path("error_code").asInt(status));
    }
    if (status == 401 || status == 403) {
      throw new RegistryException(
          "The schema registry refused the credentials (HTTP "
              + status
              + "): check basic.auth.user.info or bearer.auth.token",
          status,
          status);
    }
    throw new RegistryException(
        "The schema registry answered HTTP "
            + status
            + " to "
            + method
            + " "
            + uri
            + (status == 404 ? ": is the URL the registry's API root?" : ""),
        status,
        status);
  }

  private String seconds() {
    long ms = settings.timeout().toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  /** Why a connection failed, in words: the JDK's exceptions often have no message. */
  private static String reason(IOException e, URI base) {
    if ("https".equalsIgnoreCase(base.getScheme()) && refusedClient(e)) {
      // TLS 1.3: the client's side of the handshake is over before the server checks its
      // certificate, so a refusal arrives as a connection closed with nothing said
      return "the registry closed the connection after the TLS handshake: if it asks for a client"
          + " certificate, set schema.registry.ssl.keystore.location (and its password)";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.channels.UnresolvedAddressException
          || t instanceof java.net.UnknownHostException) {
        return "unknown host";
      }
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "TLS failed (" + e.getMessage() + "): check schema.registry.ssl.truststore.location";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static boolean refusedClient(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null
          && (m.contains("received no bytes")
              || m.contains("certificate_required")
              || m.contains("bad_certificate"))) {
        return true;
      }
    }
    return false;
  }

  private static String withoutUserInfo(URI u) {
    if (u.getUserInfo() == null) {
      return u.toString();
    }
    return u.toString().replace(u.getRawUserInfo() + "@", "");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
