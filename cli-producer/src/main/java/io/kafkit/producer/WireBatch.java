package io.kafkit.producer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.internal.MemoryRecords;

/**
 * One record batch of one partition in Kafka's own format (magic 2, uncompressed, create time),
 * written record by record straight into the byte array that is sent, then sealed with the producer
 * id, epoch and first sequence number. This is the per-record work of the fast pipe: a few varints
 * and one copy of key and value, with no object per record.
 *
 * <p>Layout (Kafka's DefaultRecordBatch): a 61-byte header, then each record as its length
 * (varint), attributes (0), timestamp delta (varlong), offset delta (varint), key and value (varint
 * length, -1 for null, then the bytes) and headers (varint count, then name and value likewise).
 */
final class WireBatch {
  static final int HEADER_SIZE = 61;
  private static final int LENGTH_OFFSET = 8;
  private static final int LEADER_EPOCH_OFFSET = 12;
  private static final int MAGIC_OFFSET = 16;
  private static final int CRC_OFFSET = 17;
  private static final int ATTRIBUTES_OFFSET = 21;
  private static final int LAST_OFFSET_DELTA_OFFSET = 23;
  private static final int BASE_TIMESTAMP_OFFSET = 27;
  private static final int MAX_TIMESTAMP_OFFSET = 35;
  private static final int PRODUCER_ID_OFFSET = 43;
  private static final int PRODUCER_EPOCH_OFFSET = 51;
  private static final int BASE_SEQUENCE_OFFSET = 53;
  private static final int RECORDS_COUNT_OFFSET = 57;
  private static final byte MAGIC = 2;

  /** Never more bytes than this around a record's key, value and headers (lengths, deltas). */
  static final int RECORD_OVERHEAD_BOUND = 5 + 1 + 10 + 5 + 5 + 5 + 5;

  final int partition;
  final long createdMs;
  private byte[] buffer;
  private int size = HEADER_SIZE;
  private int count;
  private long baseTimestamp;
  private long maxTimestamp = -1;
  private long[] lines = new long[64];
  private int sequence = -1;
  private long producerId = -1;
  private short epoch = -1;

  /** Sending attempts so far. */
  int attempts;

  /** Whether an attempt ended without knowing if the broker appended it (a timeout, a drop). */
  boolean maybeAppended;

  /**
   * Whether a batch after it was acknowledged while it waited to go again: only the broker can tell
   * whether this one was appended, so it goes again alone, with its own sequence.
   */
  boolean unresolved;

  WireBatch(int partition, byte[] buffer, long createdMs) {
    this.partition = partition;
    this.buffer = buffer;
    this.createdMs = createdMs;
  }

  /** The size a record takes in a batch, at most: for the checks made before it is placed. */
  static int sizeBound(int keyLength, int valueLength, Header[] headers) {
    int size = RECORD_OVERHEAD_BOUND + Math.max(keyLength, 0) + Math.max(valueLength, 0);
    for (Header header : headers) {
      size += 10 + header.key().length() * 3 + length(header.value());
    }
    return size;
  }

  /**
   * Appends a record if there is room for it. Key and value are ranges of byte arrays; a length of
   * -1 is null.
   *
   * @return false, with nothing written, if the record does not fit in the buffer
   */
  boolean tryAppend(
      long timestamp,
      byte[] keyBytes,
      int keyStart,
      int keyLength,
      byte[] valueBytes,
      int valueStart,
      int valueLength,
      Header[] headers,
      long line) {
    if (count == 0) {
      baseTimestamp = timestamp;
    }
    byte[][] headerKeys = headers.length == 0 ? null : headerKeys(headers);
    int tail = fieldSize(keyLength) + fieldSize(valueLength) + varintSize(headers.length);
    for (int i = 0; i < headers.length; i++) {
      tail += fieldSize(headerKeys[i].length) + fieldSize(lengthOrNull(headers[i].value()));
    }
    long timestampDelta = timestamp - baseTimestamp;
    int body = 1 + varlongSize(timestampDelta) + varintSize(count) + tail;
    int total = varintSize(body) + body;
    if (size + total > buffer.length) {
      return false;
    }
    byte[] b = buffer;
    int p = putVarint(b, size, body);
    b[p++] = 0; // attributes
    p = putVarlong(b, p, timestampDelta);
    p = putVarint(b, p, count);
    p = putField(b, p, keyBytes, keyStart, keyLength);
    p = putField(b, p, valueBytes, valueStart, valueLength);
    p = putVarint(b, p, headers.length);
    for (int i = 0; i < headers.length; i++) {
      p = putField(b, p, headerKeys[i], 0, headerKeys[i].length);
      byte[] value = headers[i].value();
      p = putField(b, p, value, 0, lengthOrNull(value));
    }
    size = p;
    added(timestamp, line);
    return true;
  }

