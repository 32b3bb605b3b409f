package io.kafkit.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The encoder against protobuf's own writing: for every JSON value, the codec writes the bytes that
 * {@code DynamicMessage} writes for the message {@link ProtoJson#read} builds, or fails with the
 * same message. The values are random messages written as JSON by {@link ProtoJson}, as the console
 * consumer prints them, then changed: JSON names, nulls, numbers as strings, enums by number,
 * unknown fields, values of the wrong type or out of range.
 */
class ProtoEncoderTest {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static final JsonNode[] ODD = {
    JsonNodeFactory.instance.nullNode(),
    JsonNodeFactory.instance.textNode("17"),
    JsonNodeFactory.instance.textNode("x"),
    JsonNodeFactory.instance.textNode("NaN"),
    JsonNodeFactory.instance.textNode("-Infinity"),
    JsonNodeFactory.instance.textNode("GREEN"),
    JsonNodeFactory.instance.textNode(""),
    JsonNodeFactory.instance.textNode("\uD800 alone"),
    JsonNodeFactory.instance.numberNode(1),
    JsonNodeFactory.instance.numberNode(0),
    JsonNodeFactory.instance.numberNode(-3),
    JsonNodeFactory.instance.numberNode(7),
    JsonNodeFactory.instance.numberNode(1L << 40),
    JsonNodeFactory.instance.numberNode(new java.math.BigInteger("18446744073709551615")),
    JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("1.5")),
    JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("-0.0")),
    JsonNodeFactory.instance.booleanNode(true),
    JsonNodeFactory.instance.booleanNode(false),
    JsonNodeFactory.instance.arrayNode(),
    JsonNodeFactory.instance.objectNode(),
  };

  final RandomProtos random = new RandomProtos(1234);
  final ProtobufCodec all = ProtobufCodec.parse("all.proto", RandomProtos.PROTO3, "All");

  @Test
  void randomMessagesEncodeAsDynamicMessageEncodesThem() {
    int direct = 0;
    for (int n = 0; n < 3000; n++) {
      JsonNode json = json(random.message(all.message(), 3));
      assertEquals(reference(all, json), encoded(all, json), json::toString);
      direct += directly(all.message(), json) ? 1 : 0;
    }
    // the rest name an enum number the enum does not know, which goes to DynamicMessage
    assertTrue(direct > 1000, "encoded directly: " + direct);
  }

  @Test
  void changedValuesEncodeOrFailAsBefore() {
    for (int n = 0; n < 5000; n++) {
      JsonNode json = json(random.message(all.message(), 2));
      change(json);
      assertEquals(reference(all, json), encoded(all, json), json::toString);
    }
  }

  @Test
  void proto2sDefaultsClosedEnumsAndPackedFields() {
    ProtobufCodec two = ProtobufCodec.parse("p.proto", RandomProtos.PROTO2, "Two");
    int direct = 0;
    for (int n = 0; n < 2000; n++) {
      JsonNode json = json(random.message(two.message(), 2));
      if (n % 2 == 1) {
        change(json);
      }
      assertEquals(reference(two, json), encoded(two, json), json::toString);
      direct += directly(two.message(), json) ? 1 : 0;
    }
    // the rest name a closed enum's unknown number, or hold a changed value that does not fit
    assertTrue(direct > 300, "encoded directly: " + direct);
    // a field with presence set to its default is written; a closed enum's unknown number
    assertEquals("0807", hex(two, "{\"x\": 7}"));
    assertEquals("0800", hex(two, "{\"x\": 0}"));
    assertEquals(reference(two, parse("{\"e\": 5}")), encoded(two, parse("{\"e\": 5}")));
  }

  @Test
  void lengthsOfOneTwoAndThreeBytes() {
    ProtobufCodec inner = ProtobufCodec.parse("all.proto", RandomProtos.PROTO3, "Inner");
    for (int size : new int[] {0, 1, 126, 127, 128, 129, 300, 16383, 16384, 20000}) {
      String name = "n".repeat(size);
      String json =
          "{\"name\":\"" + name + "\",\"child\":{\"name\":\"" + name + "é\",\"child\":{}}}";
      assertEquals(reference(inner, parse(json)), encoded(inner, parse(json)));
      assertTrue(directly(inner.message(), parse(json)));
    }
  }

  @Test
  void framedRecordsHaveTheirMessageIndexFirst() {
    ProtobufCodec inner = ProtobufCodec.parse("all.proto", RandomProtos.PROTO3, "Inner");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    inner.encode(parse("{\"name\":\"a\"}"), true, out);
    // index [0], the file's first message, is one byte; then field 1
    assertEquals("00" + "0a0161", HexFormat.of().formatHex(out.toByteArray()));
  }

  @Test
  void valuesLeftToDynamicMessageWriteNothing() {
    ProtoEncoder encoder = new ProtoEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String json :
        List.of(
            "{\"color\": 4}", // an enum number the enum does not know
            "{\"o_s\": \"a\", \"o_i\": 1}", // two members of one oneof
            "{\"r_i32\": [1], \"rI32\": [2]}", // one field under both its names
            "{\"nope\": 1}",
            "{\"i32\": \"x\"}")) {
      assertThrows(
          ProtoTranscoder.Fallback.class,
          () -> encoder.encode(parse(json), all.message(), new byte[] {9}, out));
      assertEquals(0, out.size(), json);
    }
    assertEquals(
        "failed: /nope: message All has no field 'nope'", encoded(all, parse("{\"nope\": 1}")));
  }

  @Test
  void defaultsTheSchemaGivesAreLeftOutAsTheyAre() {
    ProtobufCodec given =
        ProtobufCodec.parse(
            "d.proto",
            "syntax = \"proto3\"; message D { int32 a = 1 [default = 5]; string s = 2 [default ="
                + " \"x\"]; bool b = 3 [default = true]; double d = 4 [default = 1.5]; uint64 u = 5"
                + " [default = 3]; float f = 6 [default = 1.5]; }",
            null);
    for (String json :
        List.of(
            "{\"a\": 0}",
            "{\"a\": 5}",
            "{\"a\": \"5\"}",
            "{\"s\": \"\"}",
            "{\"s\": \"x\"}",
            "{\"b\": false}",
            "{\"b\": true}",
            "{\"d\": 0}",
            "{\"d\": 1.5}",
            "{\"u\": 0}",
            "{\"u\": 3}",
            "{\"f\": 0}",
            "{\"f\": 1.5}")) {
      assertEquals(reference(given, parse(json)), encoded(given, parse(json)), json);
    }
    assertEquals("0800", encoded(given, parse("{\"a\": 0}")));
    assertEquals("", encoded(given, parse("{\"a\": 5}")));
  }

  @Test
  void aNameTwoFieldsShareGoesToTheFieldProtoJsonGivesItTo() {
    for (String proto :
        List.of(
            "syntax = \"proto3\"; message M { int32 foo_bar = 2; int32 foo__bar = 1; }",
            "syntax = \"proto3\"; message M { int32 b_c = 2; int32 a = 1 [json_name = \"bC\"]; }",
            "syntax = \"proto3\"; message M { string b_c = 2; int32 a = 1 [json_name = \"bC\"]; }")) {
      ProtobufCodec m = ProtobufCodec.parse("m.proto", proto, null);
      for (String json : List.of("{\"fooBar\": 5}", "{\"bC\": 5}", "{\"bC\": \"t\"}")) {
        assertEquals(reference(m, parse(json)), encoded(m, parse(json)), proto + " " + json);
      }
    }
  }

  @Test
  void aMapKeyThatIsNotANumberIsNamedWhereItIs() {
    ProtobufCodec m =
        ProtobufCodec.parse(
            "m.proto",
            "syntax = \"proto3\"; message I { map<int32, string> m = 1; }"
                + " message M { I inner = 1; int32 x = 2; map<bool, string> b = 3; }",
            "M");
    for (String json :
        List.of(
            "{\"inner\": {\"m\": {\"k\": \"a\"}}}",
            "{\"x\": \"bad\", \"inner\": {\"m\": {\"k\": \"a\"}}}",
            "{\"b\": {\"yes\": \"a\"}}")) {
      assertEquals(reference(m, parse(json)), encoded(m, parse(json)), json);
    }
    assertEquals(
        "failed: /inner/m/k: a map key of this type is a number",
        encoded(m, parse("{\"inner\": {\"m\": {\"k\": \"a\"}}}")));
  }

  /** Changes some of a value's fields, at every depth, at random. */
  private void change(JsonNode node) {
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (random.nextInt(8) == 0) {
          array.set(i, ODD[random.nextInt(ODD.length)]);
        } else {
          change(array.get(i));
        }
      }
    } else if (node instanceof ObjectNode object) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
      for (Map.Entry<String, JsonNode> e : fields) {
        switch (random.nextInt(12)) {
          case 0 -> object.set(e.getKey(), ODD[random.nextInt(ODD.length)]);
          case 1 -> {
            object.remove(e.getKey());
            object.set(camel(e.getKey()), e.getValue());
          }
          case 2 -> object.set(camel(e.getKey()), e.getValue().deepCopy());
          case 3 -> {
            if (e.getValue().isIntegralNumber()) {
              object.put(e.getKey(), e.getValue().asText());
            }
          }
          case 4 -> object.put("unknown_" + e.getKey(), 1);
          default -> change(e.getValue());
        }
      }
    }
  }

  private static String camel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static JsonNode json(Message message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var g = MAPPER.getFactory().createGenerator(out)) {
      ProtoJson.write(message, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean directly(Descriptor type, JsonNode json) {
    try {
      new ProtoEncoder().encode(json, type, new byte[0], new ByteArrayOutputStream());
      return true;
    } catch (ProtoTranscoder.Fallback e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hex(ProtobufCodec codec, String json) {
    return encoded(codec, parse(json));
  }

  private static String reference(ProtobufCodec codec, JsonNode json) {
    return capture(out -> codec.encodeAsMessage(json, false, out));
  }

  private static String encoded(ProtobufCodec codec, JsonNode json) {
    return capture(out -> codec.encode(json, false, out));
  }

  /** The bytes written, in hex, or the failure's message. */
  private static String capture(java.util.function.Consumer<ByteArrayOutputStream> encoding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      encoding.accept(out);
    } catch (SchemaException e) {
      return "failed: " + e.getMessage();
    }
    return HexFormat.of().formatHex(out.toByteArray());
  }
}
