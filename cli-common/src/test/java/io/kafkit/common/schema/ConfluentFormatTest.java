package io.kafkit.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records and schemas as Confluent's serializers and registry have them, where they differ from
 * Avro's and protobuf's own ways: a top-level Avro bytes schema, defaults a registered schema may
 * hold, map entries written out, public imports, and references shared by several schemas. The
 * registry here answers from a map, and counts what it is asked.
 */
class ConfluentFormatTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private HttpServer server;
  private final Map<String, ObjectNode> versions = new HashMap<>();
  private final List<String> asked = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          asked.add(path);
          ObjectNode answer = versions.get(path);
          byte[] body =
              (answer == null
                      ? "{\"error_code\":40402,\"message\":\"Version not found\"}"
                      : answer.toString())
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** Registers a schema as the subject's version, the latest too, and by id. */
  private void register(
      String subject, int version, int id, String type, String text, String... refs) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("subject", subject).put("version", version).put("id", id).put("schema", text);
    n.put("schemaType", type);
    ArrayNode references = n.putArray("references");
    for (String r : refs) { // name=subject:version
      String[] parts = r.split("[=:]");
      references
          .addObject()
          .put("name", parts[0])
          .put("subject", parts[1])
          .put("version", Integer.parseInt(parts[2]));
    }
    versions.put("/subjects/" + subject + "/versions/" + version, n);
    versions.put("/subjects/" + subject + "/versions/latest", n);
    versions.put("/schemas/ids/" + id, n);
  }

  private SchemaCodecs codecs() {
    Properties p = new Properties();
    return new SchemaCodecs(
        new RegistryClient(
            RegistrySettings.from("http://127.0.0.1:" + server.getAddress().getPort(), p)));
  }

  @Test
  void aTopLevelBytesSchemasRecordsAreTheBytesAloneWhenFramed() throws IOException {
    AvroCodec bytes = AvroCodec.parse("\"bytes\"");
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    bytes.encode(MAPPER.readTree("\"hello\""), true, framed);
    assertEquals("68656c6c6f", HexFormat.of().formatHex(framed.toByteArray()));
    assertEquals("\"hello\"", json(bytes, "hello".getBytes(StandardCharsets.ISO_8859_1), true));
    // plain records keep Avro's own encoding, with its length first
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    bytes.encode(MAPPER.readTree("\"hello\""), false, plain);
    assertEquals("0a68656c6c6f", HexFormat.of().formatHex(plain.toByteArray()));
    assertEquals("\"hello\"", json(bytes, plain.toByteArray(), false));
  }

  @Test
  void aRegisteredAvroSchemaWithADefaultThatDoesNotFitStillReads() throws IOException {
    String text =
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\","
            + "\"default\":\"x\"}]}";
    assertThrows(SchemaException.class, () -> AvroCodec.parse(text)); // a new schema is checked
    register("r-value", 1, 7, "AVRO", text);
    try (SchemaCodecs codecs = codecs()) {
      assertEquals("{\"a\":3}", json(codecs.byId(7), new byte[] {6}, true));
    }
  }

  @Test
  void avroReferencesSharedBySeveralSchemasTakeTheFirstMet() throws IOException {
    String d1 =
        "{\"type\":\"record\",\"name\":\"D\",\"namespace\":\"d\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    String d2 = d1.replace("\"int\"", "\"long\"");
    register("d", 1, 1, "AVRO", d1);
    register("d", 2, 2, "AVRO", d2);
    register(
        "b",
        1,
        3,
        "AVRO",
        "{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"d\",\"type\":\"d.D\"}]}",
        "d.D=d:1");
    register(
        "c",
        1,
        4,
        "AVRO",
        "{\"type\":\"record\",\"name\":\"C\",\"fields\":[{\"name\":\"d\",\"type\":\"d.D\"}]}",
        "d.D=d:2");
    register(
        "a",
        1,
        5,
        "AVRO",
        "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"b\",\"type\":\"B\"},"
            + "{\"name\":\"c\",\"type\":\"C\"}]}",
        "B=b:1",
        "C=c:1");
    try (SchemaCodecs codecs = codecs()) {
      // d:1 came first (through B), so x is an int for both
      assertEquals(
          "{\"b\":{\"d\":{\"x\":1}},\"c\":{\"d\":{\"x\":2}}}",
          json(codecs.byId(5), new byte[] {2, 4}, true));
    }
    assertEquals(
        1, asked.stream().filter(p -> p.startsWith("/subjects/d/")).count(), asked::toString);
  }

  @Test
  void protobufReferencesTakeTheFirstMetAndSeePublicImports() throws IOException {
    register("d", 1, 1, "PROTOBUF", "syntax = \"proto3\"; package d; message Old { int32 x = 1; }");
    register("d", 2, 2, "PROTOBUF", "syntax = \"proto3\"; package d; message New { int32 x = 1; }");
    register(
        "b",
        1,
        3,
        "PROTOBUF",
        "syntax = \"proto3\"; package b; import public \"d.proto\";",
        "d.proto=d:1");
    register(
        "a",
        1,
        4,
        "PROTOBUF",
        "syntax = \"proto3\"; import \"d.proto\"; import \"b.proto\"; message A { d.New n = 1; }",
        "d.proto=d:2",
        "b.proto=b:1");
    register(
        "c",
        1,
        5,
        "PROTOBUF",
        "syntax = \"proto3\"; import \"b.proto\"; message C { d.Old o = 1; }",
        "b.proto=b:1");
    try (SchemaCodecs codecs = codecs()) {
      assertEquals("{\"n\":{\"x\":1}}", json(codecs.byId(4), new byte[] {0, 0x0a, 2, 8, 1}, true));
      // C sees d.Old through b.proto's public import
      assertEquals("{\"o\":{\"x\":1}}", json(codecs.byId(5), new byte[] {0, 0x0a, 2, 8, 1}, true));
    }
  }

  @Test
  void aReferenceToVersionMinusOneIsTheLatest() throws IOException {
    register("d", 3, 1, "JSON", "{\"type\":\"integer\"}");
    register("a", 1, 2, "JSON", "{\"$ref\":\"d.json\"}", "d.json=d:-1");
    try (SchemaCodecs codecs = codecs()) {
      assertEquals("5", json(codecs.byId(2), "5".getBytes(StandardCharsets.UTF_8), true));
    }
    assertTrue(asked.contains("/subjects/d/versions/latest"), asked::toString);
  }

  @Test
  void mapEntriesWrittenOutAreMaps() throws IOException {
    ProtobufCodec codec =
        ProtobufCodec.parse(
            "m.proto",
            "syntax = \"proto3\"; package p; message A { repeated A.MEntry m = 1;"
                + " message MEntry { option map_entry = true; string key = 1; string value = 2; } }",
            null);
    assertTrue(codec.message().findFieldByName("m").isMapField());
    byte[] record = {0x0a, 6, 0x0a, 1, 'k', 0x12, 1, 'v'};
    assertEquals("{\"m\":{\"k\":\"v\"}}", json(codec, record, false));
  }

  @Test
  void protobufsOwnApiTypeAndSourceContextAreKnown() {
    FileDescriptor f =
        ProtoText.parse(
            "t.proto",
            "syntax = \"proto3\"; import \"google/protobuf/type.proto\";"
                + " import \"google/protobuf/api.proto\"; message T { google.protobuf.Type t = 1;"
                + " google.protobuf.Api a = 2; }");
    assertEquals(2, f.getDependencies().size());
  }

  @Test
  void aNestedMessageByItsOwnName() {
    String proto =
        "syntax = \"proto3\"; package p; message A { message B { int32 x = 1; } B b = 1; }"
            + " message C { message B { string y = 1; } }";
    ProtobufCodec a = ProtobufCodec.parse("n.proto", proto, null);
    assertEquals("p.A.B", a.choose("A.B").message().getFullName());
    SchemaException twice = assertThrows(SchemaException.class, () -> a.choose("B"));
    assertEquals(
        "The .proto schema has several messages named B: [p.A.B, p.C.B]; give the full name",
        twice.getMessage());
    ProtobufCodec once =
        ProtobufCodec.parse("o.proto", "syntax = \"proto3\"; message A { message B {} }", "B");
    assertEquals("A.B", once.message().getFullName());
  }

  @Test
  void theFilesConfluentsRegistryKnowsWithoutReferencesAreKnown() throws IOException {
    for (String path : ProtoText.BUILT_IN) {
      FileDescriptor f =
          ProtoText.parse("uses.proto", "syntax = \"proto3\"; import \"" + path + "\";");
      assertEquals(path, f.getDependencies().get(0).getName());
    }
    ProtobufCodec codec =
        ProtobufCodec.parse(
            "o.proto",
            "syntax = \"proto3\"; import \"confluent/meta.proto\"; import"
                + " \"google/type/money.proto\"; import \"confluent/type/decimal.proto\";"
                + " message Order { google.type.Money price = 1 [(confluent.field_meta).doc ="
                + " \"the price\"]; confluent.type.Decimal rate = 2; }",
            null);
    byte[] record = {0x0a, 7, 0x0a, 3, 'E', 'U', 'R', 0x10, 5};
    assertEquals(
        "{\"price\":{\"currency_code\":\"EUR\",\"units\":5,\"nanos\":0}}",
        json(codec, record, false));
  }

  @Test
  void aJsonSchemaRefersOnlyToItsReferencesNeverToFilesOrTheNetwork() throws IOException {
    java.nio.file.Path local = java.nio.file.Files.createTempFile("kafkit-ref-", ".json");
    try {
      java.nio.file.Files.writeString(local, "{\"type\":\"string\"}");
      for (String ref : List.of(local.toUri().toString(), "http://127.0.0.1:9/x.json")) {
        SchemaException e =
            assertThrows(
                SchemaException.class,
                () -> JsonSchemaCodec.parse("{\"$ref\":\"" + ref + "\"}"),
                ref);
        assertEquals(
            "Not a valid JSON Schema: it refers to "
                + ref
                + ", which is not among its references (kafkit reads no files and no URLs for a"
                + " schema)",
            e.getMessage());
      }
    } finally {
      java.nio.file.Files.delete(local);
    }
    // its own references, and the drafts' meta-schemas, are found
    JsonSchemaCodec.parse(
        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$ref\":\"a.json\"}",
        Map.of("a.json", "{\"type\":\"integer\"}"));
  }

  private static String json(SchemaCodec codec, byte[] bytes, boolean framed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      codec.writeJson(bytes, 0, framed, g);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