  private void added(long timestamp, long line) {
    if (count == lines.length) {
      lines = Arrays.copyOf(lines, count * 2);
    }
    lines[count++] = line;
    if (timestamp > maxTimestamp) {
      maxTimestamp = timestamp;
    }
  }

  int count() {
    return count;
  }

  /** Bytes in the batch, header included: what goes over the wire. */
  int sizeInBytes() {
    return size;
  }

  byte[] buffer() {
    return buffer;
  }

  /** The input line the record at this index came from. */
  long line(int index) {
    return lines[index];
  }

  /** The sequence number of the first record, or -1 before the batch is first sent. */
  int sequence() {
    return sequence;
  }

  /**
   * Writes the header, with this producer's id, epoch and first sequence, and the checksum. Called
   * before each first send, and again if the sequence moves (a batch before it failed for good).
   */
  void seal(long producerId, short epoch, int sequence) {
    if (this.producerId == producerId && this.epoch == epoch && this.sequence == sequence) {
      return;
    }
    this.producerId = producerId;
    this.epoch = epoch;
    this.sequence = sequence;
    ByteBuffer header = ByteBuffer.wrap(buffer);
    header.putLong(0, 0L);
    header.putInt(LENGTH_OFFSET, size - 12);
    header.putInt(LEADER_EPOCH_OFFSET, -1);
    header.put(MAGIC_OFFSET, MAGIC);
    header.putShort(ATTRIBUTES_OFFSET, (short) 0);
    header.putInt(LAST_OFFSET_DELTA_OFFSET, count - 1);
    header.putLong(BASE_TIMESTAMP_OFFSET, baseTimestamp);
    header.putLong(MAX_TIMESTAMP_OFFSET, maxTimestamp);
    header.putLong(PRODUCER_ID_OFFSET, producerId);
    header.putShort(PRODUCER_EPOCH_OFFSET, epoch);
    header.putInt(BASE_SEQUENCE_OFFSET, sequence);
    header.putInt(RECORDS_COUNT_OFFSET, count);
    CRC32C crc = new CRC32C();
    crc.update(buffer, ATTRIBUTES_OFFSET, size - ATTRIBUTES_OFFSET);
    header.putInt(CRC_OFFSET, (int) crc.getValue());
  }

  /** Seals the batch again with another first sequence, for the same producer. */
  void renumber(int sequence) {
    seal(producerId, epoch, sequence);
  }

  /** The sequence {@code delta} records after {@code sequence}: after 2^31-1 it starts at 0. */
  static int sequenceAfter(int sequence, int delta) {
    return sequence > Integer.MAX_VALUE - delta
        ? delta - (Integer.MAX_VALUE - sequence) - 1
        : sequence + delta;
  }

  /** The sealed batch, as the produce request carries it. */
  MemoryRecords records() {
    return MemoryRecords.readableRecords(ByteBuffer.wrap(buffer, 0, size).slice());
  }

  /** Receives what a failure report needs of each record. */
  interface RecordVisitor {
    void record(int index, long line, int keySize, int valueSize);
  }

  /** Reads the records back, for the report of a failed batch. */
  void forEachRecord(RecordVisitor visitor) {
    int[] at = {HEADER_SIZE};
    for (int i = 0; i < count; i++) {
      int length = readVarint(buffer, at);
      int end = at[0] + length;
      at[0]++; // attributes
      readVarlong(buffer, at);
      readVarint(buffer, at);
      int keySize = readVarint(buffer, at);
      at[0] += Math.max(keySize, 0);
      int valueSize = readVarint(buffer, at);
      visitor.record(i, lines[i], keySize, valueSize);
      at[0] = end;
    }
  }

