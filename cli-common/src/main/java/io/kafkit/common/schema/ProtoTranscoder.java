package io.kafkit.common.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Protobuf's wire format straight to JSON, led by the message's descriptor: no message objects on
 * the way, strings copied as UTF-8 bytes. It writes what {@link ProtoJson#write} writes for {@code
 * DynamicMessage.parseFrom} of the same bytes, protobuf's rules included: the last value of a
 * repeated singular field wins, a message field met twice is merged, a oneof keeps its last member,
 * packed and unpacked repeated fields are both read, and unknown fields and fields of the wrong
 * wire type are skipped.
 *
 * <p>What it does not follow alike it leaves to {@code DynamicMessage}, before anything is written:
 * {@link #transcode} throws {@link Fallback} for bytes that are not well formed (so that protobuf
 * names the fault), invalid UTF-8, an unknown value of a closed enum, groups, and message types
 * with required fields.
 */
final class ProtoTranscoder {
  /** The record goes the {@code DynamicMessage} way; nothing was written. */
  static final class Fallback extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Fallback INSTANCE = new Fallback();

    private Fallback() {
      super(null, null, false, false);
    }
  }

  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH = 2;
  private static final int FIXED32 = 5;

  /** Each message type's plan, or none when it is left to DynamicMessage; read by any thread. */
  private final Map<Descriptor, Optional<Plan>> roots = new ConcurrentHashMap<>();

  // guarded by this: every plan made, each made once, whole before it is in roots
  private final Map<Descriptor, Plan> plans = new IdentityHashMap<>();

  /**
   * @throws Fallback when the message is left to {@code DynamicMessage}; nothing was written then
   */
  void transcode(Descriptor type, byte[] bytes, int from, JsonGenerator out) throws IOException {
    Optional<Plan> plan = roots.get(type);
    if (plan == null) {
      plan = root(type);
    }
    if (plan.isEmpty()) {
      throw Fallback.INSTANCE;
    }
    Parsed message = new Parsed(plan.get());
    new Reader(bytes).read(message, from, bytes.length);
    write(message, bytes, out);
  }

  private synchronized Optional<Plan> root(Descriptor type) {
    Optional<Plan> plan = supports(type) ? Optional.of(plan(type)) : Optional.empty();
    roots.put(type, plan);
    return plan;
  }

  /** No groups and no required fields in the message or in any message it holds. */
  private static boolean supports(Descriptor root) {
    return !ProtobufCodec.anyField(
        root, f -> f.isRequired() || f.getType() == FieldDescriptor.Type.GROUP);
  }

  private Plan plan(Descriptor type) {
    Plan plan = plans.get(type);
    if (plan == null) {
      plan = new Plan(type);
      plans.put(type, plan); // before its fields' plans: a message may hold itself
      for (int i = 0; i < plan.fields.length; i++) {
        if (plan.fields[i].getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          plan.sub[i] = plan(plan.fields[i].getMessageType());
        }
      }
    }
    return plan;
  }

  /** A message type's fields, as the reader and the writer need them. */
  private static final class Plan {
    final FieldDescriptor[] fields;
    final SerializedString[] names;
    final int[] wireType;
    final boolean[] packable;
    final int[] oneof;
    final int[][] oneofMembers;
    final Plan[] sub;
    private final int[] byNumber;
    private final Map<Integer, Integer> byLargeNumber = new HashMap<>();

    Plan(Descriptor type) {
      List<FieldDescriptor> list = type.getFields();
      int n = list.size();
      fields = list.toArray(new FieldDescriptor[0]);
      names = new SerializedString[n];
      wireType = new int[n];
      packable = new boolean[n];
      oneof = new int[n];
      sub = new Plan[n];
      List<OneofDescriptor> oneofs = new ArrayList<>();
      int maxSmall = 0;
      for (FieldDescriptor f : fields) {
        if (f.getNumber() < 1024) {
          maxSmall = Math.max(maxSmall, f.getNumber());
        }
      }
      byNumber = new int[maxSmall + 1];
      Arrays.fill(byNumber, -1);
      for (int i = 0; i < n; i++) {
        FieldDescriptor f = fields[i];
        names[i] = new SerializedString(f.getName());
        wireType[i] = wireType(f.getType());
        packable[i] = f.isRepeated() && f.isPackable();
        OneofDescriptor o = f.getRealContainingOneof();
        if (o == null) {
          oneof[i] = -1;
        } else {
          if (!oneofs.contains(o)) {
            oneofs.add(o);
          }
          oneof[i] = oneofs.indexOf(o);
        }
        if (f.getNumber() < 1024) {
          byNumber[f.getNumber()] = i;
        } else {
          byLargeNumber.put(f.getNumber(), i);
        }
      }
      oneofMembers = new int[oneofs.size()][];
      for (int k = 0; k < oneofMembers.length; k++) {
        int member = k;
        oneofMembers[k] =
            java.util.stream.IntStream.range(0, n).filter(i -> oneof[i] == member).toArray();
      }
    }

    int index(int number) {
      if (number < byNumber.length) {
        return byNumber[number];
      }
      Integer i = byLargeNumber.get(number);
      return i == null ? -1 : i;
    }

    private static int wireType(FieldDescriptor.Type type) {
      return switch (type) {
        case DOUBLE, FIXED64, SFIXED64 -> FIXED64;
        case FLOAT, FIXED32, SFIXED32 -> FIXED32;
        case STRING, BYTES, MESSAGE -> LENGTH;
        default -> VARINT; // the ints, bool, enum (groups are not planned)
      };
    }
  }

  /**
   * One message as read: per field, its last value (a number, or a string's or bytes' offset and
   * length in one long), a message field's merged message, a repeated field's values.
   */
  private static final class Parsed {
    final Plan plan;
    final long[] value;
    final boolean[] has;
    final Object[] more; // a Parsed, a Longs or a List<Parsed>

    Parsed(Plan plan) {
      this.plan = plan;
      int n = plan.fields.length;
      this.value = new long[n];
      this.has = new boolean[n];
      this.more = new Object[n];
    }
  }

  /** A growing list of longs: a repeated scalar field's values. */
  private static final class Longs {
    long[] values = new long[4];
    int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }

  /**
   * A string's or bytes' place in the record: offset in the high 32 bits, length in the low 31, and
   * the top bit of the low half set for a string that is not all ASCII.
   */
  private static long span(int offset, int length) {
    return ((long) offset << 32) | length;
  }

  private static final long NOT_ASCII = 0x8000_0000L;

  private static int offset(long span) {
    return (int) (span >>> 32);
  }

  private static int length(long span) {
    return (int) span & 0x7FFF_FFFF;
  }

  /**
   * A string as {@code writeString} writes it: Jackson escapes characters beyond the Basic
   * Multilingual Plane when it is given them as a Java string, and passes them as they are when
   * given UTF-8, so only ASCII goes as bytes.
   */
  private static void writeText(long span, byte[] b, JsonGenerator out) throws IOException {
    if ((span & NOT_ASCII) == 0) {
      out.writeUTF8String(b, offset(span), length(span));
    } else {
      out.writeString(new String(b, offset(span), length(span), StandardCharsets.UTF_8));
    }
  }

  /** Reads a message's fields from the bytes, checking as protobuf would. */
  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    void read(Parsed m, int from, int end) {
      pos = from;
      Plan plan = m.plan;
      while (pos < end) {
        long tag = varint(end);
        int number = (int) (tag >>> 3);
        int wire = (int) tag & 7;
        if (number <= 0 || tag >>> 32 != 0) {
          throw Fallback.INSTANCE;
        }
        int i = plan.index(number);
        if (i < 0) {
          skip(wire, end);
          continue;
        }
        FieldDescriptor f = plan.fields[i];
        if (f.isRepeated()) {
          if (wire == plan.wireType[i]) {
            repeated(m, i, end);
          } else if (wire == LENGTH && plan.packable[i]) {
            packed(m, i, end);
          } else {
            skip(wire, end);
          }
          continue;
        }
        if (wire != plan.wireType[i]) {
          skip(wire, end);
          continue;
        }
        if (plan.oneof[i] >= 0) {
          for (int other : plan.oneofMembers[plan.oneof[i]]) {
            if (other != i) {
              m.has[other] = false;
              m.more[other] = null;
            }
          }
        }
        if (plan.sub[i] != null) {
          Parsed inner = m.has[i] ? (Parsed) m.more[i] : new Parsed(plan.sub[i]);
          m.more[i] = inner;
          message(inner, end);
        } else {
          m.value[i] = scalar(f, wire, end);
        }
        m.has[i] = true;
      }
      if (pos != end) {
        throw Fallback.INSTANCE;
      }
    }

    private void repeated(Parsed m, int i, int end) {
      Plan plan = m.plan;
      if (plan.sub[i] != null) {
        @SuppressWarnings("unchecked")
        List<Parsed> list = (List<Parsed>) m.more[i];
        if (list == null) {
          list = new ArrayList<>();
          m.more[i] = list;
        }
        Parsed element = new Parsed(plan.sub[i]);
        message(element, end);
        list.add(element);
        return;
      }
      longs(m, i).add(scalar(plan.fields[i], plan.wireType[i], end));
    }

    private void packed(Parsed m, int i, int end) {
      int length = length(end); // first: it moves pos past the length
      int stop = pos + length;
      FieldDescriptor f = m.plan.fields[i];
      Longs list = longs(m, i);
      while (pos < stop) {
        list.add(scalar(f, m.plan.wireType[i], stop));
      }
      if (pos != stop) {
        throw Fallback.INSTANCE;
      }
    }

    private static Longs longs(Parsed m, int i) {
      Longs list = (Longs) m.more[i];
      if (list == null) {
        list = new Longs();
        m.more[i] = list;
      }
      return list;
    }

    /** A closed enum's unknown value goes to protobuf's unknown fields, the field unset. */
    private static void checkEnum(FieldDescriptor f, long v) {
      if (f.getType() == FieldDescriptor.Type.ENUM
          && f.legacyEnumFieldTreatedAsClosed()
          && f.getEnumType().findValueByNumber((int) v) == null) {
        throw Fallback.INSTANCE;
      }
    }

    private void message(Parsed inner, int end) {
      int length = length(end); // first: it moves pos past the length
      int stop = pos + length;
      read(inner, pos, stop); // leaves pos at stop
    }

    private long scalar(FieldDescriptor f, int wire, int end) {
      switch (wire) {
        case VARINT -> {
          long v = varint(end);
          checkEnum(f, v);
          return v;
        }
        case FIXED64 -> {
          return fixed(8, end);
        }
        case FIXED32 -> {
          return fixed(4, end);
        }
        default -> {
          int length = length(end);
          long s = span(pos, length);
          if (f.getType() == FieldDescriptor.Type.STRING && !ascii(pos, length)) {
            if (!UnsafeByteOperations.unsafeWrap(b, pos, length).isValidUtf8()) {
              throw Fallback.INSTANCE;
            }
            s |= NOT_ASCII;
          }
          pos += length;
          return s;
        }
      }
    }

    private boolean ascii(int from, int length) {
      for (int i = from; i < from + length; i++) {
        if (b[i] < 0) {
          return false;
        }
      }
      return true;
    }

    private int length(int end) {
      long length = varint(end);
      if (length < 0 || length > end - pos) {
        throw Fallback.INSTANCE;
      }
      return (int) length;
    }

    private long varint(int end) {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw Fallback.INSTANCE;
        }
        byte x = b[pos++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw Fallback.INSTANCE;
    }

    private long fixed(int size, int end) {
      if (end - pos < size) {
        throw Fallback.INSTANCE;
      }
      long v = 0;
      for (int i = size - 1; i >= 0; i--) {
        v = (v << 8) | (b[pos + i] & 0xFF);
      }
      pos += size;
      return v;
    }

    private void skip(int wire, int end) {
      switch (wire) {
        case VARINT -> varint(end);
        case FIXED64 -> fixed(8, end);
        case FIXED32 -> fixed(4, end);
        case LENGTH -> {
          int length = length(end); // first: it moves pos past the length
          pos += length;
        }
        default -> throw Fallback.INSTANCE; // groups, and wire types that do not exist
      }
    }
  }

  private static void write(Parsed m, byte[] b, JsonGenerator out) throws IOException {
    Plan plan = m.plan;
    out.writeStartObject();
    for (int i = 0; i < plan.fields.length; i++) {
      FieldDescriptor f = plan.fields[i];
      if (f.isRepeated()) {
        out.writeFieldName(plan.names[i]);
        if (f.isMapField()) {
          writeMap(m, i, b, out);
        } else {
          out.writeStartArray();
          if (plan.sub[i] != null) {
            @SuppressWarnings("unchecked")
            List<Parsed> list = (List<Parsed>) m.more[i];
            if (list != null) {
              for (Parsed element : list) {
                write(element, b, out);
              }
            }
          } else if (m.more[i] != null) {
            Longs list = (Longs) m.more[i];
            for (int k = 0; k < list.size; k++) {
              writeScalar(f, list.values[k], b, out);
            }
          }
          out.writeEndArray();
        }
      } else if (m.has[i]) {
        out.writeFieldName(plan.names[i]);
        if (plan.sub[i] != null) {
          write((Parsed) m.more[i], b, out);
        } else {
          writeScalar(f, m.value[i], b, out);
        }
      } else if (!f.hasPresence()) {
        out.writeFieldName(plan.names[i]);
        ProtoJson.writeValue(f, f.getDefaultValue(), out);
      }
    }
    out.writeEndObject();
  }

  private static void writeMap(Parsed m, int i, byte[] b, JsonGenerator out) throws IOException {
    Plan entry = m.plan.sub[i];
    int keyIndex = entry.index(1);
    int valueIndex = entry.index(2);
    FieldDescriptor key = entry.fields[keyIndex];
    FieldDescriptor value = entry.fields[valueIndex];
    out.writeStartObject();
    @SuppressWarnings("unchecked")
    List<Parsed> entries = (List<Parsed>) m.more[i];
    if (entries != null) {
      for (Parsed e : entries) {
        out.writeFieldName(
            e.has[keyIndex]
                ? keyText(key, e.value[keyIndex], b)
                : ProtoJson.keyText(key, key.getDefaultValue()));
        if (entry.sub[valueIndex] != null) {
          Parsed v = e.has[valueIndex] ? (Parsed) e.more[valueIndex] : null;
          write(v != null ? v : new Parsed(entry.sub[valueIndex]), b, out);
        } else if (e.has[valueIndex]) {
          writeScalar(value, e.value[valueIndex], b, out);
        } else {
          ProtoJson.writeValue(value, value.getDefaultValue(), out);
        }
      }
    }
    out.writeEndObject();
  }

  private static String keyText(FieldDescriptor key, long v, byte[] b) {
    return switch (key.getType()) {
      case STRING -> new String(b, offset(v), length(v), StandardCharsets.UTF_8);
      case BOOL -> Boolean.toString(v != 0);
      case UINT32, FIXED32 -> Long.toString(v & 0xFFFFFFFFL);
      case UINT64, FIXED64 -> Long.toUnsignedString(v);
      case SINT32 -> Integer.toString(zigZag32((int) v));
      case SINT64 -> Long.toString(zigZag64(v));
      case INT64, SFIXED64 -> Long.toString(v);
      default -> Integer.toString((int) v); // int32, sfixed32
    };
  }

  private static int zigZag32(int n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private static long zigZag64(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  private static void writeScalar(FieldDescriptor f, long v, byte[] b, JsonGenerator out)
      throws IOException {
    switch (f.getType()) {
      case INT32, SFIXED32 -> out.writeNumber((int) v);
      case SINT32 -> out.writeNumber(zigZag32((int) v));
      case UINT32, FIXED32 -> out.writeNumber(v & 0xFFFFFFFFL);
      case INT64, SFIXED64 -> out.writeNumber(v);
      case SINT64 -> out.writeNumber(zigZag64(v));
      case UINT64, FIXED64 -> {
        if (v < 0) {
          out.writeNumber(new BigInteger(Long.toUnsignedString(v)));
        } else {
          out.writeNumber(v);
        }
      }
      case BOOL -> out.writeBoolean(v != 0);
      case FLOAT -> {
        float x = Float.intBitsToFloat((int) v);
        if (Float.isFinite(x)) {
          out.writeNumber(x);
        } else {
          out.writeString(Float.toString(x));
        }
      }
      case DOUBLE -> {
        double x = Double.longBitsToDouble(v);
        if (Double.isFinite(x)) {
          out.writeNumber(x);
        } else {
          out.writeString(Double.toString(x));
        }
      }
      case ENUM -> {
        EnumValueDescriptor e = f.getEnumType().findValueByNumber((int) v);
        if (e != null) {
          out.writeString(e.getName());
        } else {
          out.writeNumber((int) v);
        }
      }
      case STRING -> writeText(v, b, out);
      case BYTES -> out.writeBinary(b, offset(v), length(v));
      default -> throw new IllegalStateException("not a scalar: " + f.getType());
    }
  }
}
