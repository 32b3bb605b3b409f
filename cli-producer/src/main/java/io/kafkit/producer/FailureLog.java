package io.kafkit.producer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The records that were not sent, by line number and reason. Each reason is shown when it first
 * happens (or each failure, in the prompt), and the whole account at the end as line ranges, so a
 * million failed records make a few lines and no failed line goes unnamed.
 */
final class FailureLog {
  private final Map<String, BitSet> linesByReason = new LinkedHashMap<>();
  private final Consumer<String> show;
  private final boolean showEach;
  private long count;

  /**
   * @param show where a failure is shown as it happens
   * @param showEach every failure (the prompt), or only the first of each reason (a pipe)
   */
  FailureLog(Consumer<String> show, boolean showEach) {
    this.show = show;
    this.showEach = showEach;
  }

  void add(long lineNumber, String reason, String detail) {
    boolean first;
    synchronized (this) {
      BitSet lines = linesByReason.get(reason);
      first = lines == null;
      if (first) {
        lines = new BitSet();
        linesByReason.put(reason, lines);
      }
      lines.set((int) Math.min(lineNumber, Integer.MAX_VALUE));
      count++;
    }
    if (first || showEach) {
      show.accept(detail);
    }
  }

  synchronized long count() {
    return count;
  }

  /** One line per reason: {@code Not sent: lines 3, 5-9 (6 records): reason}. */
  synchronized List<String> summary() {
    List<String> lines = new ArrayList<>();
    linesByReason.forEach(
        (reason, set) -> {
          int n = set.cardinality();
          lines.add(
              "Not sent: "
                  + (n == 1 ? "line " : "lines ")
                  + ranges(set)
                  + " ("
                  + n
                  + (n == 1 ? " record" : " records")
                  + "): "
                  + reason);
        });
    return lines;
  }

  static String ranges(BitSet set) {
    StringBuilder text = new StringBuilder();
    for (int from = set.nextSetBit(0); from >= 0; ) {
      int to = set.nextClearBit(from) - 1;
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(from);
      if (to > from) {
        text.append('-').append(to);
      }
      from = to == Integer.MAX_VALUE ? -1 : set.nextSetBit(to + 1);
    }
    return text.toString();
  }
}
