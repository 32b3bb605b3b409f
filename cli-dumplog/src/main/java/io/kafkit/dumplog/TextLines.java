package io.kafkit.dumplog;

import java.nio.file.Path;
import org.apache.kafka.common.header.Header;

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
  private LogBatch current;
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
  public void batch(LogBatch batch, long position, boolean valid) {
    if (batch.v2()) {
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
        .text(batch.compression())
        .text(" crc: ")
        .number(batch.checksum())
        .text(" isvalid: ")
        .bool(valid)
        .newline();
  }

  @Override
  public void record(LogBatch batch, LogRecord record) {
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
      if (batch.v2()) {
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
      LogRecord.LegacyCrc crc = record.legacyCrc();
      if (crc != null) {
        out.text(" isValid: ").bool(crc.valid()).text(" crc: ").number(crc.checksum());
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

  private void controlRecord(LogRecord record) {
    LogRecord.ControlRecord control = record.control();
    switch (control.type()) {
      case "ABORT", "COMMIT" ->
          out.text(" endTxnMarker: ")
              .text(control.type())
              .text(" coordinatorEpoch: ")
              .number(control.coordinatorEpoch());
      case "LEADER_CHANGE" -> out.text(" LeaderChange: ").text(control.json());
      case "SNAPSHOT_HEADER" -> out.text(" SnapshotHeader ").text(control.json());
      case "SNAPSHOT_FOOTER" -> out.text(" SnapshotFooter ").text(control.json());
      case "KRAFT_VERSION" -> out.text(" KRaftVersion ").text(control.json());
      case "KRAFT_VOTERS" -> out.text(" KRaftVoters ").text(control.json());
      default ->
          out.text(" controlType: ")
              .text(control.type())
              .text("(")
              .number(control.typeId())
              .text(")");
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
