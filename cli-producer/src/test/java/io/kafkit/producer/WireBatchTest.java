package io.kafkit.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** The fast pipe's batches, read back with Kafka's own record classes. */
class WireBatchTest {
  private static final Header[] NONE = new Header[0];

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static boolean append(
      WireBatch batch, long timestamp, String key, String value, Header[] headers, long line) {
    byte[] k = key == null ? null : bytes("..." + key);
    byte[] v = value == null ? null : bytes(value + "!!");
    return batch.tryAppend(
        timestamp,
        k,
        3,
        k == null ? -1 : k.length - 3,
        v,
        0,
        v == null ? -1 : v.length - 2,
        headers,
        line);
  }

  static List<Record> records(WireBatch batch) {
    MemoryRecords records = batch.records();
    List<RecordBatch> batches = new ArrayList<>();
    records.batches().forEach(batches::add);
    assertEquals(1, batches.size());
    RecordBatch read = batches.get(0);
    read.ensureValid(); // the checksum
    List<Record> list = new ArrayList<>();
    read.forEach(list::add);
    return list;
  }

  static String text(java.nio.ByteBuffer b) {
    if (b == null) {
      return null;
    }
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return new String(a, StandardCharsets.UTF_8);
  }

  @Test
  void recordsReadBackAsKafkaReadsThem() {
    WireBatch batch = new WireBatch(2, new byte[4096], 0);
    Header[] headers = {new RecordHeader("h1", bytes("v1")), new RecordHeader("é", null)};
    assertTrue(append(batch, 1_700_000_000_000L, "k1", "v1", NONE, 10));
    assertTrue(append(batch, 1_700_000_000_005L, null, "v2", headers, 11));
    assertTrue(append(batch, 1_699_999_999_000L, "k3", null, NONE, 12));
    batch.seal(42L, (short) 3, 100);

    RecordBatch read = batch.records().batches().iterator().next();
    assertEquals(42L, read.producerId());
    assertEquals(3, read.producerEpoch());
    assertEquals(100, read.baseSequence());
    assertEquals(102, read.lastSequence());
    assertEquals(1_700_000_000_005L, read.maxTimestamp());
    assertEquals(RecordBatch.MAGIC_VALUE_V2, read.magic());
    assertEquals(3, read.countOrNull());
    assertEquals(batch.sizeInBytes(), read.sizeInBytes());

    List<Record> records = records(batch);
    assertEquals("k1", text(records.get(0).key()));
    assertEquals("v1", text(records.get(0).value()));
    assertEquals(1_700_000_000_000L, records.get(0).timestamp());
    assertNull(records.get(1).key());
    assertEquals("v2", text(records.get(1).value()));
    assertEquals(2, records.get(1).headers().length);
    assertEquals("h1", records.get(1).headers()[0].key());
    assertArrayEquals(bytes("v1"), records.get(1).headers()[0].value());
    assertEquals("é", records.get(1).headers()[1].key());
    assertNull(records.get(1).headers()[1].value());
    assertEquals("k3", text(records.get(2).key()));
    assertNull(records.get(2).value());
    assertEquals(1_699_999_999_000L, records.get(2).timestamp());
    for (int i = 0; i < 3; i++) {
      assertEquals(i, records.get(i).offset());
    }
  }

  @Test
  void aRecordThatDoesNotFitLeavesTheBatchAsItWas() {
    WireBatch batch = new WireBatch(0, new byte[WireBatch.HEADER_SIZE + 40], 0);
    assertTrue(append(batch, 5, null, "x".repeat(20), NONE, 1));
    int size = batch.sizeInBytes();
    assertFalse(append(batch, 5, null, "y".repeat(20), NONE, 2));
    assertEquals(size, batch.sizeInBytes());
    assertEquals(1, batch.count());
    batch.seal(1, (short) 0, 0);
    assertEquals(1, records(batch).size());
  }

  @Test
  void resealingWithAnotherSequenceKeepsTheChecksumRight() {
    WireBatch batch = new WireBatch(0, new byte[1024], 0);
    append(batch, 5, "a", "b", NONE, 1);
    batch.seal(7, (short) 0, 10);
    batch.renumber(3);
    RecordBatch read = batch.records().batches().iterator().next();
    read.ensureValid();
    assertEquals(3, read.baseSequence());
  }

  @Test
  void splitHalvesKeepRecordsLinesAndSequences() {
    WireBatch batch = new WireBatch(1, new byte[8192], 0);
    for (int i = 0; i < 7; i++) {
      append(batch, 1000 + (i % 3) * 500, i % 2 == 0 ? "k" + i : null, "value-" + i, NONE, 20 + i);
    }
    batch.seal(9, (short) 1, 50);
    WireBatch[] halves = batch.split();
    halves[0].seal(9, (short) 1, 50);
    halves[1].seal(9, (short) 1, 50 + halves[0].count());
    assertEquals(3, halves[0].count());
    assertEquals(4, halves[1].count());
    List<Record> all = new ArrayList<>(records(halves[0]));
    all.addAll(records(halves[1]));
    for (int i = 0; i < 7; i++) {
      assertEquals("value-" + i, text(all.get(i).value()));
      assertEquals(i % 2 == 0 ? "k" + i : null, text(all.get(i).key()));
      assertEquals(1000 + (i % 3) * 500, all.get(i).timestamp());
    }
    assertEquals(53, halves[1].records().batches().iterator().next().baseSequence());
    List<Long> lines = new ArrayList<>();
    for (WireBatch half : halves) {
      half.forEachRecord((index, line, keySize, valueSize) -> lines.add(line));
    }
    assertEquals(List.of(20L, 21L, 22L, 23L, 24L, 25L, 26L), lines);
  }

  @Test
  void failureReportsReadTheSizesBack() {
    WireBatch batch = new WireBatch(0, new byte[1024], 0);
    append(batch, 5, "key", "value", NONE, 4);
    append(batch, 5, null, null, new Header[] {new RecordHeader("h", bytes("x"))}, 5);
    List<String> seen = new ArrayList<>();
    batch.forEachRecord((i, line, k, v) -> seen.add(i + ":" + line + ":" + k + ":" + v));
    assertEquals(List.of("0:4:3:5", "1:5:-1:-1"), seen);
  }

  @Test
  void sequencesWrapAsKafkasDo() {
    assertEquals(15, WireBatch.sequenceAfter(10, 5));
    assertEquals(0, WireBatch.sequenceAfter(Integer.MAX_VALUE, 1));
    assertEquals(4, WireBatch.sequenceAfter(Integer.MAX_VALUE - 2, 7));
  }

  @Test
  void murmur2OverARangeIsKafkas() {
    Random random = new Random(7);
    for (int length = 0; length < 40; length++) {
      byte[] key = new byte[length];
      random.nextBytes(key);
      byte[] padded = new byte[length + 9];
      System.arraycopy(key, 0, padded, 5, length);
      assertEquals(Utils.murmur2(key), Murmur2.hash(padded, 5, length), "length " + length);
    }
  }
}
