package io.kafkit.dumplog;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * A segment's transaction index (aborted transactions, 34-byte entries) and a partition's producer
 * state snapshot (Kafka's ProducerSnapshot message, version 1, CRC-32C over the entries), printed
 * as Apache prints them.
 */
final class StateFilesDump {
  private static final int TXN_ENTRY = 34;
  private static final int SNAPSHOT_ENTRIES_AT = 6;
  private static final int SNAPSHOT_ENTRY = 46;

  private final Out out;
  private final Findings findings;

  StateFilesDump(Out out, Findings findings) {
    this.out = out;
    this.findings = findings;
  }

  void transactionIndex(Path file) throws IOException {
    ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
    while (data.remaining() >= TXN_ENTRY) {
      short version = data.getShort();
      long producerId = data.getLong();
      long firstOffset = data.getLong();
      long lastOffset = data.getLong();
      long lastStableOffset = data.getLong();
      if (version != 0) {
        findings.problem(
            file,
            "unexpected aborted transaction version "
                + version
                + " at position "
                + (data.position() - TXN_ENTRY)
                + "; the rest of the file is not read.");
        return;
      }
      out.text("version: ")
          .number(version)
          .text(" producerId: ")
          .number(producerId)
          .text(" firstOffset: ")
          .number(firstOffset)
          .text(" lastOffset: ")
          .number(lastOffset)
          .text(" lastStableOffset: ")
          .number(lastStableOffset)
          .newline();
    }
    if (data.hasRemaining()) {
      findings.problem(
          file,
          "ends with "
              + data.remaining()
              + " bytes that are not a whole entry ("
              + TXN_ENTRY
              + " bytes).");
    }
  }

  void producerSnapshot(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer data = ByteBuffer.wrap(bytes);
    String problem = null;
    try {
      short version = data.getShort();
      if (version != 1) {
        problem = "Snapshot contained an unknown file version " + version;
      } else {
        long crc = data.getInt() & 0xffffffffL;
        int count = data.getInt();
        if (count < 0 || (long) count * SNAPSHOT_ENTRY > data.remaining()) {
          problem =
              "Snapshot failed schema validation: "
                  + count
                  + " entries do not fit in "
                  + bytes.length
                  + " bytes";
        } else {
          CRC32C checksum = new CRC32C();
          checksum.update(bytes, SNAPSHOT_ENTRIES_AT, bytes.length - SNAPSHOT_ENTRIES_AT);
          long computed = checksum.getValue();
          if (crc != computed) {
            problem =
                "Snapshot is corrupt (CRC is no longer valid). Stored crc: "
                    + crc
                    + ". Computed crc: "
                    + computed;
          } else {
            for (int i = 0; i < count; i++) {
              entry(data);
            }
          }
        }
      }
    } catch (BufferUnderflowException e) {
      problem = "Snapshot failed schema validation: the file ends after " + bytes.length + " bytes";
    }
    if (problem != null) {
      findings.problem(file, problem);
    }
  }

  private void entry(ByteBuffer data) {
    long producerId = data.getLong();
    short epoch = data.getShort();
    int lastSequence = data.getInt();
    long lastOffset = data.getLong();
    int offsetDelta = data.getInt();
    long timestamp = data.getLong();
    int coordinatorEpoch = data.getInt();
    long currentTxnFirstOffset = data.getLong();
    out.text("producerId: ")
        .number(producerId)
        .text(" producerEpoch: ")
        .number(epoch)
        .text(" coordinatorEpoch: ")
        .number(coordinatorEpoch)
        .text(" currentTxnFirstOffset: ")
        .text(
            currentTxnFirstOffset >= 0
                ? "OptionalLong[" + currentTxnFirstOffset + "]"
                : "OptionalLong.empty")
        .text(" lastTimestamp: ")
        .number(timestamp);
    if (lastOffset >= 0) {
      int firstSequence =
          lastSequence < offsetDelta
              ? Integer.MAX_VALUE - (offsetDelta - lastSequence) + 1
              : lastSequence - offsetDelta;
      out.text(" firstSequence: ")
          .number(firstSequence)
          .text(" lastSequence: ")
          .number(lastSequence)
          .text(" lastOffset: ")
          .number(lastOffset)
          .text(" offsetDelta: ")
          .number(offsetDelta)
          .text(" timestamp: ")
          .number(timestamp);
    }
    out.newline();
  }
}
