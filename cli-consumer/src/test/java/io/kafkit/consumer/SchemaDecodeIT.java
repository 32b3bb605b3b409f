package io.kafkit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.HandMadeProto;
import io.kafkit.testkit.KafkaCluster;
import io.kafkit.testkit.SchemaRegistryServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console consumer decoding Avro, Protobuf and JSON Schema records against a real registry
 * (Apicurio, Confluent's API). The records are written by Avro's and protobuf's own writers with
 * the wire format's framing written here, and the schemas registered over plain HTTP: nothing of
 * kafkit's encodes them.
 */
class SchemaDecodeIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final SchemaRegistryServer registry = SchemaRegistryServer.shared();
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final String AVRO =
      "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"it\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"item\",\"type\":\"string\"},"
          + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
  static final String PROTO =
      "syntax = \"proto3\";\npackage it;\n"
          + "message Order { int64 id = 1; string item = 2; repeated string tags = 3; }\n"
          + "message Refund { string reason = 1; }\n";
  static final String JSON_SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}";

  static String topic;
  static int avroId;
  static int protoId;
  static int jsonId;

  @BeforeAll
  static void records() throws Exception {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    avroId = register("decode-avro-" + suffix, null, AVRO);
    protoId = register("decode-proto-" + suffix, "PROTOBUF", PROTO);
    jsonId = register("decode-json-" + suffix, "JSON", JSON_SCHEMA);
    topic = cluster.createTopic("decode-" + suffix, 1);

    Schema schema = new Schema.Parser().parse(AVRO);
    GenericRecord order = new GenericData.Record(schema);
    order.put("id", 4711L);
    order.put("item", "fig");
    order.put("note", "ripe");
    GenericRecord plainOrder = new GenericData.Record(schema);
    plainOrder.put("id", 1L);
    plainOrder.put("item", "plum");

    FileDescriptor file = handMadeProto();
    Descriptor orderType = file.findMessageTypeByName("Order");
    Descriptor refundType = file.findMessageTypeByName("Refund");
    DynamicMessage protoOrder =
        DynamicMessage.newBuilder(orderType)
            .setField(orderType.findFieldByName("id"), 7L)
            .setField(orderType.findFieldByName("item"), "kiwi")
            .addRepeatedField(orderType.findFieldByName("tags"), "green")
            .build();
    DynamicMessage refund =
        DynamicMessage.newBuilder(refundType)
            .setField(refundType.findFieldByName("reason"), "late")
            .build();

    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      send(p, "k0", framed(avroId, new byte[0], avro(order))); // offset 0
      send(p, "k1", framed(protoId, new byte[] {0}, protoOrder.toByteArray())); // 1
      send(p, "k2", framed(protoId, new byte[] {2, 2}, refund.toByteArray())); // 2: index [1]
      send(p, "k3", framed(jsonId, new byte[0], utf8("{\"id\": 5}"))); // 3
      send(p, "k4", utf8("plain text")); // 4: not framed
      send(p, "k5", framed(99_999, new byte[0], utf8("x"))); // 5: an id the registry lacks
      send(p, "k6", framed(avroId, new byte[0], new byte[] {(byte) 0x80})); // 6: cut short
      send(p, null, null); // 7: a tombstone
      send(p, "k8", avro(plainOrder)); // 8: plain Avro, no framing
    }
  }

  static FileDescriptor handMadeProto() throws Exception {
    return HandMadeProto.file(
        "hand.proto",
        "it",
        new FileDescriptor[0],
        HandMadeProto.order(),
        DescriptorProto.newBuilder()
            .setName("Refund")
            .addField(HandMadeProto.field("reason", 1, FieldDescriptorProto.Type.TYPE_STRING))
            .build());
  }

  static byte[] avro(GenericRecord r) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(r.getSchema()).write(r, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** Confluent's framing, written by hand: 0, the id (4 bytes, big-endian), extra, payload. */
  static byte[] framed(int id, byte[] extra, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    out.writeBytes(extra);
    out.writeBytes(payload);
    return out.toByteArray();
  }

  static void send(KafkaProducer<byte[], byte[]> p, String key, byte[] value) throws Exception {
    p.send(new ProducerRecord<>(topic, 0, key == null ? null : utf8(key), value)).get();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Registers a schema over plain HTTP; returns its id. */
  static int register(String subject, String type, String schema) throws Exception {
    return register(subject, type, schema, List.of());
  }

  /** With references: each a map of name, subject and version, as the registry's API has them. */
  static int register(String subject, String type, String schema, List<Map<String, Object>> refs)
      throws Exception {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("schema", schema);
    if (type != null) {
      body.put("schemaType", type);
    }
    if (!refs.isEmpty()) {
      body.put("references", refs);
    }
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(registry.url() + "/subjects/" + subject + "/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return MAPPER.readTree(r.body()).get("id").asInt();
  }

  static CliResult consume(String... args) {
    return run(ConsoleConsumerCommand.class, List.of("--from-beginning", "--exit-at-end"), args);
  }

  /** The command on this class's topic, with the options given and then the args. */
  static CliResult run(Class<?> command, List<String> options, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of("--bootstrap-server", cluster.bootstrapServers(), "--topic", topic));
    all.addAll(options);
    all.addAll(Arrays.asList(args));
    return new CliRunner(() -> command).run(all.toArray(String[]::new));
  }

  /** The first eight records with print.key=true, decoded by the registry's schemas. */
  static List<String> decodedWithKeys() {
    return List.of(
        "k0\t{\"id\":4711,\"item\":\"fig\",\"note\":\"ripe\"}",
        "k1\t{\"id\":7,\"item\":\"kiwi\",\"tags\":[\"green\"]}",
        "k2\t{\"reason\":\"late\"}",
        "k3\t{\"id\":5}",
        "k4\tplain text",
        "k5\t00000186" + "9f78",
        "k6\t00" + String.format("%08x", avroId) + "80",
        "null\tnull");
  }

  @Test
  void autoDecodesEachRecordByItsSchemaAndPassesTheRestThrough() {
    CliResult r =
        consume(
            "--schema-registry",
            registry.url(),
            "--formatter-property",
            "print.key=true",
            "--max-messages",
            "8");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(String.join("\n", decodedWithKeys()) + "\n", r.out());
    List<String> notes = r.err().lines().filter(l -> l.startsWith("Cannot decode")).toList();
    assertEquals(2, notes.size(), r.err());
    assertTrue(notes.get(0).startsWith("Cannot decode the value at " + topic + "-0@5: "), r.err());
    assertTrue(notes.get(0).contains("40403"), r.err());
    assertTrue(notes.get(1).startsWith("Cannot decode the value at " + topic + "-0@6: "), r.err());
    assertTrue(notes.get(1).endsWith("; printed in hex"), r.err());
  }

  @Test
  void jsonLinesHoldDecodedValuesAsJsonAndFormatStringsAndFiltersSeeThem() throws Exception {
    CliResult json =
        consume("--schema-registry", registry.url(), "--output", "json", "--max-messages", "5");
    assertEquals(0, json.exitCode(), json.toString());
    List<String> lines = json.out().lines().toList();
    assertEquals(
        MAPPER.readTree("{\"id\":4711,\"item\":\"fig\",\"note\":\"ripe\"}"),
        MAPPER.readTree(lines.get(0)).get("value"));
    assertEquals("plain text", MAPPER.readTree(lines.get(4)).get("value").asText());

    CliResult found =
        consume(
            "--schema-registry",
            registry.url(),
            "--filter-json",
            "/item=^kiwi$",
            "--format",
            "%o %k %s\\n");
    assertEquals(0, found.exitCode(), found.toString());
    assertEquals("1 k1 {\"id\":7,\"item\":\"kiwi\",\"tags\":[\"green\"]}\n", found.out());
  }

  /** --value-format avro --stop-on-decode-error: the Avro record printed, then the end. */
  static void stoppedAtTheProtobufRecord(CliResult stop) {
    assertEquals(1, stop.exitCode(), stop.toString());
    assertEquals("{\"id\":4711,\"item\":\"fig\",\"note\":\"ripe\"}\n", stop.out());
    assertTrue(
        stop.err()
            .contains(
                "Error: Cannot decode the value at "
                    + topic
                    + "-0@1: schema id "
                    + protoId
                    + " is Protobuf, not Avro"),
        stop.err());
  }

  @Test
  void aNamedFormatRefusesOtherTypesAndStopsWhenAsked() {
    CliResult stop =
        consume(
            "--schema-registry",
            registry.url(),
            "--value-format",
            "avro",
            "--stop-on-decode-error");
    stoppedAtTheProtobufRecord(stop);
  }

  static CliResult shareConsume(String group, String... args) {
    return run(
        ConsoleShareConsumerCommand.class,
        List.of("--group", group, "--timeout-ms", "30000"),
        args);
  }

  @Test
  void theShareConsumerDecodesAndHandsBackTheRecordThatStoppedIt() {
    String group = "decode-share-" + System.nanoTime();
    cluster.shareGroupFromEarliest(group);
    CliResult all =
        shareConsume(
            group,
            "--schema-registry",
            registry.url(),
            "--formatter-property",
            "print.key=true",
            "--max-messages",
            "8");
    assertEquals(0, all.exitCode(), all.toString());
    assertEquals(
        new java.util.TreeSet<>(decodedWithKeys()),
        new java.util.TreeSet<>(all.out().lines().toList()));
    assertEquals(
        2, all.err().lines().filter(l -> l.startsWith("Cannot decode")).count(), all.err());
    assertTrue(
        all.err().contains("2 keys or values did not decode and were printed in hex.\n"),
        all.err());

    // A record that stops the run is not acknowledged: the group delivers it again.
    String stopped = "decode-share-stop-" + System.nanoTime();
    cluster.shareGroupFromEarliest(stopped);
    CliResult stop =
        shareConsume(
            stopped,
            "--schema-registry",
            registry.url(),
            "--value-format",
            "avro",
            "--stop-on-decode-error");
    stoppedAtTheProtobufRecord(stop);
    assertTrue(stop.err().contains("Processed a total of 1 messages"), stop.err());
    CliResult next =
        shareConsume(
            stopped,
            "--schema-registry",
            registry.url(),
            "--formatter-property",
            "print.offset=true",
            "--max-messages",
            "1");
    assertEquals(0, next.exitCode(), next.toString());
    assertEquals("Offset:1\t{\"id\":7,\"item\":\"kiwi\",\"tags\":[\"green\"]}\n", next.out());
  }

  @Test
  void plainAvroWithASchemaFileAndNoRegistry(@TempDir Path dir) throws Exception {
    Path avsc = dir.resolve("order.avsc");
    Files.writeString(avsc, AVRO);
    CliResult r =
        new CliRunner(() -> ConsoleConsumerCommand.class)
            .run(
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--topic",
                topic,
                "--partition",
                "0",
                "--offset",
                "8",
                "--exit-at-end",
                "--value-schema-file",
                avsc.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("{\"id\":1,\"item\":\"plum\",\"note\":null}\n", r.out());
  }

  @Test
  void schemasThatReferToOtherSubjects() throws Exception {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    // Avro: a record type named from another subject
    String money =
        "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"it\","
            + "\"fields\":[{\"name\":\"cents\",\"type\":\"long\"}]}";
    String priced =
        "{\"type\":\"record\",\"name\":\"Priced\",\"namespace\":\"it\","
            + "\"fields\":[{\"name\":\"item\",\"type\":\"string\"},"
            + "{\"name\":\"price\",\"type\":\"it.Money\"}]}";
    register("refs-money-" + suffix, null, money);
    int avro =
        register(
            "refs-priced-" + suffix,
            null,
            priced,
            List.of(Map.of("name", "it.Money", "subject", "refs-money-" + suffix, "version", 1)));
    // Protobuf: a message imported from another subject's file
    String common =
        "syntax = \"proto3\";\npackage it.common;\nmessage Money { int64 cents = 1; }\n";
    String main =
        "syntax = \"proto3\";\npackage it;\nimport \"money.proto\";\n"
            + "message Priced { string item = 1; it.common.Money price = 2; }\n";
    register("refs-common-" + suffix, "PROTOBUF", common);
    int proto =
        register(
            "refs-main-" + suffix,
            "PROTOBUF",
            main,
            List.of(
                Map.of("name", "money.proto", "subject", "refs-common-" + suffix, "version", 1)));

    Schema.Parser parser = new Schema.Parser();
    Schema moneyType = parser.parse(money);
    Schema pricedType = parser.parse(priced);
    GenericRecord m = new GenericData.Record(moneyType);
    m.put("cents", 250L);
    GenericRecord p = new GenericData.Record(pricedType);
    p.put("item", "fig");
    p.put("price", m);

    FileDescriptor moneyFile =
        HandMadeProto.file(
            "money.proto",
            "it.common",
            new FileDescriptor[0],
            DescriptorProto.newBuilder()
                .setName("Money")
                .addField(HandMadeProto.field("cents", 1, FieldDescriptorProto.Type.TYPE_INT64))
                .build());
    FileDescriptor mainFile =
        HandMadeProto.file(
            "main.proto",
            "it",
            new FileDescriptor[] {moneyFile},
            DescriptorProto.newBuilder()
                .setName("Priced")
                .addField(HandMadeProto.field("item", 1, FieldDescriptorProto.Type.TYPE_STRING))
                .addField(
                    HandMadeProto.field("price", 2, FieldDescriptorProto.Type.TYPE_MESSAGE)
                        .setTypeName(".it.common.Money"))
                .build());
    Descriptor pricedMessage = mainFile.findMessageTypeByName("Priced");
    Descriptor moneyMessage = moneyFile.findMessageTypeByName("Money");
    DynamicMessage protoPriced =
        DynamicMessage.newBuilder(pricedMessage)
            .setField(pricedMessage.findFieldByName("item"), "kiwi")
            .setField(
                pricedMessage.findFieldByName("price"),
                DynamicMessage.newBuilder(moneyMessage)
                    .setField(moneyMessage.findFieldByName("cents"), 99L)
                    .build())
            .build();

    String refsTopic = cluster.createTopic("decode-refs-" + suffix, 1);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(refsTopic, framed(avro, new byte[0], avro(p)))).get();
      producer
          .send(
              new ProducerRecord<>(
                  refsTopic, framed(proto, new byte[] {0}, protoPriced.toByteArray())))
          .get();
    }
    CliResult r =
        new CliRunner(() -> ConsoleConsumerCommand.class)
            .run(
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--topic",
                refsTopic,
                "--from-beginning",
                "--exit-at-end",
                "--schema-registry",
                registry.url());
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(
        "{\"item\":\"fig\",\"price\":{\"cents\":250}}\n"
            + "{\"item\":\"kiwi\",\"price\":{\"cents\":99}}\n",
        r.out(),
        r.toString());
  }

  @Test
  void badSettingsAreUsageErrorsAndADeadRegistryEndsTheRun() {
    CliResult noRegistry = consume("--value-format", "avro");
    assertEquals(2, noRegistry.exitCode(), noRegistry.toString());
    assertTrue(
        noRegistry.err().startsWith("Error: --value-format avro reads schemas from a registry"),
        noRegistry.err());
    CliResult badFormat = consume("--value-format", "xml");
    assertEquals(2, badFormat.exitCode(), badFormat.toString());
    CliResult dead =
        consume("--schema-registry", "http://127.0.0.1:1/apis/ccompat/v7", "--max-messages", "3");
    assertEquals(1, dead.exitCode(), dead.toString());
    assertTrue(
        dead.err().contains("Error: Cannot reach the schema registry at http://127.0.0.1:1"),
        dead.err());
  }
}
