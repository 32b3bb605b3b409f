package io.kafkit.dumplog;

/**
 * What is done with each batch and record a {@link LogReader} reads: Apache's lines, JSON, a
 * summary.
 */
interface BatchVisitor {
  /** Whether {@link #record} should be called (deep iteration). */
  boolean wantsRecords();

  /**
   * A batch, at its position in the file.
   *
   * @param valid whether its CRC checks (computed once, by the reader)
   */
  void batch(LogBatch batch, long position, boolean valid);

  void record(LogBatch batch, LogRecord record);

  /** After the batch's records. */
  default void endBatch(LogBatch batch) {}

  /**
   * After the last batch read.
   *
   * @param trailingBytes bytes after the last whole batch (of a file read to its end), else 0
   */
  void end(long trailingBytes);
}
