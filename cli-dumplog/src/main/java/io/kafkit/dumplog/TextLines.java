package io.kafkit.dumplog;

import java.nio.file.Path;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.message.KRaftVersionRecordJsonConverter;
import org.apache.kafka.common.message.LeaderChangeMessageJsonConverter;
import org.apache.kafka.common.message.SnapshotFooterRecordJsonConverter;
import org.apache.kafka.common.message.SnapshotHeaderRecordJsonConverter;
import org.apache.kafka.common.message.VotersRecordJsonConverter;
import org.apache.kafka.common.record.internal.AbstractLegacyRecordBatch;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.ControlRecordUtils;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

/** Apache's DumpLogSegments lines for a log: the batch line, then "| offset: ..." per record. */
final class TextLines implements BatchVisitor {
  static final String RECORD_INDENT = "|";

  private final Path file;
  private final Out out;
  private final boolean deep;
  private final boolean printContents;
  private final boolean skipRecordMetadata;
  private final RecordParser parser;
  private static final byte[] OFFSET = ascii(RECORD_INDENT + " offset: ");
  private static final byte[] KEY_SIZE = ascii(" keySize: ");
  private static final byte[] VALUE_SIZE = ascii(" valueSize: ");
  private static final byte[] SEQUENCE = ascii(" sequence: ");
  private static final byte[] HEADER_KEYS = ascii(" headerKeys: [");
  private FileChannelRecordBatch current;
  private byte[] timestampLabel;

  static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  TextLines(
      Path file,
      Out out,
      boolean deep,
      boolean printContents,
      boolean skipRecordMetadata,
      RecordParser parser) {
    this.file = file;
    this.out = out;
    this.deep = deep;
    this.printContents = printContents;
    this.skipRecordMetadata = skipRecordMetadata;
    this.parser = parser;
  }

  @Override
  public boolean wantsRecords() {
    return deep;
  }

  @Override
  public void batch(FileChannelRecordBatch batch, long position, boolean valid) {
    if (batch.magic() >= RecordBatch.MAGIC_VALUE_V2) {
      out.text("baseOffset: ")
          .number(batch.baseOffset())
          .text(" lastOffset: ")
          .number(batch.lastOffset())
          .text(" count: ")
          .text(String.valueOf(batch.countOrNull()))
          .text(" baseSequence: ")
          .number(batch.baseSequence())
          .text(" lastSequence: ")
          .number(batch.lastSequence())
          .text(" producerId: ")
          .number(batch.producerId())
          .text(" producerEpoch: ")
          .number(batch.producerEpoch())
          .text(" partitionLeaderEpoch: ")
          .number(batch.partitionLeaderEpoch())
          .text(" isTransactional: ")
          .bool(batch.isTransactional())
          .text(" isControl: ")
          .bool(batch.isControlBatch())
          .text(" deleteHorizonMs: ")
          .text(batch.deleteHorizonMs().toString());
    } else {
      out.text("offset: ").number(batch.lastOffset());
    }
    out.text(" position: ")
        .number(position)
        .text(" ")
        .text(batch.timestampType().toString())
        .text(": ")
        .number(batch.maxTimestamp())
        .text(" size: ")
        .number(batch.sizeInBytes())
        .text(" magic: ")
        .number(batch.magic())
        .text(" compresscodec: ")
        .text(batch.compressionType().name)
        .text(" crc: ")
        .number(batch.checksum())
        .text(" isvalid: ")
        .bool(valid)
        .newline();
  }

  @Override
  public void record(FileChannelRecordBatch batch, Record record) {
    if (!skipRecordMetadata) {
      if (batch != current) {
        current = batch;
        timestampLabel = ascii(" " + batch.timestampType() + ": ");
      }
      out.bytes(OFFSET)
          .number(record.offset())
          .bytes(timestampLabel)
          .number(record.timestamp())
          .bytes(KEY_SIZE)
          .number(record.keySize())
          .bytes(VALUE_SIZE)
          .number(record.valueSize());
      if (batch.magic() >= RecordBatch.MAGIC_VALUE_V2) {
        out.bytes(SEQUENCE).number(record.sequence()).bytes(HEADER_KEYS);
        Header[] headers = record.headers();
        for (int i = 0; i < headers.length; i++) {
          if (i > 0) {
            out.text(",");
          }
          out.text(headers[i].key());
        }
        out.text("]");
      }
      if (record instanceof AbstractLegacyRecordBatch legacy) {
        out.text(" isValid: ").bool(legacy.isValid()).text(" crc: ").number(legacy.checksum());
      }
      if (batch.isControlBatch()) {
        controlRecord(record);
      }
    }
    if (printContents && !batch.isControlBatch()) {
      parser.write(record, skipRecordMetadata ? RECORD_INDENT + " " : " ", out);
    }
    out.newline();
  }

  private void controlRecord(Record record) {
    short typeId = ControlRecordType.parseTypeId(record.key());
    ControlRecordType type = ControlRecordType.fromTypeId(typeId);
    switch (type) {
      case ABORT, COMMIT -> {
        EndTransactionMarker marker = EndTransactionMarker.deserialize(record);
        out.text(" endTxnMarker: ")
            .text(marker.controlType().toString())
            .text(" coordinatorEpoch: ")
            .number(marker.coordinatorEpoch());
      }
      case LEADER_CHANGE -> {
        var m = ControlRecordUtils.deserializeLeaderChangeMessage(record);
        out.text(" LeaderChange: ")
            .text(LeaderChangeMessageJsonConverter.write(m, m.version()).toString());
      }
      case SNAPSHOT_HEADER -> {
        var m = ControlRecordUtils.deserializeSnapshotHeaderRecord(record);
        out.text(" SnapshotHeader ")
            .text(SnapshotHeaderRecordJsonConverter.write(m, m.version()).toString());
      }
      case SNAPSHOT_FOOTER -> {
        var m = ControlRecordUtils.deserializeSnapshotFooterRecord(record);
        out.text(" SnapshotFooter ")
            .text(SnapshotFooterRecordJsonConverter.write(m, m.version()).toString());
      }
      case KRAFT_VERSION -> {
        var m = ControlRecordUtils.deserializeKRaftVersionRecord(record);
        out.text(" KRaftVersion ")
            .text(KRaftVersionRecordJsonConverter.write(m, m.version()).toString());
      }
      case KRAFT_VOTERS -> {
        var m = ControlRecordUtils.deserializeVotersRecord(record);
        out.text(" KRaftVoters ").text(VotersRecordJsonConverter.write(m, m.version()).toString());
      }
      default ->
          out.text(" controlType: ").text(type.toString()).text("(").number(typeId).text(")");
    }
  }

  @Override
  public void end(long trailingBytes) {
    if (trailingBytes > 0) {
      out.text("Found ")
          .number(trailingBytes)
          .text(" invalid bytes at the end of ")
          .text(file.getFileName().toString())
          .newline();
    }
  }
}
