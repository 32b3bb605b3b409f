package io.kafkit.perf;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What a consumer perf run reports, Apache's ConsumerPerformance figures: the whole run's rates and
 * those of fetching alone (the run less the time spent joining the group).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConsumerResult(
    String startTime,
    String endTime,
    double mb,
    double mbPerSec,
    long records,
    double recordsPerSec,
    long rebalanceTimeMs,
    long fetchTimeMs,
    double fetchMbPerSec,
    double fetchRecordsPerSec,
    boolean complete,
    Map<String, Object> metrics,
    @JsonIgnore long startMs,
    @JsonIgnore long endMs,
    @JsonIgnore SimpleDateFormat dateFormat,
    @JsonIgnore boolean detailed) {

  static final String HEADER =
      "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec";
  static final String DETAILED_HEADER =
      "time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec";
  static final String FETCH_HEADER =
      ", rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

  static ConsumerResult of(
      long startMs,
      long endMs,
      long bytes,
      long records,
      long rebalanceMs,
      boolean complete,
      Map<String, Object> metrics,
      SimpleDateFormat dateFormat,
      boolean detailed) {
    double seconds = (endMs - startMs) / 1000.0;
    double mb = bytes / (1024.0 * 1024.0);
    long fetchMs = endMs - startMs - rebalanceMs;
    return new ConsumerResult(
        Instant.ofEpochMilli(startMs).toString(),
        Instant.ofEpochMilli(endMs).toString(),
        mb,
        mb / seconds,
        records,
        records / seconds,
        rebalanceMs,
        fetchMs,
        mb / (fetchMs / 1000.0),
        records / (fetchMs / 1000.0),
        complete,
        metrics,
        startMs,
        endMs,
        dateFormat,
        detailed);
  }

  ConsumerResult withMetrics(Map<String, Object> clientMetrics) {
    return new ConsumerResult(
        startTime,
        endTime,
        mb,
        mbPerSec,
        records,
        recordsPerSec,
        rebalanceTimeMs,
        fetchTimeMs,
        fetchMbPerSec,
        fetchRecordsPerSec,
        complete,
        clientMetrics,
        startMs,
        endMs,
        dateFormat,
        detailed);
  }

  /** Apache's result line (none with --show-detailed-stats, as in Apache), then the metrics. */
  static void text(ConsumerResult r, PrintWriter out) {
    if (!r.detailed()) {
      out.println(
          String.format(
              Locale.ROOT,
              "%s, %s, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f",
              r.dateFormat().format(r.startMs()),
              r.dateFormat().format(r.endMs()),
              r.mb(),
              r.mbPerSec(),
              r.records(),
              r.recordsPerSec(),
              r.rebalanceTimeMs(),
              r.fetchTimeMs(),
              r.fetchMbPerSec(),
              r.fetchRecordsPerSec()));
    }
    if (r.metrics() != null) {
      MetricsTable.print(r.metrics(), out);
    }
  }
}
