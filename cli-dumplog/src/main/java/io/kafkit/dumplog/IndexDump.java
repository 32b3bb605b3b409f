package io.kafkit.dumplog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.kafka.common.KafkaException;

/**
 * An offset index or a time index, as Apache dumps it: each entry, checked against the segment's
 * log (the batch an entry points at must end at the entry's offset; a time index entry's timestamp
 * must be that batch's largest), or only Kafka's start-up sanity check.
 */
final class IndexDump {
  private final Out out;
  private final Findings findings;
  private final boolean sanityOnly;
  private final boolean verifyOnly;
  private final int maxMessageSize;

  IndexDump(
      Out out, Findings findings, boolean sanityOnly, boolean verifyOnly, int maxMessageSize) {
    this.out = out;
    this.findings = findings;
    this.sanityOnly = sanityOnly;
    this.verifyOnly = verifyOnly;
    this.maxMessageSize = maxMessageSize;
  }

  void offsetIndex(Path file, long baseOffset) throws IOException {
    IndexFile index = IndexFile.open(file, baseOffset, IndexFile.OFFSET_ENTRY);
    if (index.entries() == 0) {
      out.text(file.toString()).text(" is empty.").newline();
      return;
    }
    if (sanityOnly) {
      sanity(file, index);
      return;
    }
    try (KafkaLogFormat.LogFile log = openLog(file)) {
      for (int i = 0; i < index.entries(); i++) {
        long offset = index.offset(i);
        if (offset == index.baseOffset() && i > 0) {
          return;
        }
        if (log != null) {
          long found = firstBatchLastOffset(log, index.position(i));
          if (found != offset) {
            findings.indexMismatch(file, offset, found);
          }
        }
        if (!verifyOnly) {
          out.text("offset: ")
              .number(offset)
              .text(" position: ")
              .number(index.position(i))
              .newline();
        }
      }
    }
  }

  void timeIndex(Path file, long baseOffset) throws IOException {
    IndexFile times = IndexFile.open(file, baseOffset, IndexFile.TIME_ENTRY);
    if (sanityOnly) {
      sanity(file, times);
      return;
    }
    Path offsetIndexFile = SegmentFiles.sibling(file, ".index");
    IndexFile offsets =
        Files.isReadable(offsetIndexFile)
            ? IndexFile.open(offsetIndexFile, baseOffset, IndexFile.OFFSET_ENTRY)
            : null;
    try (KafkaLogFormat.LogFile log = openLog(file)) {
      long previous = LogBatch.NO_TIMESTAMP;
      for (int i = 0; i < times.entries(); i++) {
        long offset = times.offset(i);
        long timestamp = times.timestamp(i);
        if (offset == times.baseOffset() && i > 0) {
          return;
        }
        if (log != null) {
          // An active segment's time index is preallocated: its first slot may still be empty.
          boolean emptySlot = i == 0 && timestamp == 0 && offset == times.baseOffset();
          verifyTimeEntry(file, log, offsets, offset, timestamp, previous, !emptySlot);
        }
        if (!verifyOnly) {
          out.text("timestamp: ").number(timestamp).text(" offset: ").number(offset).newline();
        }
        previous = timestamp;
      }
    }
  }

  private void verifyTimeEntry(
      Path file,
      KafkaLogFormat.LogFile log,
      IndexFile offsets,
      long offset,
      long timestamp,
      long previous,
      boolean fails) {
    int position = offsets == null ? 0 : offsets.floorPosition(offset);
    LogBatch match = null;
    for (Iterator<LogBatch> batches = log.batches(position, log.sizeInBytes() - position);
        batches.hasNext(); ) {
      LogBatch batch = batches.next();
      if (batch.lastOffset() >= offset) {
        match = batch;
        break;
      }
    }
    if (match == null) {
      findings.timeOffsetNotFound(file, offset, -1L, fails);
    } else if (match.lastOffset() != offset) {
      findings.timeOffsetNotFound(file, offset, match.lastOffset(), fails);
    } else {
      long max = LogBatch.NO_TIMESTAMP;
      for (LogRecord record : match) {
        max = Math.max(max, record.timestamp());
      }
      if (max != timestamp) {
        findings.timeMismatch(file, timestamp, max, fails);
      }
      if (previous >= timestamp) {
        findings.timeOutOfOrder(file, timestamp, previous);
      }
    }
  }

  private void sanity(Path file, IndexFile index) {
    String problem = index.sanityProblem();
    if (problem == null) {
      out.text(file.toString()).text(" passed sanity check.").newline();
    } else {
      findings.problem(file, problem);
    }
  }

  /** The segment's log, or null (with a note) when there is none to check the index against. */
  private KafkaLogFormat.LogFile openLog(Path index) throws IOException {
    Path log = SegmentFiles.sibling(index, ".log");
    if (!Files.isReadable(log)) {
      findings.problem(
          index, "its log segment " + log + " cannot be read, so the entries are not verified.");
      return null;
    }
    return KafkaLogFormat.open(log);
  }

  /** The last offset of the batch at this position, or -1 if no whole batch starts there. */
  private long firstBatchLastOffset(KafkaLogFormat.LogFile log, int position) {
    if (position < 0 || position >= log.sizeInBytes()) {
      return -1;
    }
    try {
      Iterator<LogBatch> batches =
          log.batches(position, Math.min(maxMessageSize, log.sizeInBytes() - position));
      return batches.hasNext() ? batches.next().lastOffset() : -1;
    } catch (KafkaException e) {
      return -1;
    }
  }
}