  /**
   * Splits the batch in two halves that keep its records, order and sequence numbers: for a broker
   * that refused it as too large. The halves get buffers of their own.
   */
  WireBatch[] split() {
    int half = count / 2;
    // a record's deltas may take a few bytes more in a half than they took here
    WireBatch first = new WireBatch(partition, new byte[size + 10 * count], createdMs);
    WireBatch second = new WireBatch(partition, new byte[size + 10 * count], createdMs);
    int[] at = {HEADER_SIZE};
    for (int i = 0; i < count; i++) {
      int length = readVarint(buffer, at);
      int end = at[0] + length;
      at[0]++; // attributes
      long timestamp = baseTimestamp + readVarlong(buffer, at);
      readVarint(buffer, at);
      (i < half ? first : second).appendEncoded(timestamp, buffer, at[0], end, lines[i]);
      at[0] = end;
    }
    first.attempts = attempts;
    second.attempts = attempts;
    first.maybeAppended = maybeAppended;
    second.maybeAppended = maybeAppended;
    return new WireBatch[] {first, second};
  }

  /** Appends a record whose key, value and headers are already encoded, as in another batch. */
  private void appendEncoded(long timestamp, byte[] from, int start, int end, long line) {
    if (count == 0) {
      baseTimestamp = timestamp;
    }
    long timestampDelta = timestamp - baseTimestamp;
    int body = 1 + varlongSize(timestampDelta) + varintSize(count) + (end - start);
    int p = putVarint(buffer, size, body);
    buffer[p++] = 0;
    p = putVarlong(buffer, p, timestampDelta);
    p = putVarint(buffer, p, count);
    System.arraycopy(from, start, buffer, p, end - start);
    size = p + end - start;
    added(timestamp, line);
  }

  /** Hands the buffer back (to be reused) once nothing refers to it any more. */
  byte[] release() {
    byte[] b = buffer;
    buffer = null;
    return b;
  }

  private static byte[][] headerKeys(Header[] headers) {
    byte[][] keys = new byte[headers.length][];
    for (int i = 0; i < headers.length; i++) {
      keys[i] = headers[i].key().getBytes(StandardCharsets.UTF_8);
    }
    return keys;
  }

  private static int length(byte[] field) {
    return field == null ? 0 : field.length;
  }

  private static int lengthOrNull(byte[] field) {
    return field == null ? -1 : field.length;
  }

  private static int fieldSize(int length) {
    return length < 0 ? 1 : varintSize(length) + length;
  }

  private static int putField(byte[] b, int p, byte[] from, int start, int length) {
    if (length < 0) {
      return putVarint(b, p, -1);
    }
    p = putVarint(b, p, length);
    System.arraycopy(from, start, b, p, length);
    return p + length;
  }

  static int varintSize(int value) {
    int v = (value << 1) ^ (value >> 31);
    int bytes = 1;
    while ((v & 0xffffff80) != 0) {
      bytes++;
      v >>>= 7;
    }
    return bytes;
  }

  static int varlongSize(long value) {
    long v = (value << 1) ^ (value >> 63);
    int bytes = 1;
    while ((v & 0xffffffffffffff80L) != 0L) {
      bytes++;
      v >>>= 7;
    }
    return bytes;
  }

  private static int putVarint(byte[] b, int p, int value) {
    int v = (value << 1) ^ (value >> 31);
    while ((v & 0xffffff80) != 0) {
      b[p++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    return p;
  }

  private static int putVarlong(byte[] b, int p, long value) {
    long v = (value << 1) ^ (value >> 63);
    while ((v & 0xffffffffffffff80L) != 0L) {
      b[p++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    return p;
  }

  private static int readVarint(byte[] b, int[] at) {
    int raw = 0;
    int shift = 0;
    int p = at[0];
    byte next;
    do {
      next = b[p++];
      raw |= (next & 0x7f) << shift;
      shift += 7;
    } while (next < 0);
    at[0] = p;
    return (raw >>> 1) ^ -(raw & 1);
  }

  private static long readVarlong(byte[] b, int[] at) {
    long raw = 0;
    int shift = 0;
    int p = at[0];
    byte next;
    do {
      next = b[p++];
      raw |= (long) (next & 0x7f) << shift;
      shift += 7;
    } while (next < 0);
    at[0] = p;
    return (raw >>> 1) ^ -(raw & 1);
  }
}
