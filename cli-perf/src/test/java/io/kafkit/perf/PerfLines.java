package io.kafkit.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Apache's perf-test lines, parsed as a script parses them. */
final class PerfLines {
  static final Pattern WINDOW =
      Pattern.compile(
          "^(\\d+) records sent, (\\d+\\.\\d) records/sec \\((\\d+\\.\\d\\d) MB/sec\\),"
              + " (\\d+\\.\\d) ms avg latency, (\\d+\\.\\d) ms max latency\\.$");
  static final Pattern TOTAL =
      Pattern.compile(
          "^(\\d+)( steady state)? records sent, (\\d+\\.\\d+) records/sec \\((\\d+\\.\\d\\d)"
              + " MB/sec\\), (\\d+\\.\\d\\d) ms avg latency, (\\d+\\.\\d\\d) ms max latency,"
              + " (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99\\.9th\\.$");
  static final String CONSUMER_HEADER =
      "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,"
          + " rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";
  static final Pattern CONSUMER_RESULT =
      Pattern.compile(
          "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d{3}), (\\d{4}-\\d\\d-\\d\\d"
              + " \\d\\d:\\d\\d:\\d\\d:\\d{3}), (\\d+\\.\\d{4}), (\\d+\\.\\d{4}), (\\d+),"
              + " (\\d+\\.\\d{4}), (\\d+), (\\d+), (-?\\d+\\.\\d{4}|NaN|Infinity),"
              + " (-?\\d+\\.\\d{4}|NaN|Infinity)$");

  private PerfLines() {}

  static List<Matcher> all(Pattern pattern, String output) {
    List<Matcher> found = new ArrayList<>();
    for (String line : output.split("\n")) {
      Matcher m = pattern.matcher(line);
      if (m.matches()) {
        found.add(m);
      }
    }
    return found;
  }

  static Matcher one(Pattern pattern, String output) {
    List<Matcher> found = all(pattern, output);
    assertTrue(found.size() == 1, "expected one line like " + pattern + " in:\n" + output);
    return found.get(0);
  }
}
