package io.kafkit.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.io.Encoder;
import org.apache.avro.util.Utf8;

/**
 * A JSON value written as Avro's binary encoding, led by the schema: records, arrays and maps go
 * straight to the encoder, with no record objects on the way; a scalar, a union's branch or a
 * field's default is made into Avro's datum by {@link AvroJson} and written by Avro's own writer.
 * Accepts and refuses exactly what {@link AvroJson#read} does.
 */
final class AvroWriter {
  private final Map<Schema, GenericDatumWriter<Object>> writers = new IdentityHashMap<>();

  void write(JsonNode node, Schema schema, Encoder out, Where path) throws IOException {
    switch (schema.getType()) {
      case RECORD -> writeRecord(node, schema, out, path);
      case ARRAY -> {
        if (!node.isArray()) {
          throw AvroJson.wrong(path, "an array", node);
        }
        out.writeArrayStart();
        out.setItemCount(node.size());
        for (int i = 0; i < node.size(); i++) {
          out.startItem();
          write(node.get(i), schema.getElementType(), out, path.child(i));
        }
        out.writeArrayEnd();
      }
      case MAP -> {
        if (!node.isObject()) {
          throw AvroJson.wrong(path, "an object (a map)", node);
        }
        out.writeMapStart();
        out.setItemCount(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          out.startItem();
          out.writeString(e.getKey());
          write(e.getValue(), schema.getValueType(), out, path.child(e.getKey()));
        }
        out.writeMapEnd();
      }
      case UNION -> writeUnion(node, schema, out, path);
      default -> writeScalar(AvroJson.read(node, schema, path), schema, out);
    }
  }

  private void writeRecord(JsonNode node, Schema schema, Encoder out, Where path)
      throws IOException {
    if (!node.isObject()) {
      throw AvroJson.wrong(path, "an object (record " + schema.getName() + ")", node);
    }
    int present = 0;
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = node.get(field.name());
      if (value != null) {
        present++;
        write(value, field.schema(), out, path.child(field.name()));
      } else if (field.hasDefaultValue()) {
        datumWriter(field.schema()).write(GenericData.get().getDefaultValue(field), out);
      } else if (field.schema().getType() == Schema.Type.NULL) {
        out.writeNull();
      } else if (nullBranch(field.schema()) >= 0) {
        out.writeIndex(nullBranch(field.schema()));
        out.writeNull();
      } else {
        throw new SchemaException(
            AvroJson.at(path.child(field.name())) + "the field is missing and has no default");
      }
    }
    if (present < node.size()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (schema.getField(name) == null) {
          throw new SchemaException(
              AvroJson.at(path.child(name))
                  + "record "
                  + schema.getName()
                  + " has no field '"
                  + name
                  + "'");
        }
      }
    }
  }

  private void writeUnion(JsonNode node, Schema union, Encoder out, Where path) throws IOException {
    List<Schema> branches = union.getTypes();
    if (node.isNull() && nullBranch(union) >= 0) {
      out.writeIndex(nullBranch(union));
      out.writeNull();
      return;
    }
    // Avro's own JSON encoding, {"branch name": value}, or the value alone: the branch AvroJson
    // picks, written by Avro's writer for the union
    Object datum = AvroJson.read(node, union, path);
    int branch = GenericData.get().resolveUnion(union, datum);
    out.writeIndex(branch);
    datumWriter(branches.get(branch)).write(datum, out);
  }

  private static int nullBranch(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return -1;
    }
    List<Schema> types = s.getTypes();
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).getType() == Schema.Type.NULL) {
        return i;
      }
    }
    return -1;
  }

  private static void writeScalar(Object v, Schema schema, Encoder out) throws IOException {
    switch (schema.getType()) {
      case ENUM -> out.writeEnum(schema.getEnumOrdinal(v.toString()));
      case STRING -> out.writeString((Utf8) v);
      case BYTES -> out.writeBytes((ByteBuffer) v);
      case FIXED -> out.writeFixed(((GenericFixed) v).bytes());
      case INT -> out.writeInt((Integer) v);
      case LONG -> out.writeLong((Long) v);
      case FLOAT -> out.writeFloat((Float) v);
      case DOUBLE -> out.writeDouble((Double) v);
      case BOOLEAN -> out.writeBoolean((Boolean) v);
      case NULL -> out.writeNull();
      default -> throw new IllegalStateException("not a scalar: " + schema.getType());
    }
  }

  private GenericDatumWriter<Object> datumWriter(Schema schema) {
    return writers.computeIfAbsent(schema, GenericDatumWriter::new);
  }
}
