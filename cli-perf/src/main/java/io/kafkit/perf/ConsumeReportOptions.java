package io.kafkit.perf;

import java.text.SimpleDateFormat;
import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options the consumer and share consumer perf tests share, as Apache's two tools have them:
 * the socket buffer, the reporting (detailed lines, interval, date format, header, metrics) and the
 * time-out.
 */
final class ConsumeReportOptions {
  @Option(
      names = "--socket-buffer-size",
      paramLabel = "BYTES",
      defaultValue = "2097152",
      description = "receive.buffer.bytes (default: 2097152).")
  int socketBufferSize;

  @Option(names = "--print-metrics", description = "Print the consumers' metrics at the end.")
  boolean printMetrics;

  @Option(
      names = "--show-detailed-stats",
      description = "Print a line every --reporting-interval (and no result line, as Apache).")
  boolean detailed;

  @Option(
      names = "--timeout",
      paramLabel = "MS",
      arity = "0..1",
      defaultValue = "10000",
      fallbackValue = "10000",
      description = "Stop when no record came for this many milliseconds (default: 10000).")
  long timeoutMs;

  @Option(
      names = "--reporting-interval",
      paramLabel = "MS",
      defaultValue = "5000",
      description = "Milliseconds between detailed lines (default: 5000).")
  long reportingIntervalMs;

  @Option(
      names = "--date-format",
      paramLabel = "PATTERN",
      defaultValue = "yyyy-MM-dd HH:mm:ss:SSS",
      description =
          "java.text.SimpleDateFormat pattern of the times (default: yyyy-MM-dd HH:mm:ss:SSS).")
  String dateFormat;

  @Option(names = "--hide-header", description = "Do not print the header line.")
  boolean hideHeader;

  /** Checks the values, in Apache's words where it has them; returns the date format. */
  SimpleDateFormat check(Function<String, ParameterException> usage) {
    if (reportingIntervalMs <= 0) {
      throw usage.apply("Reporting interval must be greater than 0.");
    }
    if (timeoutMs < 0) {
      throw usage.apply("--timeout cannot be negative.");
    }
    try {
      return new SimpleDateFormat(dateFormat);
    } catch (IllegalArgumentException e) {
      throw usage.apply(
          "--date-format '"
              + dateFormat
              + "' is not a SimpleDateFormat pattern: "
              + e.getMessage()
              + ".");
    }
  }
}
