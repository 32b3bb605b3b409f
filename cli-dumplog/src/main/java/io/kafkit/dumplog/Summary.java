package io.kafkit.dumplog;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code --summary}: what a segment holds, in a few lines instead of a line per batch: batch and
 * record counts, offset and time ranges, codecs and how well they compressed, producers,
 * transactional and control batches, and whatever was invalid.
 */
final class Summary implements BatchVisitor {
  /** The figures, also the JSON document. */
  record View(
      String file,
      long batches,
      long records,
      long transactionalBatches,
      long controlBatches,
      long invalidBatches,
      Long firstOffset,
      Long lastOffset,
      String firstTimestamp,
      String lastTimestamp,
      long bytes,
      long trailingInvalidBytes,
      Map<String, Long> batchesByCompression,
      long recordBytes,
      double compressionRatio,
      TreeSet<Long> producerIds) {}

  private final Path file;
  private long batches;
  private long records;
  private long transactional;
  private long control;
  private long invalid;
  private Long firstOffset;
  private Long lastOffset;
  private long minTimestamp = Long.MAX_VALUE;
  private long maxTimestamp = Long.MIN_VALUE;
  private long bytes;
  private long storedRecordBytes;
  private long recordBytes;
  private long trailing;
  private final Map<String, Long> codecs = new TreeMap<>();
  private final TreeSet<Long> producers = new TreeSet<>();

  Summary(Path file) {
    this.file = file;
  }

  @Override
  public boolean wantsRecords() {
    return true;
  }

  @Override
  public void batch(LogBatch batch, long position, boolean valid) {
    batches++;
    bytes += batch.sizeInBytes();
    if (batch.isTransactional()) {
      transactional++;
    }
    if (batch.isControlBatch()) {
      control++;
    }
    if (!valid) {
      invalid++;
    }
    if (firstOffset == null) {
      firstOffset = batch.baseOffset();
    }
    lastOffset = batch.lastOffset();
    codecs.merge(batch.compression(), 1L, Long::sum);
    producers.add(batch.producerId());
    storedRecordBytes += batch.sizeInBytes() - headerSize(batch);
  }

  private static int headerSize(LogBatch batch) {
    return batch.magic() >= 2 ? 61 : 0;
  }

  @Override
  public void record(LogBatch batch, LogRecord record) {
    records++;
    recordBytes += record.sizeInBytes();
    minTimestamp = Math.min(minTimestamp, record.timestamp());
    maxTimestamp = Math.max(maxTimestamp, record.timestamp());
  }

  @Override
  public void end(long trailingBytes) {
    trailing = trailingBytes;
  }

  View view() {
    return new View(
        file.toString(),
        batches,
        records,
        transactional,
        control,
        invalid,
        firstOffset,
        lastOffset,
        records == 0 ? null : time(minTimestamp),
        records == 0 ? null : time(maxTimestamp),
        bytes,
        trailing,
        codecs,
        recordBytes,
        storedRecordBytes == 0 ? 1.0 : (double) recordBytes / storedRecordBytes,
        producers);
  }

  private static String time(long millis) {
    return millis < 0 ? Long.toString(millis) : Instant.ofEpochMilli(millis).toString();
  }

  static void text(View v, Out out) {
    line(
        out,
        "batches",
        v.batches()
            + " (transactional: "
            + v.transactionalBatches()
            + ", control: "
            + v.controlBatches()
            + ", invalid CRC: "
            + v.invalidBatches()
            + ")");
    line(out, "records", Long.toString(v.records()));
    line(
        out,
        "offsets",
        v.firstOffset() == null ? "none" : v.firstOffset() + " to " + v.lastOffset());
    line(
        out,
        "timestamps",
        v.firstTimestamp() == null ? "none" : v.firstTimestamp() + " to " + v.lastTimestamp());
    line(
        out,
        "bytes",
        v.bytes()
            + (v.trailingInvalidBytes() > 0
                ? " (then " + v.trailingInvalidBytes() + " invalid bytes)"
                : ""));
    StringBuilder codecs = new StringBuilder();
    v.batchesByCompression()
        .forEach(
            (codec, n) ->
                codecs
                    .append(codecs.length() == 0 ? "" : ", ")
                    .append(codec)
                    .append(": ")
                    .append(n));
    line(
        out,
        "compression",
        (codecs.length() == 0 ? "none" : codecs + " batches")
            + String.format(
                Locale.ROOT,
                "; records %d bytes, ratio %.2f",
                v.recordBytes(),
                v.compressionRatio()));
    line(
        out,
        "producer ids",
        v.producerIds().isEmpty()
            ? "none"
            : v.producerIds().toString().replaceAll("[\\[\\]]", "")
                + (v.producerIds().contains(-1L) ? " (-1: without idempotence)" : ""));
  }

  private static void line(Out out, String name, String value) {
    out.text("  ").text(name).text(":").text(" ".repeat(14 - name.length())).text(value).newline();
  }
}
