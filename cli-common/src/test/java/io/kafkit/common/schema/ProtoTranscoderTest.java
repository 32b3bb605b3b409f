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
import org.junit.jupiter.api.Test;

/**
 * The transcoder against protobuf's own reading: for every input, the codec writes what {@code
 * DynamicMessage.parseFrom} and {@link ProtoJson} write, or fails with the same message. Messages
 * are made by {@code DynamicMessage} over the descriptors, at random, then joined (protobuf's
 * merge), read by other message types (unknown fields, other wire types), and damaged.
 */
class ProtoTranscoderTest {
  static final JsonFactory FACTORY = new JsonFactory();

  final RandomProtos random = new RandomProtos(4711);
  final ProtobufCodec all = ProtobufCodec.parse("all.proto", RandomProtos.PROTO3, "All");

  @Test
  void randomMessagesReadAsProtobufReadsThem() {
    Descriptor type = all.message();
    for (int n = 0; n < 2000; n++) {
      byte[] bytes = random.message(type, 3).toByteArray();
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
          concat(
              random.message(type, 2).toByteArray(),
              random.message(type, 2).toByteArray(),
              oneofs());
      assertEquals(reference(type, bytes, 0), transcoded(type, bytes, 0));
    }
  }

  @Test
  void otherTypesSkipWhatTheyDoNotKnowAndWhatHasAnotherWireType() {
    ProtobufCodec narrow = ProtobufCodec.parse("all.proto", RandomProtos.PROTO3, "Narrow");
    ProtobufCodec mismatch = ProtobufCodec.parse("all.proto", RandomProtos.PROTO3, "Mismatch");
    for (int n = 0; n < 500; n++) {
      byte[] bytes = random.message(all.message(), 2).toByteArray();
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
      byte[] bytes = random.message(type, 2).toByteArray();
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
    ProtobufCodec closed = ProtobufCodec.parse("p.proto", RandomProtos.PROTO2, "Closed");
    ProtobufCodec wide = ProtobufCodec.parse("p.proto", RandomProtos.PROTO2, "Wide");
    ProtobufCodec required = ProtobufCodec.parse("p.proto", RandomProtos.PROTO2, "WithRequired");
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
    byte[] payload = random.message(type, 2).toByteArray();
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
            DynamicMessage.newBuilder(type).setField(f, random.value(f, 2)).build().toByteArray());
      }
    }
    return out.toByteArray();
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
