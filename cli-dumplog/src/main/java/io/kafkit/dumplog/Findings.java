package io.kafkit.dumplog;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the files showed to be wrong, reported as Apache reports it after the last file (index
 * mismatches, time index errors, non-consecutive offsets, on stderr), and whether anything was
 * wrong at all, for the exit code. Problems that stop a file (missing, unreadable, corrupt) are
 * printed when they happen.
 */
final class Findings {
  private final PrintWriter err;
  private final Out out;
  private final Map<String, Map<Long, Long>> indexMismatches = new LinkedHashMap<>();
  private final Map<String, List<long[]>> timeMismatches = new LinkedHashMap<>();
  private final Map<String, List<long[]>> timeOutOfOrder = new LinkedHashMap<>();
  private final Map<String, List<long[]>> timeNotFound = new LinkedHashMap<>();
  private final Map<String, Map<Long, Long>> nonConsecutive = new LinkedHashMap<>();
  private boolean failed;

  /**
   * @param out flushed before each error, so that the two streams interleave as they happened
   */
  Findings(PrintWriter err, Out out) {
    this.err = err;
    this.out = out;
  }

  /** A problem with a file, printed now; the exit code will be 1. */
  void problem(Path file, String message) {
    failed = true;
    out.flush();
    err.println("Error: " + file + ": " + message);
    err.flush();
  }

  /** A problem Apache reports on stdout in its own words (trailing bytes): counted only. */
  void failed() {
    failed = true;
  }

  boolean anyFailed() {
    return failed;
  }

  void indexMismatch(Path index, long indexOffset, long logOffset) {
    failed = true;
    indexMismatches
        .computeIfAbsent(key(index), k -> new TreeMap<>(Collections.reverseOrder()))
        .put(indexOffset, logOffset);
  }

  /**
   * @param fails false for the empty first slot of a preallocated time index (an active segment's):
   *     Apache reports it too, but nothing is wrong
   */
  void timeMismatch(Path index, long indexTimestamp, long logTimestamp, boolean fails) {
    failed |= fails;
    timeMismatches
        .computeIfAbsent(key(index), k -> new ArrayList<>())
        .add(new long[] {indexTimestamp, logTimestamp});
  }

  void timeOutOfOrder(Path index, long indexTimestamp, long previous) {
    failed = true;
    timeOutOfOrder
        .computeIfAbsent(key(index), k -> new ArrayList<>())
        .add(new long[] {indexTimestamp, previous});
  }

  void timeOffsetNotFound(Path index, long indexOffset, long logOffset, boolean fails) {
    failed |= fails;
    timeNotFound
        .computeIfAbsent(key(index), k -> new ArrayList<>())
        .add(new long[] {indexOffset, logOffset});
  }

  /** Offsets that skip: normal in a compacted topic, so not a failure. */
  void nonConsecutive(Path log, long previous, long next) {
    nonConsecutive.computeIfAbsent(key(log), k -> new TreeMap<>()).put(previous, next);
  }

  /**
   * Apache's note for a file it skips: not a failure, so that a whole partition directory ({@code
   * leader-epoch-checkpoint}, {@code partition.metadata}) can be given.
   */
  void unknown(Path file) {
    out.flush();
    err.println("Ignoring unknown file " + file);
    err.flush();
  }

  void report() {
    out.flush();
    indexMismatches.forEach(
        (file, pairs) -> {
          err.println("Mismatches in :" + file);
          pairs.forEach(
              (index, log) -> err.println("  Index offset: " + index + ", log offset: " + log));
        });
    timeMismatches.forEach(
        (file, pairs) -> {
          err.println("Found timestamp mismatch in :" + file);
          pairs.forEach(
              p -> err.println("  Index timestamp: " + p[0] + ", log timestamp: " + p[1]));
        });
    timeOutOfOrder.forEach(
        (file, pairs) -> {
          err.println("Found out of order timestamp in :" + file);
          pairs.forEach(
              p ->
                  err.println(
                      "  Index timestamp: " + p[0] + ", Previously indexed timestamp: " + p[1]));
        });
    timeNotFound.forEach(
        (file, pairs) -> {
          err.println("The following indexed offsets are not found in :" + file);
          pairs.forEach(
              p -> err.println("Indexed offset: " + p[0] + ", found log offset: " + p[1]));
        });
    nonConsecutive.forEach(
        (file, pairs) -> {
          err.println("Non-consecutive offsets in " + file);
          pairs.forEach(
              (previous, next) -> err.println("  " + previous + " is followed by " + next));
        });
    err.flush();
  }

  private static String key(Path file) {
    return file.toAbsolutePath().toString();
  }
}
