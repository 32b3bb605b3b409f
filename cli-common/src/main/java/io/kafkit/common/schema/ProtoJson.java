package io.kafkit.common.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Protobuf messages as plain JSON, both ways. Fields keep their names from the .proto file (the
 * lowerCamelCase JSON names are accepted too when reading); every field without presence is
 * written, at its default when unset, and a field with presence (a message, a oneof member, an
 * {@code optional} one) only when set. 64-bit integers are JSON numbers, bytes are base64, enums
 * their name (their number when the schema does not know it), maps objects.
 */
public final class ProtoJson {
  private ProtoJson() {}

  public static void write(Message message, JsonGenerator out) throws IOException {
    out.writeStartObject();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isRepeated()) {
        out.writeFieldName(field.getName());
        if (field.isMapField()) {
          writeMap(message, field, out);
        } else {
          out.writeStartArray();
          int n = message.getRepeatedFieldCount(field);
          for (int i = 0; i < n; i++) {
            writeValue(field, message.getRepeatedField(field, i), out);
          }
          out.writeEndArray();
        }
      } else if (!field.hasPresence() || message.hasField(field)) {
        out.writeFieldName(field.getName());
        writeValue(field, message.getField(field), out);
      }
    }
    out.writeEndObject();
  }

  private static void writeMap(Message message, FieldDescriptor field, JsonGenerator out)
      throws IOException {
    Descriptor entry = field.getMessageType();
    FieldDescriptor key = entry.findFieldByNumber(1);
    FieldDescriptor value = entry.findFieldByNumber(2);
    out.writeStartObject();
    int n = message.getRepeatedFieldCount(field);
    for (int i = 0; i < n; i++) {
      Message e = (Message) message.getRepeatedField(field, i);
      out.writeFieldName(keyText(key, e.getField(key)));
      writeValue(value, e.getField(value), out);
    }
    out.writeEndObject();
  }

  /** A map key as JSON names it: unsigned types as unsigned numbers. */
  static String keyText(FieldDescriptor key, Object value) {
    switch (key.getType()) {
      case UINT32, FIXED32 -> {
        return Long.toString(Integer.toUnsignedLong((Integer) value));
      }
      case UINT64, FIXED64 -> {
        return Long.toUnsignedString((Long) value);
      }
      default -> {
        return String.valueOf(value);
      }
    }
  }

  static void writeValue(FieldDescriptor field, Object value, JsonGenerator out)
      throws IOException {
    switch (field.getJavaType()) {
      case INT -> {
        int v = (Integer) value;
        if (field.getType() == FieldDescriptor.Type.UINT32
            || field.getType() == FieldDescriptor.Type.FIXED32) {
          out.writeNumber(Integer.toUnsignedLong(v));
        } else {
          out.writeNumber(v);
        }
      }
      case LONG -> {
        long v = (Long) value;
        if ((field.getType() == FieldDescriptor.Type.UINT64
                || field.getType() == FieldDescriptor.Type.FIXED64)
            && v < 0) {
          out.writeNumber(new BigInteger(Long.toUnsignedString(v)));
        } else {
          out.writeNumber(v);
        }
      }
      case FLOAT -> {
        float f = (Float) value;
        if (Float.isFinite(f)) {
          out.writeNumber(f);
        } else {
          out.writeString(Float.toString(f));
        }
      }
      case DOUBLE -> {
        double d = (Double) value;
        if (Double.isFinite(d)) {
          out.writeNumber(d);
        } else {
          out.writeString(Double.toString(d));
        }
      }
      case BOOLEAN -> out.writeBoolean((Boolean) value);
      case STRING -> out.writeString((String) value);
      case BYTE_STRING -> out.writeBinary(((ByteString) value).toByteArray());
      case ENUM -> {
        EnumValueDescriptor e = (EnumValueDescriptor) value;
        if (e.getIndex() >= 0 && e.getType().findValueByNumber(e.getNumber()) == e) {
          out.writeString(e.getName());
        } else {
          out.writeNumber(e.getNumber());
        }
      }
      case MESSAGE -> write((Message) value, out);
    }
  }

  /**
   * The message a JSON object describes.
   *
   * @throws SchemaException naming the field (as a JSON pointer) that does not fit
   */
  public static DynamicMessage read(JsonNode node, Descriptor type) {
    return read(node, type, Where.ROOT);
  }

  private static DynamicMessage read(JsonNode node, Descriptor type, Where path) {
    if (!node.isObject()) {
      throw AvroJson.wrong(path, "an object (message " + type.getName() + ")", node);
    }
    DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Where fieldPath = path.child(e.getKey());
      FieldDescriptor field = field(type, e.getKey());
      if (field == null) {
        throw new SchemaException(
            AvroJson.at(fieldPath)
                + "message "
                + type.getName()
                + " has no field '"
                + e.getKey()
                + "'");
      }
      JsonNode value = e.getValue();
      if (value.isNull()) {
        continue;
      }
      if (field.getRealContainingOneof() != null) {
        for (FieldDescriptor other : field.getRealContainingOneof().getFields()) {
          if (other != field && b.hasField(other)) {
            throw new SchemaException(
                AvroJson.at(fieldPath)
                    + "'"
                    + other.getName()
                    + "' is set already, and both are in oneof "
                    + field.getRealContainingOneof().getName());
          }
        }
      }
      if (field.isMapField()) {
        readMap(b, field, value, fieldPath);
      } else if (field.isRepeated()) {
        if (!value.isArray()) {
          throw AvroJson.wrong(fieldPath, "an array", value);
        }
        for (int i = 0; i < value.size(); i++) {
          b.addRepeatedField(field, readValue(field, value.get(i), fieldPath.child(i)));
        }
      } else {
        b.setField(field, readValue(field, value, fieldPath));
      }
    }
    return b.build();
  }

  /**
   * Each message type's fields by their .proto names and their JSON names, the .proto name first: a
   * descriptor's own lookup builds a full name and searches the pool, for every field of every
   * line.
   */
  private static final Map<Descriptor, Map<String, FieldDescriptor>> FIELDS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static FieldDescriptor field(Descriptor type, String name) {
    return FIELDS.computeIfAbsent(type, ProtoJson::fieldsByName).get(name);
  }

  private static Map<String, FieldDescriptor> fieldsByName(Descriptor type) {
    Map<String, FieldDescriptor> byName = new java.util.HashMap<>();
    for (FieldDescriptor f : type.getFields()) {
      byName.putIfAbsent(f.getJsonName(), f);
    }
    for (FieldDescriptor f : type.getFields()) {
      byName.put(f.getName(), f);
    }
    return byName;
  }

  private static void readMap(
      DynamicMessage.Builder b, FieldDescriptor field, JsonNode value, Where path) {
    if (!value.isObject()) {
      throw AvroJson.wrong(path, "an object (a map)", value);
    }
    Descriptor entry = field.getMessageType();
    FieldDescriptor key = entry.findFieldByNumber(1);
    FieldDescriptor val = entry.findFieldByNumber(2);
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Where entryPath = path.child(e.getKey());
      JsonNode keyNode =
          key.getJavaType() == FieldDescriptor.JavaType.STRING
              ? com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey())
              : keyAsJson(e.getKey(), entryPath);
      b.addRepeatedField(
          field,
          DynamicMessage.newBuilder(entry)
              .setField(key, readValue(key, keyNode, entryPath))
              .setField(val, readValue(val, e.getValue(), entryPath))
              .build());
    }
  }

  static JsonNode keyAsJson(String key, Where path) {
    if (key.equals("true") || key.equals("false")) {
      return com.fasterxml.jackson.databind.node.BooleanNode.valueOf(Boolean.parseBoolean(key));
    }
    try {
      return com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(new BigInteger(key));
    } catch (NumberFormatException e) {
      throw new SchemaException(AvroJson.at(path) + "a map key of this type is a number");
    }
  }

  static Object readValue(FieldDescriptor field, JsonNode v, Where path) {
    switch (field.getType()) {
      case INT32, SINT32, SFIXED32 -> {
        return (int) integer(v, path, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int32");
      }
      case UINT32, FIXED32 -> {
        return (int) integer(v, path, 0, 0xffff_ffffL, "a uint32");
      }
      case INT64, SINT64, SFIXED64 -> {
        return integer(v, path, Long.MIN_VALUE, Long.MAX_VALUE, "an int64");
      }
      case UINT64, FIXED64 -> {
        BigInteger n = bigInteger(v, path, "a uint64");
        if (n.signum() < 0 || n.bitLength() > 64) {
          throw AvroJson.wrong(path, "a uint64", v);
        }
        return n.longValue();
      }
      case FLOAT -> {
        return (float) AvroJson.floating(v, path, "a float");
      }
      case DOUBLE -> {
        return AvroJson.floating(v, path, "a double");
      }
      case BOOL -> {
        if (!v.isBoolean()) {
          throw AvroJson.wrong(path, "true or false", v);
        }
        return v.booleanValue();
      }
      case STRING -> {
        if (!v.isTextual()) {
          throw AvroJson.wrong(path, "a string", v);
        }
        return v.textValue();
      }
      case BYTES -> {
        if (!v.isTextual()) {
          throw AvroJson.wrong(path, "a base64 string", v);
        }
        try {
          return ByteString.copyFrom(Base64.getDecoder().decode(v.textValue()));
        } catch (IllegalArgumentException e) {
          throw AvroJson.wrong(path, "a base64 string", v);
        }
      }
      case ENUM -> {
        EnumValueDescriptor e = null;
        if (v.isTextual()) {
          e = field.getEnumType().findValueByName(v.textValue());
        } else if (v.isIntegralNumber() && v.canConvertToInt()) {
          e = field.getEnumType().findValueByNumberCreatingIfUnknown(v.intValue());
        }
        if (e == null) {
          List<String> names =
              field.getEnumType().getValues().stream().map(EnumValueDescriptor::getName).toList();
          throw AvroJson.wrong(path, "one of " + names, v);
        }
        return e;
      }
      case MESSAGE, GROUP -> {
        return read(v, field.getMessageType(), path);
      }
    }
    throw new SchemaException(AvroJson.at(path) + "unsupported field type " + field.getType());
  }

  private static long integer(JsonNode v, Where path, long min, long max, String what) {
    BigInteger n = bigInteger(v, path, what);
    if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
      throw AvroJson.wrong(path, what, v);
    }
    return n.longValue();
  }

  /** An integer, as a JSON number or (as proto3's JSON mapping allows) a string of digits. */
  private static BigInteger bigInteger(JsonNode v, Where path, String what) {
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue();
    }
    if (v.isTextual()) {
      try {
        return new BigInteger(v.textValue().trim());
      } catch (NumberFormatException e) {
        // below
      }
    }
    throw AvroJson.wrong(path, what, v);
  }
}
