package io.kafkit.perf;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** A client's metrics as Apache's tools print them with --print-metrics (ToolsUtils). */
final class MetricsTable {
  private MetricsTable() {}

  /** {@code group:name:{tags}} to value, sorted by that name. */
  static Map<String, Object> of(Map<MetricName, ? extends Metric> metrics) {
    Map<String, Object> sorted = new TreeMap<>();
    for (Metric metric : metrics.values()) {
      MetricName name = metric.metricName();
      sorted.put(name.group() + ":" + name.name() + ":" + name.tags(), metric.metricValue());
    }
    return sorted;
  }

  static void print(Map<String, Object> metrics, PrintWriter out) {
    if (metrics.isEmpty()) {
      return;
    }
    int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(0);
    out.println();
    out.println(String.format(Locale.ROOT, "%-" + width + "s   %s", "Metric Name", "Value"));
    for (Map.Entry<String, Object> e : metrics.entrySet()) {
      String format =
          e.getValue() instanceof Double ? "%-" + width + "s : %.3f" : "%-" + width + "s : %s";
      out.println(String.format(Locale.ROOT, format, e.getKey(), e.getValue()));
    }
  }
}
