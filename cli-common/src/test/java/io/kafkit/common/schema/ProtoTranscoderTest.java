package io.kafkit.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The transcoder against protobuf's own reading: for every input, the codec writes what {@code
 * DynamicMessage.parseFrom} and {@link ProtoJson} write, or fails with the same message. Messages
 * are made by {@code DynamicMessage} over the descriptors, at random, then joined (protobuf's
 * merge), read by other message types (unknown fields, other wire types), and damaged.
 */
class ProtoTranscoderTest {
  static final String PROTO3 =
      String.join(
          "\n",
          "syntax = \"proto3\";",
          "package t;",
          "enum Color { RED = 0; GREEN = 1; BLUE = 2; }",
          "message Inner { string name = 1; repeated int32 nums = 2; Inner child = 3; }",
          "message All {",
          "  double d = 1; float f = 2; int32 i32 = 3; int64 i64 = 4; uint32 u32 = 5;",
          "  uint64 u64 = 6; sint32 s32 = 7; sint64 s64 = 8; fixed32 f32 = 9; fixed64 f64 = 10;",
          "  sfixed32 sf32 = 11; sfixed64 sf64 = 12; bool b = 13; string s = 14; bytes by = 15;",
          "  Color color = 16; Inner inner = 17;",
          "  repeated int32 r_i32 = 18; repeated sint64 r_s64 = 19 [packed = false];",
          "  repeated double r_d = 20; repeated string r_s = 21; repeated Inner r_inner = 22;",
          "  repeated Color r_color = 23; repeated fixed32 r_f32 = 24 [packed = false];",
          "  map<string, int64> m_s = 25; map<int32, Inner> m_i = 26; map<uint64, string> m_u = 27;",
          "  map<bool, Color> m_b = 28; map<sint32, bytes> m_z = 29;",
          "  oneof choice { string o_s = 30; Inner o_inner = 31; int64 o_i = 32; }",
          "  optional int32 opt = 33;",
          "  uint32 big = 5000;",
          "}",
          "message Narrow { int64 i64 = 4; string s = 14; }",
          "message Mismatch { string d = 1; int64 s = 14; Inner i32 = 3; repeated string r_i32 = 18; }",
          "");
  static final String PROTO2 =
      String.join(
          "\n",
          "syntax = \"proto2\";",
          "package p;",
          "enum Small { A = 0; B = 1; }",
          "message Closed { optional Small e = 1; repeated Small re = 2; optional string s = 3; }",
          "message Wide { optional int32 e = 1; repeated int32 re = 2; optional bytes s = 3; }",
          "message WithRequired { required int32 id = 1; optional string note = 2; }",
          "");
  static final String[] TEXTS = {
    "", "plain", "héllo wörld", "😀 emoji", "\u0000\u001f\"\\/", "line\u2028sep\u007f", "日本語"
  };
  static final long[] EDGES = {
    0, 1, -1, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE
  };
  static final JsonFactory FACTORY = new JsonFactory();

  final Random random = new Random(4711);
  final ProtobufCodec all = ProtobufCodec.parse("all.proto", PROTO3, "All");

  @Test
  void randomMessagesReadAsProtobufReadsThem() {
    Descriptor type = all.message();
    for (int n = 0; n < 2000; n++) {
      byte[] bytes = message(type, 3).toByteArray();
      String expected = reference(type, bytes, 0);
      assertEquals(expected, transcoded(type, bytes, 0), () -> "bytes " + Arrays.toString(bytes));
      assertEquals(expected, viaCodec(all, bytes));
    }
  }

  @Test
  void joinedMessagesMergeAsProtobufMergesThem() {
    Descriptor type = all.message();
    for (int n = 0; n < 1000; n++) {
      byte[] bytes =
          concat(message(type, 2).toByteArray(), message(type, 2).toByteArray(), oneofs());
      assertEquals(reference(type, bytes, 0), transcoded(type, bytes, 0));
    }
  }

  @Test
  void otherTypesSkipWhatTheyDoNotKnowAndWhatHasAnotherWireType() {
    ProtobufCodec narrow = ProtobufCodec.parse("all.proto", PROTO3, "Narrow");
    ProtobufCodec mismatch = ProtobufCodec.parse("all.proto", PROTO3, "Mismatch");
    for (int n = 0; n < 500; n++) {
      byte[] bytes = message(all.message(), 2).toByteArray();
      Descriptor type = narrow.message();
      assertEquals(
          reference(type, bytes, 0), transcoded(type, bytes, 0), () -> Arrays.toString(bytes));
      // a packed int32 read as strings may not be UTF-8: that one goes to protobuf, which says so
      assertEquals(reference(mismatch.message(), bytes, 0), viaCodec(mismatch, bytes));
    }
  }

