package io.kafkit.common.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.util.Utf8;

/**
 * Avro's binary encoding straight to JSON, led by the writer's schema: no record objects on the
 * way, strings copied as UTF-8 bytes. Writes what {@link AvroJson#write} writes for the same datum.
 */
final class AvroTranscoder {
  private final Map<Schema, SerializedString[]> fieldNames = new IdentityHashMap<>();
  private final Utf8 text = new Utf8();
  private byte[] bytes = new byte[64];

  void transcode(Schema schema, BinaryDecoder in, JsonGenerator out) throws IOException {
    switch (schema.getType()) {
      case RECORD -> {
        SerializedString[] names = fieldNames.computeIfAbsent(schema, AvroTranscoder::names);
        List<Schema.Field> fields = schema.getFields();
        out.writeStartObject();
        for (int i = 0; i < names.length; i++) {
          out.writeFieldName(names[i]); // quoted and encoded once per schema
          transcode(fields.get(i).schema(), in, out);
        }
        out.writeEndObject();
      }
      case ENUM -> {
        int index = in.readEnum();
        if (index < 0 || index >= schema.getEnumSymbols().size()) {
          throw new SchemaException(
              "enum " + schema.getName() + " has no symbol at position " + index);
        }
        out.writeString(schema.getEnumSymbols().get(index));
      }
      case STRING -> {
        in.readString(text);
        out.writeUTF8String(text.getBytes(), 0, text.getByteLength());
      }
      case ARRAY -> {
        out.writeStartArray();
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
          for (long i = 0; i < n; i++) {
            transcode(schema.getElementType(), in, out);
          }
        }
        out.writeEndArray();
      }
      case MAP -> {
        out.writeStartObject();
        for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
          for (long i = 0; i < n; i++) {
            in.readString(text);
            out.writeFieldName(
                new String(text.getBytes(), 0, text.getByteLength(), StandardCharsets.UTF_8));
            transcode(schema.getValueType(), in, out);
          }
        }
        out.writeEndObject();
      }
      case UNION -> {
        int branch = in.readIndex();
        if (branch < 0 || branch >= schema.getTypes().size()) {
          throw new SchemaException("a union has no branch " + branch);
        }
        transcode(schema.getTypes().get(branch), in, out);
      }
      case FIXED -> {
        int size = schema.getFixedSize();
        ensure(size);
        in.readFixed(bytes, 0, size);
        out.writeString(new String(bytes, 0, size, StandardCharsets.ISO_8859_1));
      }
      case BYTES -> {
        ByteBuffer b = in.readBytes(null);
        out.writeString(
            new String(
                b.array(),
                b.arrayOffset() + b.position(),
                b.remaining(),
                StandardCharsets.ISO_8859_1));
      }
      case INT -> out.writeNumber(in.readInt());
      case LONG -> out.writeNumber(in.readLong());
      case FLOAT -> {
        float f = in.readFloat();
        if (Float.isFinite(f)) {
          out.writeNumber(f);
        } else {
          out.writeString(Float.toString(f));
        }
      }
      case DOUBLE -> {
        double d = in.readDouble();
        if (Double.isFinite(d)) {
          out.writeNumber(d);
        } else {
          out.writeString(Double.toString(d));
        }
      }
      case BOOLEAN -> out.writeBoolean(in.readBoolean());
      case NULL -> {
        in.readNull();
        out.writeNull();
      }
    }
  }

  private static SerializedString[] names(Schema record) {
    return record.getFields().stream()
        .map(f -> new SerializedString(f.name()))
        .toArray(SerializedString[]::new);
  }

  private void ensure(int size) {
    if (bytes.length < size) {
      bytes = new byte[size];
    }
  }
}
