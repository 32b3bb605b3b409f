package io.kafkit.common.schema;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Confluent's wire format, which every Confluent-compatible serializer writes: a zero byte, the
 * schema id as four big-endian bytes, then the encoded record. Protobuf records put the path of
 * their message type in the file between the two (see {@link #readMessageIndexes}).
 */
public final class Framing {
  public static final byte MAGIC = 0;
  public static final int HEADER_SIZE = 5;

  private Framing() {}

  /**
   * Whether the bytes start with the magic byte and an id. Registries number schemas from 1, so a
   * zero id is not the wire format (but, say, a long of Kafka's LongSerializer).
   */
  public static boolean isFramed(byte[] bytes) {
    return bytes != null && bytes.length >= HEADER_SIZE && bytes[0] == MAGIC && schemaId(bytes) > 0;
  }

  public static int schemaId(byte[] bytes) {
    return ((bytes[1] & 0xff) << 24)
        | ((bytes[2] & 0xff) << 16)
        | ((bytes[3] & 0xff) << 8)
        | (bytes[4] & 0xff);
  }

  public static void writeHeader(OutputStream out, int schemaId) {
    put(out, MAGIC);
    put(out, schemaId >>> 24);
    put(out, schemaId >>> 16);
    put(out, schemaId >>> 8);
    put(out, schemaId);
  }

  /**
   * The message indexes after the header of a Protobuf record: a zig-zag varint count, then that
   * many zig-zag varint indexes (the message's position in the file, then in each enclosing
   * message); a single 0 stands for [0], the file's first message.
   *
   * @param at the position to read from; on return, {@code at[0]} is the payload's start
   */
  public static int[] readMessageIndexes(byte[] bytes, int[] at) {
    int count = readZigZag(bytes, at);
    if (count == 0) {
      return new int[] {0};
    }
    if (count < 0 || count > 64) {
      throw new SchemaException("a message index count of " + count + " is not a Protobuf header");
    }
    int[] indexes = new int[count];
    for (int i = 0; i < count; i++) {
      indexes[i] = readZigZag(bytes, at);
    }
    return indexes;
  }

  public static void writeMessageIndexes(OutputStream out, int[] indexes) {
    if (indexes.length == 1 && indexes[0] == 0) {
      put(out, 0);
      return;
    }
    writeZigZag(out, indexes.length);
    for (int index : indexes) {
      writeZigZag(out, index);
    }
  }

  private static int readZigZag(byte[] bytes, int[] at) {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (at[0] >= bytes.length) {
        throw new SchemaException("the Protobuf message index ends early");
      }
      byte b = bytes[at[0]++];
      value |= (b & 0x7f) << shift;
      if (b >= 0) {
        return (value >>> 1) ^ -(value & 1);
      }
    }
    throw new SchemaException("the Protobuf message index is not a varint");
  }

  private static void writeZigZag(OutputStream out, int value) {
    int v = (value << 1) ^ (value >> 31);
    while ((v & ~0x7f) != 0) {
      put(out, (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    put(out, v);
  }

  private static void put(OutputStream out, int b) {
    try {
      out.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