  @Test
  void damagedBytesFailAsProtobufFailsOnThem() {
    Descriptor type = all.message();
    for (int n = 0; n < 3000; n++) {
      byte[] bytes = message(type, 2).toByteArray();
      if (bytes.length == 0) {
        continue;
      }
      byte[] damaged =
          switch (n % 3) {
            case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length)); // cut short
            case 1 -> {
              byte[] b = bytes.clone();
              b[random.nextInt(b.length)] = (byte) random.nextInt(256);
              yield b;
            }
            default -> {
              byte[] b = bytes.clone();
              b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
              yield b;
            }
          };
      assertEquals(
          reference(type, damaged, 0), viaCodec(all, damaged), () -> Arrays.toString(damaged));
    }
  }

  @Test
  void whatItLeavesToProtobufIsReadByProtobuf() {
    ProtobufCodec closed = ProtobufCodec.parse("p.proto", PROTO2, "Closed");
    ProtobufCodec wide = ProtobufCodec.parse("p.proto", PROTO2, "Wide");
    ProtobufCodec required = ProtobufCodec.parse("p.proto", PROTO2, "WithRequired");
    Descriptor w = wide.message();
    // a closed enum's unknown value, and proto2's string that is not UTF-8
    byte[] unknownEnum =
        DynamicMessage.newBuilder(w)
            .setField(w.findFieldByName("e"), 5)
            .addRepeatedField(w.findFieldByName("re"), 1)
            .addRepeatedField(w.findFieldByName("re"), 7)
            .setField(w.findFieldByName("s"), ByteString.copyFrom(new byte[] {'o', (byte) 0xC3}))
            .build()
            .toByteArray();
    assertThrows(
        ProtoTranscoder.Fallback.class,
        () -> new ProtoTranscoder().transcode(closed.message(), unknownEnum, 0, generator()));
    assertEquals(reference(closed.message(), unknownEnum, 0), viaCodec(closed, unknownEnum));
    assertEquals("{\"re\":[\"B\"],\"s\":\"o\uFFFD\"}", viaCodec(closed, unknownEnum));

    // required fields: set, and missing (protobuf refuses the message)
    byte[] note =
        DynamicMessage.newBuilder(required.message())
            .setField(required.message().findFieldByName("note"), "n")
            .buildPartial()
            .toByteArray();
    assertThrows(
        ProtoTranscoder.Fallback.class,
        () -> new ProtoTranscoder().transcode(required.message(), note, 0, generator()));
    assertEquals(reference(required.message(), note, 0), viaCodec(required, note));

    // proto3's string that is not UTF-8: protobuf refuses it
    byte[] notUtf8 = {(14 << 3) | 2, 2, 'o', (byte) 0xC3};
    assertEquals(reference(all.message(), notUtf8, 0), viaCodec(all, notUtf8));
  }

  @Test
  void framedRecordsStartAfterTheirIndexes() throws IOException {
    Descriptor type = all.message();
    byte[] payload = message(type, 2).toByteArray();
    byte[] framed = concat(new byte[] {0, 0, 0, 0, 1, 2, 2}, payload); // id 1, index [1]
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      all.writeJson(framed, 5, true, g);
    }
    assertEquals(
        reference(type, payload, 0), out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A oneof's members one after another, each on its own: the last one set is kept. */
  private byte[] oneofs() {
    Descriptor type = all.message();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String name : List.of("o_s", "o_inner", "o_i")) {
      if (random.nextBoolean()) {
        FieldDescriptor f = type.findFieldByName(name);
        out.writeBytes(
            DynamicMessage.newBuilder(type).setField(f, value(f, 2)).build().toByteArray());
      }
    }
    return out.toByteArray();
  }

  private DynamicMessage message(Descriptor type, int depth) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
    for (FieldDescriptor f : type.getFields()) {
      if (random.nextInt(3) == 0
          || (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth == 0)) {
        continue;
      }
      if (f.isRepeated()) {
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
          b.addRepeatedField(f, value(f, depth));
        }
      } else {
        b.setField(f, value(f, depth));
      }
    }
    return b.build();
  }

  private Object value(FieldDescriptor f, int depth) {
    long any = random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextLong() >> 20;
    return switch (f.getJavaType()) {
      case INT -> (int) any;
      case LONG -> any;
      case FLOAT ->
          random.nextInt(10) == 0 ? Float.NaN : random.nextInt(10) == 0 ? 1e30f : (float) any / 7;
      case DOUBLE ->
          random.nextInt(10) == 0
              ? Double.NEGATIVE_INFINITY
              : random.nextInt(10) == 0 ? 5e-324 : (double) any / 3;
      case BOOLEAN -> random.nextBoolean();
      case STRING -> TEXTS[random.nextInt(TEXTS.length)] + (random.nextBoolean() ? any : "");
      case BYTE_STRING -> {
        byte[] b = new byte[random.nextInt(6)];
        random.nextBytes(b);
        yield ByteString.copyFrom(b);
      }
      case ENUM -> {
        int number = random.nextInt(5); // 3 and 4 are unknown to the open enum
        yield f.getEnumType().findValueByNumberCreatingIfUnknown(number);
      }
      case MESSAGE -> message(f.getMessageType(), depth - 1);
    };
  }

  private static String reference(Descriptor type, byte[] bytes, int at) {
    return capture(g -> ProtobufCodec.writeJsonOfMessage(type, bytes, at, g));
  }

  private static String transcoded(Descriptor type, byte[] bytes, int at) {
    return capture(g -> new ProtoTranscoder().transcode(type, bytes, at, g));
  }

  private static String viaCodec(ProtobufCodec codec, byte[] bytes) {
    return capture(g -> codec.writeJson(bytes, 0, false, g));
  }

  interface Writing {
    void write(JsonGenerator g) throws IOException;
  }

  /** The JSON written, or the failure's message. */
  private static String capture(Writing writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writing.write(g);
    } catch (SchemaException e) {
      return "failed: " + e.getMessage();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static JsonGenerator generator() throws IOException {
    return FACTORY.createGenerator(new ByteArrayOutputStream());
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
