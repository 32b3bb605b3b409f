package io.kafkit.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.Utf8;

/**
 * JSON as Avro data ({@link AvroTranscoder} writes the other way, to the same JSON): records are
 * objects, maps objects, arrays arrays, enums their symbol, bytes and fixed a string of one
 * character per byte (U+0000 to U+00FF, as Avro's own JSON encoding writes them). A union's value
 * is written without the {@code {"type": value}} wrapper of Avro's JSON encoding; when read, either
 * form is taken, and an unwrapped value goes to the first branch it fits.
 */
public final class AvroJson {
  private AvroJson() {}

  /**
   * The Avro datum for a JSON value.
   *
   * @throws SchemaException naming the field (as a JSON pointer) that does not fit
   */
  public static Object read(JsonNode node, Schema schema) {
    return read(node, schema, Where.ROOT);
  }

  static Object read(JsonNode node, Schema schema, Where path) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!node.isObject()) {
          throw wrong(path, "an object (record " + schema.getName() + ")", node);
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          if (schema.getField(name) == null) {
            throw new SchemaException(
                at(path.child(name))
                    + "record "
                    + schema.getName()
                    + " has no field '"
                    + name
                    + "'");
          }
        }
        for (Schema.Field field : schema.getFields()) {
          JsonNode value = node.get(field.name());
          Where fieldPath = path.child(field.name());
          if (value == null) {
            if (field.hasDefaultValue()) {
              record.put(field.pos(), GenericData.get().deepCopy(field.schema(), defaultOf(field)));
            } else if (acceptsNull(field.schema())) {
              record.put(field.pos(), null);
            } else {
              throw new SchemaException(at(fieldPath) + "the field is missing and has no default");
            }
          } else {
            record.put(field.pos(), read(value, field.schema(), fieldPath));
          }
        }
        return record;
      }
      case ENUM -> {
        if (!node.isTextual() || !schema.hasEnumSymbol(node.textValue())) {
          throw wrong(path, "one of " + schema.getEnumSymbols(), node);
        }
        return new GenericData.EnumSymbol(schema, node.textValue());
      }
      case ARRAY -> {
        if (!node.isArray()) {
          throw wrong(path, "an array", node);
        }
        List<Object> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
          items.add(read(node.get(i), schema.getElementType(), path.child(i)));
        }
        return new GenericData.Array<>(schema, items);
      }
      case MAP -> {
        if (!node.isObject()) {
          throw wrong(path, "an object (a map)", node);
        }
        Map<Utf8, Object> map = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          map.put(
              new Utf8(e.getKey()),
              read(e.getValue(), schema.getValueType(), path.child(e.getKey())));
        }
        return map;
      }
      case UNION -> {
        return readUnion(node, schema, path);
      }
      case FIXED -> {
        byte[] bytes = fromLatin1(node, path);
        if (bytes.length != schema.getFixedSize()) {
          throw wrong(
              path, schema.getFixedSize() + " bytes (fixed " + schema.getName() + ")", node);
        }
        return new GenericData.Fixed(schema, bytes);
      }
      case BYTES -> {
        return ByteBuffer.wrap(fromLatin1(node, path));
      }
      case STRING -> {
        if (!node.isTextual()) {
          throw wrong(path, "a string", node);
        }
        return new Utf8(node.textValue());
      }
      case INT -> {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
          throw wrong(path, "an int", node);
        }
        return node.intValue();
      }
      case LONG -> {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
          throw wrong(path, "a long", node);
        }
        return node.longValue();
      }
      case FLOAT -> {
        return (float) floating(node, path, "a float");
      }
      case DOUBLE -> {
        return floating(node, path, "a double");
      }
      case BOOLEAN -> {
        if (!node.isBoolean()) {
          throw wrong(path, "true or false", node);
        }
        return node.booleanValue();
      }
      case NULL -> {
        if (!node.isNull()) {
          throw wrong(path, "null", node);
        }
        return null;
      }
    }
    throw new SchemaException(at(path) + "unsupported Avro type " + schema.getType());
  }

  private static Object readUnion(JsonNode node, Schema union, Where path) {
    // Avro's own JSON encoding: {"branch name": value}
    if (node.isObject() && node.size() == 1) {
      String name = node.fieldNames().next();
      Integer branch = union.getIndexNamed(name);
      if (branch != null) {
        return read(node.get(name), union.getTypes().get(branch), path.child(name));
      }
    }
    SchemaException first = null;
    for (Schema branch : union.getTypes()) {
      if (!mayFit(node, branch)) {
        continue;
      }
      try {
        return read(node, branch, path);
      } catch (SchemaException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
    List<String> names = union.getTypes().stream().map(Schema::getName).toList();
    throw wrong(path, "one of the union's types " + names, node);
  }

  private static boolean mayFit(JsonNode node, Schema s) {
    return switch (s.getType()) {
      case NULL -> node.isNull();
      case BOOLEAN -> node.isBoolean();
      case INT, LONG -> node.isIntegralNumber();
      case FLOAT, DOUBLE -> node.isNumber() || node.isTextual();
      case STRING, BYTES, FIXED, ENUM -> node.isTextual();
      case ARRAY -> node.isArray();
      case RECORD, MAP -> node.isObject();
      case UNION -> true;
    };
  }

  private static boolean acceptsNull(Schema s) {
    return s.getType() == Schema.Type.NULL
        || (s.getType() == Schema.Type.UNION
            && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL));
  }

  private static Object defaultOf(Schema.Field field) {
    return GenericData.get().getDefaultValue(field);
  }

  /** A float or double: a number, or NaN, Infinity, -Infinity as strings (as they are written). */
  static double floating(JsonNode node, Where path, String what) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      switch (node.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw wrong(path, what, node);
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static byte[] fromLatin1(JsonNode node, Where path) {
    if (!node.isTextual()) {
      throw wrong(path, "a string of bytes (one character per byte, U+0000 to U+00FF)", node);
    }
    String s = node.textValue();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xff) {
        throw wrong(path, "a string of bytes (one character per byte, U+0000 to U+00FF)", node);
      }
    }
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String at(Where path) {
    return path.isRoot() ? "" : path + ": ";
  }

  static SchemaException wrong(Where path, String expected, JsonNode got) {
    String shown = got.toString();
    if (shown.length() > 60) {
      shown = shown.substring(0, 57) + "...";
    }
    return new SchemaException(at(path) + "expected " + expected + ", not " + shown);
  }
}
