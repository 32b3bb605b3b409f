package io.kafkit.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.HandMadeProto;
import io.kafkit.testkit.KafkaCluster;
import io.kafkit.testkit.SchemaRegistryServer;
import io.kafkit.testkit.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console producer writing Avro, Protobuf and JSON Schema records against a real registry
 * (Apicurio, Confluent's API). What it wrote is read back with Avro's and protobuf's own readers
 * (Protobuf's messages described by hand), and ids are checked over plain HTTP.
 */
class SchemaEncodeIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final SchemaRegistryServer registry = SchemaRegistryServer.shared();
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final String AVRO =
      "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"it\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"item\",\"type\":\"string\"},"
          + "{\"name\":\"qty\",\"type\":\"int\",\"default\":1},"
          + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

  @TempDir static Path dir;

  static CliResult produce(String input, String... args) {
    List<String> all = new ArrayList<>(List.of("--bootstrap-server", cluster.bootstrapServers()));
    all.addAll(Arrays.asList(args));
    return new CliRunner(() -> ConsoleProducerCommand.class)
        .stdin(input)
        .run(all.toArray(String[]::new));
  }

  static JsonNode http(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return MAPPER.readTree(r.body());
  }

  /** Registers a schema over plain HTTP; returns its id. */
  static int register(String subject, String type, String schema) throws Exception {
    return http(
            "POST",
            "/subjects/" + subject + "/versions",
            MAPPER.writeValueAsString(Map.of("schema", schema, "schemaType", type)))
        .get("id")
        .asInt();
  }

  static int schemaId(byte[] value) {
    assertEquals(0, value[0], "the magic byte");
    return ByteBuffer.wrap(value, 1, 4).getInt();
  }

  static GenericRecord avro(byte[] bytes, int offset) throws Exception {
    Schema schema = new Schema.Parser().parse(AVRO);
    return new GenericDatumReader<GenericRecord>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, null));
  }

  @Test
  void avroLinesRegisteredUnderTheTopicsSubject() throws Exception {
    String topic = cluster.createTopic("encode-avro-" + System.nanoTime() % 100000, 1);
    Path avsc = dir.resolve("order.avsc");
    Files.writeString(avsc, AVRO);
    CliResult r =
        produce(
            "{\"id\":1,\"item\":\"fig\",\"qty\":3}\n{\"id\":2,\"item\":\"plum\",\"note\":\"ripe\"}\n",
            "--topic",
            topic,
            "--schema-registry",
            registry.url(),
            "--value-schema-file",
            avsc.toString(),
            "--register");
    assertEquals(0, r.exitCode(), r.toString());
    int id = http("GET", "/subjects/" + topic + "-value/versions/latest", null).get("id").asInt();
    List<ConsumerRecord<byte[], byte[]>> records =
        TopicReader.read(cluster.bootstrapServers(), topic, 2);
    assertEquals(2, records.size());
    assertEquals(id, schemaId(records.get(0).value()));
    GenericRecord first = avro(records.get(0).value(), 5);
    assertEquals(1L, first.get("id"));
    assertEquals("fig", first.get("item").toString());
    assertEquals(3, first.get("qty"));
    GenericRecord second = avro(records.get(1).value(), 5);
    assertEquals(1, second.get("qty"), "the field's default");
    assertEquals("ripe", second.get("note").toString());

    // registered already: found again without --register, and a line that does not fit stops
    CliResult bad =
        produce(
            "{\"id\":3,\"item\":\"kiwi\"}\n{\"id\":4,\"item\":\"pear\",\"qty\":\"many\"}\n"
                + "{\"id\":5,\"item\":\"lime\"}\n",
            "--topic",
            topic,
            "--schema-registry",
            registry.url(),
            "--value-schema-file",
            avsc.toString());
    assertEquals(1, bad.exitCode(), bad.toString());
    assertEquals(
        "Error: The value on line number 2 does not fit its Avro schema: /qty: expected an int,"
            + " not \"many\". Lines before it were sent; it and the lines after it were not.",
        bad.err().strip());
    List<ConsumerRecord<byte[], byte[]>> after =
        TopicReader.read(cluster.bootstrapServers(), topic, 3);
    assertEquals(3, after.size());
    assertEquals("kiwi", avro(after.get(2).value(), 5).get("item").toString());

    // plain Avro, without a registry: no framing
    CliResult plain =
        produce(
            "{\"id\":6,\"item\":\"date\"}\n",
            "--topic",
            topic,
            "--value-schema-file",
            avsc.toString());
    assertEquals(0, plain.exitCode(), plain.toString());
    ConsumerRecord<byte[], byte[]> last =
        TopicReader.read(cluster.bootstrapServers(), topic, 4).get(3);
    assertEquals("date", avro(last.value(), 0).get("item").toString());
  }

  @Test
  void protobufJsonLinesBySubjectWithAPlainKey() throws Exception {
    String topic = cluster.createTopic("encode-proto-" + System.nanoTime() % 100000, 1);
    String proto =
        "syntax = \"proto3\"; package it; message Order { int64 id = 1; string item = 2;"
            + " repeated string tags = 3; }";
    String subject = "encode-proto-subject-" + System.nanoTime() % 100000;
    int id = register(subject, "PROTOBUF", proto);
    CliResult r =
        produce(
            "{\"key\":\"k1\",\"value\":{\"id\":\"9007199254740993\",\"item\":\"kiwi\","
                + "\"tags\":[\"a\",\"b\"]}}\n{\"key\":\"k2\",\"value\":null}\n",
            "--topic",
            topic,
            "--input-format",
            "json",
            "--schema-registry",
            registry.url(),
            "--value-schema-subject",
            subject);
    assertEquals(0, r.exitCode(), r.toString());
    List<ConsumerRecord<byte[], byte[]>> records =
        TopicReader.read(cluster.bootstrapServers(), topic, 2);
    assertEquals("k1", new String(records.get(0).key(), StandardCharsets.UTF_8));
    byte[] value = records.get(0).value();
    assertEquals(id, schemaId(value));
    assertEquals(0, value[5], "the message index [0], as one zero byte");
    Descriptor order = handMadeOrder();
    DynamicMessage m = DynamicMessage.parseFrom(order, Arrays.copyOfRange(value, 6, value.length));
    assertEquals(9007199254740993L, m.getField(order.findFieldByName("id")));
    assertEquals("kiwi", m.getField(order.findFieldByName("item")));
    assertEquals(List.of("a", "b"), m.getField(order.findFieldByName("tags")));
    assertEquals(null, records.get(1).value(), "null stays a tombstone");

    CliResult bad =
        produce(
            "{\"value\":{\"id\":1,\"colour\":\"red\"}}\n",
            "--topic",
            topic,
            "--input-format",
            "json",
            "--schema-registry",
            registry.url(),
            "--value-schema-subject",
            subject);
    assertEquals(1, bad.exitCode(), bad.toString());
    assertTrue(
        bad.err()
            .startsWith(
                "Error: The value on line number 1 does not fit its Protobuf schema: /colour:"
                    + " message Order has no field 'colour'."),
        bad.err());
  }

  @Test
  void aProtobufMessageOtherThanTheFirst() throws Exception {
    String suffix = Long.toString(System.nanoTime() % 100000);
    String topic = cluster.createTopic("encode-proto-msg-" + suffix, 1);
    String proto =
        "syntax = \"proto3\"; package it; message Order { int64 id = 1; }"
            + " message Refund { string reason = 1; }";
    String subject = "encode-proto-msg-" + suffix;
    int id = register(subject, "PROTOBUF", proto);
    CliResult r =
        produce(
            "{\"reason\":\"late\"}\n",
            "--topic",
            topic,
            "--schema-registry",
            registry.url(),
            "--value-schema-subject",
            subject,
            "--value-schema-message",
            "Refund");
    assertEquals(0, r.exitCode(), r.toString());
    byte[] value = TopicReader.read(cluster.bootstrapServers(), topic, 1).get(0).value();
    assertEquals(id, schemaId(value));
    // the message index [1] (a count of 1, then 1, both zigzag), then reason = "late"
    assertArrayEquals(
        new byte[] {2, 2, 0x0A, 4, 'l', 'a', 't', 'e'}, Arrays.copyOfRange(value, 5, value.length));

    CliResult unknown =
        produce(
            "{\"reason\":\"late\"}\n",
            "--topic",
            topic,
            "--schema-registry",
            registry.url(),
            "--value-schema-id",
            Integer.toString(id),
            "--value-schema-message",
            "Nope");
    assertEquals(2, unknown.exitCode(), unknown.toString());
    assertTrue(
        unknown
            .err()
            .startsWith(
                "Error: --value-schema-message: The .proto schema has no message Nope (it has"
                    + " [Order, Refund])"),
        unknown.err());
  }

  static Descriptor handMadeOrder() throws Exception {
    return HandMadeProto.file("hand.proto", "it", new FileDescriptor[0], HandMadeProto.order())
        .findMessageTypeByName("Order");
  }

  @Test
  void jsonSchemaByIdValidatesEachLine() throws Exception {
    String topic = cluster.createTopic("encode-json-" + System.nanoTime() % 100000, 1);
    String schema =
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},"
            + "\"required\":[\"id\"]}";
    int id = register("encode-json-" + System.nanoTime() % 100000, "JSON", schema);
    CliResult r =
        produce(
            "{\"id\": 7}\n{\"name\":\"x\"}\n",
            "--topic",
            topic,
            "--schema-registry",
            registry.url(),
            "--value-schema-id",
            Integer.toString(id));
    assertEquals(1, r.exitCode(), r.toString());
    assertEquals(
        "Error: The value on line number 2 does not fit its JSON Schema schema: required property"
            + " 'id' not found. Lines before it were sent; it and the lines after it were not.",
        r.err().strip());
    byte[] value = TopicReader.read(cluster.bootstrapServers(), topic, 1).get(0).value();
    assertEquals(id, schemaId(value));
    assertArrayEquals(
        "{\"id\":7}".getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(value, 5, value.length));
  }

  @Test
  void jsonSchemaReferencesToOtherSubjectsAreFollowed() throws Exception {
    String suffix = Long.toString(System.nanoTime() % 100000);
    String topic = cluster.createTopic("encode-json-ref-" + suffix, 1);
    String address =
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"]}";
    register("address-" + suffix, "JSON", address);
    String order =
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
            + "\"to\":{\"$ref\":\"address.json\"}},\"required\":[\"id\",\"to\"]}";
    String subject = "order-json-" + suffix;
    int id =
        http(
                "POST",
                "/subjects/" + subject + "/versions",
                MAPPER.writeValueAsString(
                    Map.of(
                        "schema",
                        order,
                        "schemaType",
                        "JSON",
                        "references",
                        List.of(
                            Map.of(
                                "name",
                                "address.json",
                                "subject",
                                "address-" + suffix,
                                "version",
                                1)))))
            .get("id")
            .asInt();
    CliResult r =
        produce(
            "{\"id\":1,\"to\":{\"city\":\"Oslo\"}}\n{\"id\":2,\"to\":{\"street\":\"x\"}}\n",
            "--topic",
            topic,
            "--schema-registry",
            registry.url(),
            "--value-schema-subject",
            subject);
    assertEquals(1, r.exitCode(), r.toString());
    assertEquals(
        "Error: The value on line number 2 does not fit its JSON Schema schema: /to: required"
            + " property 'city' not found. Lines before it were sent; it and the lines after it"
            + " were not.",
        r.err().strip());
    byte[] value = TopicReader.read(cluster.bootstrapServers(), topic, 1).get(0).value();
    assertEquals(id, schemaId(value));
    assertArrayEquals(
        "{\"id\":1,\"to\":{\"city\":\"Oslo\"}}".getBytes(StandardCharsets.UTF_8),
        Arrays.copyOfRange(value, 5, value.length));
  }

  @Test
  void schemaSettingsThatCannotWork() throws Exception {
    String topic = cluster.createTopic("encode-bad-" + System.nanoTime() % 100000, 1);
    Path avsc = dir.resolve("other.avsc");
    Files.writeString(avsc, AVRO.replace("Order", "Other"));
    CliResult unregistered =
        produce(
            "{}\n",
            "--topic",
            topic,
            "--schema-registry",
            registry.url(),
            "--value-schema-file",
            avsc.toString());
    assertEquals(1, unregistered.exitCode(), unregistered.toString());
    assertTrue(
        unregistered
            .err()
            .startsWith(
                "Error: "
                    + avsc
                    + " is not registered under subject '"
                    + topic
                    + "-value': add --register to register it"),
        unregistered.err());

    CliResult noRegistry = produce("{}\n", "--topic", topic, "--value-schema-id", "1");
    assertEquals(2, noRegistry.exitCode(), noRegistry.toString());
    CliResult registerAlone =
        produce("{}\n", "--topic", topic, "--schema-registry", registry.url(), "--register");
    assertEquals(2, registerAlone.exitCode(), registerAlone.toString());
    CliResult unknownId =
        produce(
            "{}\n",
            "--topic",
            topic,
            "--schema-registry",
            registry.url(),
            "--value-schema-id",
            "987654");
    assertEquals(1, unknownId.exitCode(), unknownId.toString());
    assertTrue(unknownId.err().contains("40403"), unknownId.err());
    assertTrue(TopicReader.read(cluster.bootstrapServers(), topic, 0).isEmpty());
  }
}
