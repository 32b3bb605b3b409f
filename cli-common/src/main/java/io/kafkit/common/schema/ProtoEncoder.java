package io.kafkit.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON values straight to Protobuf's wire format, led by the message's descriptor: the bytes {@code
 * DynamicMessage} writes for the message {@link ProtoJson#read} builds, without building it. Like
 * {@code DynamicMessage}, it writes fields in the order of their numbers, leaves out a field
 * without presence (proto3's plain scalars) that holds its default (zero, or the one the schema
 * gives), and writes a map entry's key and value whatever they hold.
 *
 * <p>It takes the values that fit and that it writes alike; for anything else (a value that does
 * not fit, so that {@link ProtoJson} names the fault; a field given under both its names; two
 * members of one oneof; an enum number the enum does not know) {@link #encode} throws {@link
 * ProtoTranscoder.Fallback} and has written nothing. Message types with groups or required fields
 * are the caller's to leave to {@code DynamicMessage}. Used by one thread.
 */
final class ProtoEncoder {
  private static final ProtoTranscoder.Fallback FALLBACK = ProtoTranscoder.Fallback.INSTANCE;
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH = 2;
  private static final int FIXED32 = 5;

  private final Map<Descriptor, Plan> plans = new IdentityHashMap<>();
  private byte[] buf = new byte[256];
  private int len;

  /**
   * Appends the message to {@code out}, after {@code prefix} (Confluent's message indexes).
   *
   * @throws ProtoTranscoder.Fallback when the value is left to {@code DynamicMessage}; nothing was
   *     written then
   */
  void encode(JsonNode value, Descriptor type, byte[] prefix, OutputStream out) throws IOException {
    len = 0;
    message(value, plan(type));
    out.write(prefix);
    out.write(buf, 0, len);
    if (buf.length > 1 << 20) {
      buf = new byte[256]; // one huge line does not keep its buffer for the rest of the run
    }
  }

  /** A message type's fields in the order of their numbers, and each one's slot by either name. */
  private static final class Plan {
    final FieldDescriptor[] fields;
    final int[] tags;
    final boolean[] zeroDefault;
    final Map<String, Integer> slots = new HashMap<>();
    final boolean anyOneof;

    Plan(Descriptor type) {
      fields = type.getFields().toArray(new FieldDescriptor[0]);
      Arrays.sort(fields, Comparator.comparingInt(FieldDescriptor::getNumber));
      tags = new int[fields.length];
      zeroDefault = new boolean[fields.length];
      Map<FieldDescriptor, Integer> order = new IdentityHashMap<>();
      boolean oneof = false;
      for (int i = 0; i < fields.length; i++) {
        FieldDescriptor f = fields[i];
        tags[i] = f.getNumber() << 3 | (f.isPacked() ? LENGTH : wireType(f));
        zeroDefault[i] =
            !f.isRepeated()
                && f.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                && isZero(f.getDefaultValue());
        oneof |= f.getRealContainingOneof() != null;
        order.put(f, i);
      }
      // as ProtoJson has it: in the schema's order, the JSON name first, so that a .proto name
      // wins where it is another field's JSON name
      for (FieldDescriptor f : type.getFields()) {
        slots.putIfAbsent(f.getJsonName(), order.get(f));
      }
      for (FieldDescriptor f : type.getFields()) {
        slots.put(f.getName(), order.get(f));
      }
      anyOneof = oneof;
    }
  }

  /** Whether a default is zero, empty or false: a proto3 field's, unless the schema gives one. */
  private static boolean isZero(Object value) {
    if (value instanceof Integer i) {
      return i == 0;
    } else if (value instanceof Long l) {
      return l == 0;
    } else if (value instanceof Float f) {
      return f.equals(0f);
    } else if (value instanceof Double d) {
      return d.equals(0d);
    } else if (value instanceof Boolean b) {
      return !b;
    } else if (value instanceof String t) {
      return t.isEmpty();
    }
    return false; // enums and bytes are compared as read
  }

  private Plan plan(Descriptor type) {
    Plan plan = plans.get(type);
    if (plan == null) {
      plan = new Plan(type);
      plans.put(type, plan);
    }
    return plan;
  }

  private static int wireType(FieldDescriptor f) {
    return switch (f.getType()) {
      case DOUBLE, FIXED64, SFIXED64 -> FIXED64;
      case FLOAT, FIXED32, SFIXED32 -> FIXED32;
      case STRING, BYTES, MESSAGE -> LENGTH;
      case GROUP -> throw FALLBACK;
      default -> VARINT;
    };
  }

  private void message(JsonNode node, Plan plan) {
    if (!node.isObject()) {
      throw FALLBACK;
    }
    JsonNode[] values = new JsonNode[plan.fields.length];
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Integer slot = plan.slots.get(e.getKey());
      if (slot == null || values[slot] != null) {
        throw FALLBACK;
      }
      if (!e.getValue().isNull()) {
        values[slot] = e.getValue();
      }
    }
    if (plan.anyOneof) {
      oneMemberEach(plan, values);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        field(plan.fields[i], plan.tags[i], plan.zeroDefault[i], values[i]);
      }
    }
  }

  private static void oneMemberEach(Plan plan, JsonNode[] values) {
    List<OneofDescriptor> seen = null;
    for (int i = 0; i < values.length; i++) {
      OneofDescriptor oneof = plan.fields[i].getRealContainingOneof();
      if (values[i] != null && oneof != null) {
        if (seen == null) {
          seen = new java.util.ArrayList<>(2);
        } else if (seen.contains(oneof)) {
          throw FALLBACK;
        }
        seen.add(oneof);
      }
    }
  }

  private void field(FieldDescriptor f, int tag, boolean zeroDefault, JsonNode v) {
    if (f.isMapField()) {
      map(f, tag, v);
    } else if (!f.isRepeated()) {
      if (f.hasPresence() || !isDefault(f, zeroDefault, v)) {
        varint(tag);
        value(f, v);
      }
    } else if (!v.isArray()) {
      throw FALLBACK;
    } else if (f.isPacked()) {
      if (v.isEmpty()) {
        return;
      }
      varint(tag);
      int start = open();
      for (JsonNode element : v) {
        value(f, element);
      }
      close(start);
    } else {
      for (JsonNode element : v) {
        varint(tag);
        value(f, element);
      }
    }
  }

  private void map(FieldDescriptor f, int tag, JsonNode v) {
    if (!v.isObject()) {
      throw FALLBACK;
    }
    Descriptor entry = f.getMessageType();
    FieldDescriptor key = entry.findFieldByNumber(1);
    FieldDescriptor val = entry.findFieldByNumber(2);
    int keyTag = 1 << 3 | wireType(key);
    int valueTag = 2 << 3 | wireType(val);
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode keyNode =
          key.getJavaType() == FieldDescriptor.JavaType.STRING
              ? com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey())
              : mapKey(e.getKey());
      if (e.getValue().isNull()) {
        throw FALLBACK;
      }
      // DynamicMessage writes an entry's key and value even at their defaults
      varint(tag);
      int start = open();
      varint(keyTag);
      value(key, keyNode);
      varint(valueTag);
      value(val, e.getValue());
      close(start);
    }
  }

  private static JsonNode mapKey(String key) {
    try {
      return ProtoJson.keyAsJson(key, Where.ROOT);
    } catch (SchemaException e) {
      throw FALLBACK;
    }
  }

  /**
   * Whether a field without presence holds its default, which DynamicMessage leaves out.
   *
   * @param zeroDefault whether that default is zero, empty or false, which the JSON value is
   *     compared with as it is
   */
  private static boolean isDefault(FieldDescriptor f, boolean zeroDefault, JsonNode v) {
    if (!zeroDefault) {
      return converted(f, v).equals(f.getDefaultValue());
    }
    switch (f.getJavaType()) {
      case STRING -> {
        if (v.isTextual()) {
          return v.textValue().isEmpty();
        }
      }
      case INT, LONG, FLOAT, DOUBLE -> {
        if (v.isInt() || v.isLong()) {
          return v.longValue() == 0;
        }
      }
      case BOOLEAN -> {
        if (v.isBoolean()) {
          return !v.booleanValue();
        }
      }
      default -> {
        // as ProtoJson reads it, below
      }
    }
    return converted(f, v).equals(f.getDefaultValue());
  }

  /** The value as ProtoJson reads it: a value that does not fit is left to it to name. */
  private static Object converted(FieldDescriptor f, JsonNode v) {
    try {
      return ProtoJson.readValue(f, v, Where.ROOT);
    } catch (RuntimeException e) {
      throw FALLBACK;
    }
  }

  private void value(FieldDescriptor f, JsonNode v) {
    switch (f.getType()) {
      case INT32 -> varint64(v.isInt() ? v.intValue() : (Integer) converted(f, v));
      case INT64 -> varint64(v.isInt() || v.isLong() ? v.longValue() : (Long) converted(f, v));
      case UINT32 -> varint(number(f, v));
      case UINT64 -> varint64((Long) converted(f, v));
      case SINT32 -> {
        int n = number(f, v);
        varint(n << 1 ^ n >> 31);
      }
      case SINT64 -> {
        long n = v.isInt() || v.isLong() ? v.longValue() : (Long) converted(f, v);
        varint64(n << 1 ^ n >> 63);
      }
      case FIXED32, SFIXED32 -> fixed32(number(f, v));
      case FIXED64, SFIXED64 -> fixed64((Long) converted(f, v));
      case FLOAT -> fixed32(Float.floatToRawIntBits((Float) converted(f, v)));
      case DOUBLE -> fixed64(Double.doubleToRawLongBits((Double) converted(f, v)));
      case BOOL -> {
        if (!v.isBoolean()) {
          throw FALLBACK;
        }
        varint(v.booleanValue() ? 1 : 0);
      }
      case STRING -> {
        if (!v.isTextual()) {
          throw FALLBACK;
        }
        string(v.textValue());
      }
      case BYTES -> {
        byte[] bytes = ((ByteString) converted(f, v)).toByteArray();
        varint(bytes.length);
        put(bytes, bytes.length);
      }
      case ENUM -> {
        EnumValueDescriptor e = (EnumValueDescriptor) converted(f, v);
        if (e.getType().findValueByNumber(e.getNumber()) == null) {
          throw FALLBACK; // a number the enum does not know: closed enums differ
        }
        varint64(e.getNumber());
      }
      case MESSAGE -> {
        int start = open();
        message(v, plan(f.getMessageType()));
        close(start);
      }
      case GROUP -> throw FALLBACK;
    }
  }

  /** A 32-bit field's value: an int node at once, anything else as ProtoJson reads it. */
  private static int number(FieldDescriptor f, JsonNode v) {
    boolean signed =
        f.getType() == FieldDescriptor.Type.SINT32 || f.getType() == FieldDescriptor.Type.SFIXED32;
    if (v.isInt() && (signed || v.intValue() >= 0)) {
      return v.intValue();
    }
    return (Integer) converted(f, v);
  }

  private void string(String s) {
    int n = s.length();
    if (n < 128) {
      ensure(n + 1);
      int at = len + 1;
      int i = 0;
      while (i < n && s.charAt(i) < 0x80) {
        buf[at + i] = (byte) s.charAt(i);
        i++;
      }
      if (i == n) {
        buf[len] = (byte) n;
        len = at + n;
        return;
      }
    }
    // protobuf writes an unpaired surrogate as '?', as String.getBytes does
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    varint(utf8.length);
    put(utf8, utf8.length);
  }

  /** Leaves a byte for a length, and returns where its content starts. */
  private int open() {
    ensure(1);
    len++;
    return len;
  }

  /** Writes the length of what was written since {@link #open}, before it. */
  private void close(int start) {
    int size = len - start;
    if (size < 128) {
      buf[start - 1] = (byte) size;
      return;
    }
    int extra = varintSize(size) - 1;
    ensure(extra);
    System.arraycopy(buf, start, buf, start + extra, size);
    len += extra;
    int at = start - 1;
    while ((size & ~0x7F) != 0) {
      buf[at++] = (byte) (size & 0x7F | 0x80);
      size >>>= 7;
    }
    buf[at] = (byte) size;
  }

  private static int varintSize(int value) {
    int size = 1;
    while ((value & ~0x7F) != 0) {
      size++;
      value >>>= 7;
    }
    return size;
  }

  /** An unsigned 32-bit varint. */
  private void varint(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      buf[len++] = (byte) (value & 0x7F | 0x80);
      value >>>= 7;
    }
    buf[len++] = (byte) value;
  }

  /** A 64-bit varint: a negative int32 takes ten bytes, as protobuf writes it. */
  private void varint64(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buf[len++] = (byte) (value & 0x7F | 0x80);
      value >>>= 7;
    }
    buf[len++] = (byte) value;
  }

  private void fixed32(int value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[len++] = (byte) (value >>> 8 * i);
    }
  }

  private void fixed64(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[len++] = (byte) (value >>> 8 * i);
    }
  }

  private void put(byte[] bytes, int n) {
    ensure(n);
    System.arraycopy(bytes, 0, buf, len, n);
    len += n;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
