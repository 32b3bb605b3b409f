package io.kafkit.dumplog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.kafka.common.KafkaException;

/**
 * Reads a log segment (or a KRaft snapshot) batch by batch with Kafka's own record classes, as
 * Apache's tool does, but survives what a damaged file holds: a batch that cannot be parsed ends
 * the file with one line, records that cannot be read end their batch, and the next file is still
 * read. With an offset range it starts at the indexed position nearest below the first offset.
 */
final class LogReader {
  /** Which part of the file to read. */
  record Range(long startOffset, long endOffset, int maxBytes) {
    static final Range ALL = new Range(Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);

    boolean bounded() {
      return startOffset != Long.MIN_VALUE || endOffset != Long.MAX_VALUE;
    }
  }

  private final Findings findings;

  LogReader(Findings findings) {
    this.findings = findings;
  }

  void read(Path file, Range range, BatchVisitor visitor) throws IOException {
    try (KafkaLogFormat.LogFile log = KafkaLogFormat.open(file)) {
      int start = startPosition(file, range, log.sizeInBytes());
      int length = (int) Math.min((long) log.sizeInBytes() - start, range.maxBytes());
      long valid = 0;
      long lastOffset = range.bounded() ? Long.MIN_VALUE : -1;
      Iterator<LogBatch> batches = log.batches(start, length);
      while (true) {
        LogBatch batch;
        try {
          if (!batches.hasNext()) {
            break;
          }
          batch = batches.next();
        } catch (KafkaException e) {
          findings.problem(
              file,
              "cannot read the batch at position "
                  + (start + valid)
                  + " ("
                  + e.getMessage()
                  + "); the rest of the file is not read.");
          visitor.end(0);
          return;
        }
        if (batch.baseOffset() > range.endOffset()) {
          break;
        }
        if (batch.lastOffset() < range.startOffset()) {
          valid += batch.sizeInBytes();
          continue;
        }
        boolean crcOk = batch.isValid();
        if (!crcOk) {
          findings.problem(
              file,
              "the batch at position "
                  + (start + valid)
                  + " (offsets "
                  + batch.baseOffset()
                  + " to "
                  + batch.lastOffset()
                  + ") fails its CRC check (isvalid: false): it was damaged after it was written.");
        }
        visitor.batch(batch, start + valid, crcOk);
        if (visitor.wantsRecords()) {
          try {
            for (LogRecord record : batch) {
              if (record.offset() < range.startOffset() || record.offset() > range.endOffset()) {
                continue;
              }
              if (lastOffset == Long.MIN_VALUE) {
                lastOffset = record.offset() - 1;
              }
              if (record.offset() != lastOffset + 1) {
                findings.nonConsecutive(file, lastOffset, record.offset());
              }
              lastOffset = record.offset();
              visitor.record(batch, record);
            }
          } catch (KafkaException | IllegalStateException | IndexOutOfBoundsException e) {
            findings.problem(
                file,
                "the records of the batch at position "
                    + (start + valid)
                    + " cannot be read ("
                    + e.getMessage()
                    + ").");
          }
        }
        visitor.endBatch(batch);
        valid += batch.sizeInBytes();
      }
      long trailing =
          range.maxBytes() == Integer.MAX_VALUE && !range.bounded() ? length - valid : 0;
      if (trailing > 0) {
        findings.failed();
      }
      visitor.end(trailing);
    }
  }

  /** Where to start: the indexed position at or below the start offset, if there is an index. */
  private static int startPosition(Path file, Range range, int size) throws IOException {
    if (range.startOffset() == Long.MIN_VALUE) {
      return 0;
    }
    Path index = SegmentFiles.sibling(file, ".index");
    var base = SegmentFiles.baseOffset(file);
    if (base.isEmpty() || !Files.isReadable(index)) {
      return 0;
    }
    int position =
        IndexFile.open(index, base.getAsLong(), IndexFile.OFFSET_ENTRY)
            .floorPosition(range.startOffset());
    return position >= 0 && position <= size ? position : 0;
  }
}
