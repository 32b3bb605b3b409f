package io.kafkit.common.schema;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.Random;

/**
 * Protobuf messages made at random by {@code DynamicMessage} over the descriptors of two schemas
 * that use every field type: edge values, texts beyond ASCII, unknown enum numbers, nested and
 * repeated messages, maps and oneofs.
 */
final class RandomProtos extends Random {
  private static final long serialVersionUID = 1L;

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
          "message Two {",
          "  optional int32 x = 1 [default = 7]; map<string, int32> m = 2;",
          "  repeated int32 p = 3 [packed = true]; optional Small e = 4; optional float f = 5;",
          "  repeated Closed c = 6;",
          "}",
          "");
  static final String[] TEXTS = {
    "", "plain", "héllo wörld", "😀 emoji", "\u0000\u001f\"\\/", "line\u2028sep\u007f", "日本語"
  };
  static final long[] EDGES = {
    0, 1, -1, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE
  };

  RandomProtos(long seed) {
    super(seed);
  }

  DynamicMessage message(Descriptor type, int depth) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
    for (FieldDescriptor f : type.getFields()) {
      if (nextInt(3) == 0 || (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth == 0)) {
        continue;
      }
      if (f.isRepeated()) {
        int count = nextInt(4);
        for (int i = 0; i < count; i++) {
          b.addRepeatedField(f, value(f, depth));
        }
      } else {
        b.setField(f, value(f, depth));
      }
    }
    return b.build();
  }

  Object value(FieldDescriptor f, int depth) {
    long any = nextBoolean() ? EDGES[nextInt(EDGES.length)] : nextLong() >> 20;
    return switch (f.getJavaType()) {
      case INT -> (int) any;
      case LONG -> any;
      case FLOAT -> nextInt(10) == 0 ? Float.NaN : nextInt(10) == 0 ? 1e30f : (float) any / 7;
      case DOUBLE ->
          nextInt(10) == 0
              ? Double.NEGATIVE_INFINITY
              : nextInt(10) == 0 ? 5e-324 : (double) any / 3;
      case BOOLEAN -> nextBoolean();
      case STRING -> TEXTS[nextInt(TEXTS.length)] + (nextBoolean() ? any : "");
      case BYTE_STRING -> {
        byte[] b = new byte[nextInt(6)];
        nextBytes(b);
        yield ByteString.copyFrom(b);
      }
      case ENUM -> {
        int number = nextInt(5); // 3 and 4 are unknown to the open enum
        yield f.getEnumType().findValueByNumberCreatingIfUnknown(number);
      }
      case MESSAGE -> message(f.getMessageType(), depth - 1);
    };
  }
}
