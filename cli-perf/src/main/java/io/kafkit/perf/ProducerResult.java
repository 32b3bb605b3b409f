package io.kafkit.perf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What a producer perf run reports: the totals of every acknowledged record, those of the steady
 * state when there was a warm-up, the records that failed, and the client's metrics if asked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProducerResult(
    @JsonUnwrapped Totals total,
    Totals steadyState,
    long failed,
    List<FailureCount> failures,
    Map<String, Object> metrics) {

  record Totals(
      long records, double recordsPerSec, double mbPerSec, long elapsedMs, Latency latencyMs) {}

  /** Milliseconds; the percentiles are whole milliseconds, as Apache prints them. */
  record Latency(double avg, double max, int p50, int p95, int p99, int p999) {}

  record FailureCount(String reason, long count) {}

  /** Apache's final line(s), then its metrics table. */
  static void text(ProducerResult result, PrintWriter out) {
    out.println(ProducerStats.totalLine(result.total(), false));
    if (result.steadyState() != null) {
      out.println(ProducerStats.totalLine(result.steadyState(), true));
    }
    if (result.metrics() != null) {
      MetricsTable.print(result.metrics(), out);
    }
  }
}
