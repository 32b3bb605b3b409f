package io.kafkit.common.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

/**
 * The codecs against the formats' own libraries: records written by Avro's and protobuf's own
 * writers (messages described by hand, not by kafkit's .proto reader) decode to the expected JSON,
 * and what kafkit encodes reads back through those libraries.
 */
class SchemaCodecTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final String AVRO =
      """
      {"type":"record","name":"Order","namespace":"shop","fields":[
        {"name":"id","type":"long"},
        {"name":"item","type":"string"},
        {"name":"qty","type":"int","default":1},
        {"name":"note","type":["null","string"],"default":null},
        {"name":"tags","type":{"type":"array","items":"string"},"default":[]},
        {"name":"prices","type":{"type":"map","values":"double"},"default":{}},
        {"name":"state","type":{"type":"enum","name":"State","symbols":["NEW","PAID"]},"default":"NEW"},
        {"name":"raw","type":"bytes","default":""},
        {"name":"paid","type":"boolean","default":false}
      ]}""";

  static String json(SchemaCodec codec, byte[] bytes, int offset, boolean framed) throws Exception {
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(w, JsonEncoding.UTF8)) {
      codec.writeJson(bytes, offset, framed, g);
    }
    return w.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] encode(SchemaCodec codec, String json, boolean framed) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encode(MAPPER.readTree(json), framed, out);
    return out.toByteArray();
  }

  @Test
  void avroWrittenByAvroDecodesToPlainJson() throws Exception {
    Schema schema = new Schema.Parser().parse(AVRO);
    GenericRecord r = new GenericData.Record(schema);
    r.put("id", 4711L);
    r.put("item", "fig");
    r.put("qty", 3);
    r.put("note", "ripe");
    r.put("tags", List.of("a", "b"));
    r.put("prices", Map.of("eur", 1.5));
    r.put("state", new GenericData.EnumSymbol(schema.getField("state").schema(), "PAID"));
    r.put("raw", ByteBuffer.wrap(new byte[] {0, (byte) 0xff}));
    r.put("paid", true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(r, encoder);
    encoder.flush();

    assertEquals(
        "{\"id\":4711,\"item\":\"fig\",\"qty\":3,\"note\":\"ripe\",\"tags\":[\"a\",\"b\"],"
            + "\"prices\":{\"eur\":1.5},\"state\":\"PAID\",\"raw\":\"\\u0000ÿ\",\"paid\":true}",
        json(AvroCodec.parse(AVRO), out.toByteArray(), 0, false));
  }

  @Test
  void avroEncodedByKafkitReadsBackThroughAvro() throws Exception {
    AvroCodec codec = AvroCodec.parse(AVRO);
    // defaults fill what the line leaves out; a union takes an unwrapped or a wrapped value
    byte[] plain = encode(codec, "{\"id\":1,\"item\":\"x\",\"note\":{\"string\":\"n\"}}", false);
    GenericRecord back =
        new GenericDatumReader<GenericRecord>(codec.schema())
            .read(null, DecoderFactory.get().binaryDecoder(plain, null));
    assertEquals(1L, back.get("id"));
    assertEquals(new Utf8("n"), back.get("note"));
    assertEquals(1, back.get("qty"));
    assertEquals("NEW", back.get("state").toString());

    RecordEncoder framed = new RecordEncoder(codec, 258);
    byte[] bytes = framed.encode(MAPPER.readTree("{\"id\":2,\"item\":\"y\"}"));
    assertArrayEquals(new byte[] {0, 0, 0, 1, 2}, java.util.Arrays.copyOf(bytes, 5));
    assertEquals(258, Framing.schemaId(bytes));
    assertEquals(
        "{\"id\":2,\"item\":\"y\",\"qty\":1,\"note\":null,\"tags\":[],\"prices\":{},"
            + "\"state\":\"NEW\",\"raw\":\"\",\"paid\":false}",
        json(codec, bytes, Framing.HEADER_SIZE, true));
  }

  @Test
  void avroValuesThatDoNotFitNameTheirField() throws Exception {
    AvroCodec codec = AvroCodec.parse(AVRO);
    assertEquals(
        "/qty: expected an int, not \"3\"",
        assertThrows(
                SchemaException.class,
                () -> encode(codec, "{\"id\":1,\"item\":\"x\",\"qty\":\"3\"}", false))
            .getMessage());
    assertEquals(
        "/item: the field is missing and has no default",
        assertThrows(SchemaException.class, () -> encode(codec, "{\"id\":1}", false)).getMessage());
    assertEquals(
        "/colour: record Order has no field 'colour'",
        assertThrows(
                SchemaException.class,
                () -> encode(codec, "{\"id\":1,\"item\":\"x\",\"colour\":\"red\"}", false))
            .getMessage());
    assertEquals(
        "/tags/1: expected a string, not 2",
        assertThrows(
                SchemaException.class,
                () -> encode(codec, "{\"id\":1,\"item\":\"x\",\"tags\":[\"a\",2]}", false))
            .getMessage());
    assertEquals(
        "/state: expected one of [NEW, PAID], not \"LOST\"",
        assertThrows(
                SchemaException.class,
                () -> encode(codec, "{\"id\":1,\"item\":\"x\",\"state\":\"LOST\"}", false))
            .getMessage());
    // a value refused halfway leaves nothing behind for the next one
    byte[] clean = encode(codec, "{\"id\":1,\"item\":\"x\"}", false);
    RecordEncoder encoder = new RecordEncoder(codec, null);
    assertThrows(
        SchemaException.class,
        () -> encoder.encode(MAPPER.readTree("{\"id\":1,\"item\":\"x\",\"tags\":[\"a\",2]}")));
    assertArrayEquals(clean, encoder.encode(MAPPER.readTree("{\"id\":1,\"item\":\"x\"}")));
    // bytes that are not this schema's record
    assertThrows(SchemaException.class, () -> json(codec, new byte[] {2, 10, 'a'}, 0, false));
  }

  static final String PROTO =
      """
      syntax = "proto3";
      package shop;
      import "google/protobuf/timestamp.proto";
      message Order {
        int64 id = 1;
        string item = 2;
        repeated string tags = 3;
        map<string, int32> counts = 4;
        Line line = 5;
        enum State { NEW = 0; PAID = 1; }
        State state = 6;
        oneof pay { string card = 7; int32 cash = 8; }
        optional int32 discount = 9;
        bytes raw = 10;
        google.protobuf.Timestamp at = 11;
        uint64 big = 12;
        message Line { double price = 1; }
      }
      message Refund { string reason = 1; Order.Line line = 2; }
      """;

  /** The same messages as PROTO, described by hand for protobuf's own runtime. */
  static FileDescriptor handMade() throws Exception {
    DescriptorProto line =
        DescriptorProto.newBuilder()
            .setName("Line")
            .addField(field("price", 1, Type.TYPE_DOUBLE))
            .build();
    DescriptorProto order =
        DescriptorProto.newBuilder()
            .setName("Order")
            .addField(field("id", 1, Type.TYPE_INT64))
            .addField(field("item", 2, Type.TYPE_STRING))
            .addField(field("tags", 3, Type.TYPE_STRING).setLabel(Label.LABEL_REPEATED))
            .addField(field("line", 5, Type.TYPE_MESSAGE).setTypeName(".shop.Order.Line"))
            .addField(field("cash", 8, Type.TYPE_INT32))
            .addField(field("big", 12, Type.TYPE_UINT64))
            .addNestedType(line)
            .build();
    DescriptorProto refund =
        DescriptorProto.newBuilder()
            .setName("Refund")
            .addField(field("reason", 1, Type.TYPE_STRING))
            .addField(field("line", 2, Type.TYPE_MESSAGE).setTypeName(".shop.Order.Line"))
            .build();
    return FileDescriptor.buildFrom(
        FileDescriptorProto.newBuilder()
            .setName("hand.proto")
            .setPackage("shop")
            .setSyntax("proto3")
            .addMessageType(order)
            .addMessageType(refund)
            .build(),
        new FileDescriptor[0]);
  }

  static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  @Test
  void protobufWrittenByProtobufDecodesByTheFramesMessageIndex() throws Exception {
    FileDescriptor hand = handMade();
    Descriptor order = hand.findMessageTypeByName("Order");
    Descriptor lineType = order.findNestedTypeByName("Line");
    DynamicMessage m =
        DynamicMessage.newBuilder(order)
            .setField(order.findFieldByName("id"), 4711L)
            .setField(order.findFieldByName("item"), "fig")
            .addRepeatedField(order.findFieldByName("tags"), "a")
            .setField(
                order.findFieldByName("line"),
                DynamicMessage.newBuilder(lineType)
                    .setField(lineType.findFieldByName("price"), 2.5)
                    .build())
            .setField(order.findFieldByName("cash"), 20)
            .setField(order.findFieldByName("big"), -1L)
            .build();
    ProtobufCodec codec = ProtobufCodec.parse("shop.proto", PROTO, null);
    assertEquals(
        "{\"id\":4711,\"item\":\"fig\",\"tags\":[\"a\"],\"counts\":{},\"line\":{\"price\":2.5},"
            + "\"state\":\"NEW\",\"cash\":20,\"raw\":\"\",\"big\":18446744073709551615}",
        json(codec, m.toByteArray(), 0, false));

    // framed: [1] is the file's second message, Refund
    Descriptor refund = hand.findMessageTypeByName("Refund");
    DynamicMessage r =
        DynamicMessage.newBuilder(refund)
            .setField(refund.findFieldByName("reason"), "late")
            .build();
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    Framing.writeHeader(framed, 7);
    framed.write(new byte[] {2, 2}); // one index (zig-zag 1), the index 1 (zig-zag 2)
    r.writeTo(framed);
    assertEquals(
        "{\"reason\":\"late\"}", json(codec, framed.toByteArray(), Framing.HEADER_SIZE, true));
  }

  @Test
  void protobufEncodedByKafkitReadsBackThroughProtobuf() throws Exception {
    ProtobufCodec codec = ProtobufCodec.parse("shop.proto", PROTO, null);
    byte[] bytes =
        encode(
            codec,
            "{\"id\":\"9007199254740993\",\"item\":\"fig\",\"line\":{\"price\":1.25},"
                + "\"counts\":{\"a\":2},\"state\":\"PAID\",\"card\":\"visa\",\"raw\":\"AP8=\","
                + "\"discount\":0}",
            true);
    assertEquals(0, bytes[0], "the message index [0] is written as one zero byte");
    FileDescriptor hand = handMade();
    Descriptor order = hand.findMessageTypeByName("Order");
    DynamicMessage back =
        DynamicMessage.parseFrom(order, java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
    assertEquals(9007199254740993L, back.getField(order.findFieldByName("id")));
    assertEquals("fig", back.getField(order.findFieldByName("item")));
    // fields the hand-made description lacks arrive as unknown fields, as they should
    assertEquals(
        "{\"id\":9007199254740993,\"item\":\"fig\",\"tags\":[],\"counts\":{\"a\":2},"
            + "\"line\":{\"price\":1.25},\"state\":\"PAID\",\"card\":\"visa\",\"discount\":0,"
            + "\"raw\":\"AP8=\",\"big\":0}",
        json(codec, bytes, 0, true));

    ProtobufCodec refund = ProtobufCodec.parse("shop.proto", PROTO, "Refund");
    byte[] r = encode(refund, "{\"reason\":\"late\"}", true);
    assertEquals("0202", HexFormat.of().formatHex(r, 0, 2), "the message index [1]");
    ProtobufCodec nested = ProtobufCodec.parse("shop.proto", PROTO, "Order.Line");
    assertEquals(
        "04000009",
        HexFormat.of().formatHex(encode(nested, "{\"price\":1}", true), 0, 4),
        "the message index [0, 0]: Order, then its first nested message");
  }

  @Test
  void protobufValuesThatDoNotFitNameTheirField() {
    ProtobufCodec codec = ProtobufCodec.parse("shop.proto", PROTO, null);
    assertEquals(
        "/id: expected an int64, not \"x\"",
        assertThrows(SchemaException.class, () -> encode(codec, "{\"id\":\"x\"}", false))
            .getMessage());
    assertEquals(
        "/cash: 'card' is set already, and both are in oneof pay",
        assertThrows(
                SchemaException.class, () -> encode(codec, "{\"card\":\"v\",\"cash\":1}", false))
            .getMessage());
    assertEquals(
        "/line/cost: message Line has no field 'cost'",
        assertThrows(SchemaException.class, () -> encode(codec, "{\"line\":{\"cost\":1}}", false))
            .getMessage());
    assertEquals(
        "The .proto schema has no message Nope (it has [Order, Refund])",
        assertThrows(SchemaException.class, () -> ProtobufCodec.parse("s.proto", PROTO, "Nope"))
            .getMessage());
    assertThrows(
        SchemaException.class,
        () -> ProtobufCodec.parse("s.proto", "syntax = \"proto3\"; import \"other.proto\";", null));
    assertThrows(SchemaException.class, () -> ProtobufCodec.parse("s.proto", "message {", null));
  }

  @Test
  void jsonSchemaValidatesWhatItWrites() throws Exception {
    JsonSchemaCodec codec =
        JsonSchemaCodec.parse(
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
                + "\"required\":[\"id\"]}");
    assertEquals(
        "{\"id\":1,\"tags\":[\"a\"]}",
        new String(encode(codec, "{\"id\":1,\"tags\":[\"a\"]}", false)));
    assertEquals(
        "/tags/1: integer found, string expected",
        assertThrows(
                SchemaException.class, () -> encode(codec, "{\"id\":1,\"tags\":[\"a\",2]}", false))
            .getMessage());
    assertEquals(
        "required property 'id' not found",
        assertThrows(SchemaException.class, () -> encode(codec, "{}", false)).getMessage());
    assertEquals("{\"a\":[1,2]}", json(codec, "{\"a\": [1, 2]}".getBytes(), 0, true));
    assertThrows(SchemaException.class, () -> json(codec, "{\"a\":".getBytes(), 0, true));
  }

  @Test
  void jsonSchemaKeepsDecimalsAsWritten() throws Exception {
    JsonSchemaCodec codec = JsonSchemaCodec.parse("{\"type\":\"object\"}");
    assertEquals(
        "{\"a\":12345678901234567.89,\"b\":1E+400}",
        json(codec, "{\"a\": 12345678901234567.89, \"b\": 1e400}".getBytes(), 0, true));
    ObjectMapper exact =
        new ObjectMapper()
            .enable(
                com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encode(exact.readTree("{\"a\":0.1000000000000000055511151231257827}"), true, out);
    assertEquals("{\"a\":0.1000000000000000055511151231257827}", out.toString());
  }

  @Test
  void unsignedMapKeysRoundTrip() throws Exception {
    ProtobufCodec codec =
        ProtobufCodec.parse(
            "m.proto", "syntax = \"proto3\"; message M { map<uint32, string> names = 1; }", null);
    byte[] bytes = encode(codec, "{\"names\":{\"4294967295\":\"max\"}}", false);
    assertEquals("{\"names\":{\"4294967295\":\"max\"}}", json(codec, bytes, 0, false));
  }

  @Test
  void aZeroIdIsNotTheWireFormat() {
    // a long of Kafka's LongSerializer below 2^32 starts with five zero bytes
    assertEquals(false, Framing.isFramed(new byte[] {0, 0, 0, 0, 0, 0, 0, 7}));
    assertEquals(true, Framing.isFramed(new byte[] {0, 0, 0, 0, 1, 2}));
    assertEquals(false, Framing.isFramed(new byte[] {0, 0, 0, 1}));
  }

  @Test
  void messageIndexes() {
    for (int[] indexes : new int[][] {{0}, {1}, {0, 2}, {3, 1, 0}, {300}}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Framing.writeMessageIndexes(out, indexes);
      byte[] bytes = out.toByteArray();
      int[] at = {0};
      assertArrayEquals(indexes, Framing.readMessageIndexes(bytes, at));
      assertEquals(bytes.length, at[0]);
    }
    assertThrows(
        SchemaException.class, () -> Framing.readMessageIndexes(new byte[] {4}, new int[] {0}));
  }
}
