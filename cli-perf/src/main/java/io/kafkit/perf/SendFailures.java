package io.kafkit.perf;

import io.kafkit.common.kafka.SendErrors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a perf run could not send, by reason: each reason is shown on stderr the first time
 * (Apache prints a stack trace per record), and a failure that every later record would meet too
 * (no topic, not authorized, the cluster gone for the whole delivery time-out) ends the sending.
 */
final class SendFailures {
  private final SendErrors errors;
  private final PrintWriter err;
  private final Map<String, Long> byReason = new LinkedHashMap<>();
  private long count;
  private volatile boolean fatal;

  SendFailures(SendErrors errors, PrintWriter err) {
    this.errors = errors;
    this.err = err;
  }

  void add(Exception exception) {
    String reason = errors.describe(exception);
    boolean first;
    synchronized (this) {
      count++;
      first = byReason.merge(reason, 1L, Long::sum) == 1L;
    }
    if (!SendErrors.perRecord(exception)) {
      fatal = true;
    }
    if (first) {
      synchronized (err) {
        err.println("Send failed: " + reason);
        err.flush();
      }
    }
  }

  /** Whether sending should stop: a failure that is not the record's own. */
  boolean fatal() {
    return fatal;
  }

  synchronized long count() {
    return count;
  }

  synchronized List<ProducerResult.FailureCount> summary() {
    List<ProducerResult.FailureCount> list = new ArrayList<>();
    byReason.forEach((reason, n) -> list.add(new ProducerResult.FailureCount(reason, n)));
    return list;
  }
}
