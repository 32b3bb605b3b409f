package io.kafkit.dumplog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.message.LeaderChangeMessage;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter to Kafka's internal record classes, on a segment written here with Kafka's own
 * writers: when a kafka-clients upgrade changes those classes, this test says what moved.
 */
class KafkaLogFormatTest {
  @TempDir Path dir;

  Path segment() throws Exception {
    MemoryRecords data =
        MemoryRecords.withTransactionalRecords(
            0L,
            Compression.gzip().build(),
            7L,
            (short) 2,
            5,
            3,
            new SimpleRecord(
                1_000L,
                "k".getBytes(StandardCharsets.UTF_8),
                "v".getBytes(StandardCharsets.UTF_8),
                new Header[] {new RecordHeader("h", new byte[] {1})}),
            new SimpleRecord(1_001L, null, "w".getBytes(StandardCharsets.UTF_8)));
    MemoryRecords commit =
        MemoryRecords.withEndTransactionMarker(
            2L, 2_000L, 3, 7L, (short) 2, new EndTransactionMarker(ControlRecordType.COMMIT, 9));
    MemoryRecords leader =
        MemoryRecords.withLeaderChangeMessage(
            3L, 3_000L, 3, ByteBuffer.allocate(256), new LeaderChangeMessage().setLeaderId(1));
    ByteBuffer all =
        ByteBuffer.allocate(data.sizeInBytes() + commit.sizeInBytes() + leader.sizeInBytes());
    all.put(data.buffer()).put(commit.buffer()).put(leader.buffer()).flip();
    byte[] bytes = new byte[all.remaining()];
    all.get(bytes);
    return Files.write(dir.resolve("00000000000000000000.log"), bytes);
  }

  @Test
  void batchesRecordsAndControlRecordsAsKafkaWroteThem() throws Exception {
    Path file = segment();
    try (KafkaLogFormat.LogFile log = KafkaLogFormat.open(file)) {
      assertEquals(Files.size(file), log.sizeInBytes());
      Iterator<LogBatch> batches = log.batches(0, log.sizeInBytes());

      LogBatch data = batches.next();
      assertEquals(0, data.baseOffset());
      assertEquals(1, data.lastOffset());
      assertEquals(2, data.countOrNull());
      assertEquals(7L, data.producerId());
      assertEquals(2, data.producerEpoch());
      assertEquals(5, data.baseSequence());
      assertEquals(6, data.lastSequence());
      assertEquals(3, data.partitionLeaderEpoch());
      assertTrue(data.isTransactional());
      assertFalse(data.isControlBatch());
      assertTrue(data.v2());
      assertTrue(data.isValid());
      assertEquals("gzip", data.compression());
      assertEquals(TimestampType.CREATE_TIME, data.timestampType());
      assertEquals(1_001L, data.maxTimestamp());
      assertTrue(data.deleteHorizonMs().isEmpty());
      List<String> records = new ArrayList<>();
      for (LogRecord r : data) {
        records.add(
            r.offset()
                + " "
                + r.timestamp()
                + " "
                + r.keySize()
                + "/"
                + r.valueSize()
                + " seq "
                + r.sequence()
                + " headers "
                + r.headers().length
                + " key "
                + (r.hasKey() ? StandardCharsets.UTF_8.decode(r.key()) : "none"));
        assertNull(r.legacyCrc());
      }
      assertEquals(
          List.of("0 1000 1/1 seq 5 headers 1 key k", "1 1001 -1/1 seq 6 headers 0 key none"),
          records);

      LogBatch commit = batches.next();
      assertTrue(commit.isControlBatch());
      LogRecord.ControlRecord marker = commit.iterator().next().control();
      assertEquals(new LogRecord.ControlRecord("COMMIT", (short) 1, 9, null), marker);

      LogBatch leader = batches.next();
      LogRecord.ControlRecord change = leader.iterator().next().control();
      assertEquals("LEADER_CHANGE", change.type());
      assertNull(change.coordinatorEpoch());
      assertTrue(change.json().contains("\"leaderId\":1"), change.json());
      assertFalse(batches.hasNext());
    }
  }
}
