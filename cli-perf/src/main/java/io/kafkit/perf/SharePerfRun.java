package io.kafkit.perf;

import java.io.PrintWriter;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One share consumer perf run, Apache's ShareConsumerPerformance loop: each share consumer polls in
 * a thread of its own (records acknowledged implicitly, by the next poll) until the group has read
 * the records or none came for the time-out.
 */
final class SharePerfRun {
  /** What to run, from the command line. */
  record Plan(
      String topic,
      long numRecords,
      long timeoutMs,
      long reportingIntervalMs,
      boolean detailed,
      boolean perConsumer,
      SimpleDateFormat dateFormat) {}

  /** Totals, the whole group's and (with --show-consumer-stats) each consumer's. */
  record Result(
      String startTime,
      String endTime,
      double mb,
      double mbPerSec,
      double recordsPerSec,
      long records,
      long fetchTimeMs,
      List<ConsumerTotals> consumers,
      boolean complete,
      Map<String, Object> metrics,
      long startMs,
      long endMs,
      SimpleDateFormat dateFormat) {}

  /** One share consumer's records and bytes, numbered from 1 as Apache numbers them. */
  record ConsumerTotals(
      int consumer, String clientId, long records, long bytes, double mb, double recordsPerSec) {}

  private final List<ShareConsumer<byte[], byte[]>> consumers;
  private final Plan plan;
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final long[] consumerRecords;
  private final long[] consumerBytes;
  private volatile boolean stopping;

  private final String clientId;

  SharePerfRun(List<ShareConsumer<byte[], byte[]>> consumers, Plan plan, String clientId) {
    this.consumers = consumers;
    this.clientId = clientId;
    this.plan = plan;
    this.consumerRecords = new long[consumers.size()];
    this.consumerBytes = new long[consumers.size()];
  }

  /** Consumes with every consumer, each in its thread, and waits for them all. */
  Result run(PrintWriter details) throws InterruptedException {
    consumers.forEach(c -> c.subscribe(List.of(plan.topic())));
    long startMs = System.currentTimeMillis();
    List<Thread> threads = new ArrayList<>();
    RuntimeException[] failure = new RuntimeException[1];
    for (int i = 0; i < consumers.size(); i++) {
      int index = i;
      Thread thread =
          new Thread(
              () -> {
                try {
                  consume(index, details);
                } catch (WakeupException e) {
                  // Ctrl-C: the totals so far are reported
                } catch (RuntimeException e) {
                  synchronized (failure) {
                    failure[0] = e;
                  }
                  stop();
                }
              },
              "kafkit-share-perf-" + (i + 1));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    long endMs = System.currentTimeMillis();
    double seconds = (endMs - startMs) / 1000.0;
    List<ConsumerTotals> totals = new ArrayList<>();
    if (plan.perConsumer()) {
      for (int i = 0; i < consumers.size(); i++) {
        totals.add(
            new ConsumerTotals(
                i + 1,
                clientId + "-" + (i + 1),
                consumerRecords[i],
                consumerBytes[i],
                consumerBytes[i] / (1024.0 * 1024.0),
                consumerRecords[i] / seconds));
      }
    }
    double mb = bytes.get() / (1024.0 * 1024.0);
    return new Result(
        java.time.Instant.ofEpochMilli(startMs).toString(),
        java.time.Instant.ofEpochMilli(endMs).toString(),
        mb,
        mb / seconds,
        records.get() / seconds,
        records.get(),
        endMs - startMs,
        totals,
        records.get() >= plan.numRecords(),
        null,
        startMs,
        endMs,
        plan.dateFormat());
  }

  private void consume(int index, PrintWriter details) {
    ShareConsumer<byte[], byte[]> consumer = consumers.get(index);
    long now = System.currentTimeMillis();
    long lastConsumedMs = now;
    long lastReportMs = now;
    long lastRecords = 0;
    long lastBytes = 0;
    long mine = 0;
    long myBytes = 0;
    while (records.get() < plan.numRecords()
        && now - lastConsumedMs <= plan.timeoutMs()
        && !stopping) {
      ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
      now = System.currentTimeMillis();
      if (!batch.isEmpty()) {
        lastConsumedMs = now;
      }
      for (ConsumerRecord<byte[], byte[]> r : batch) {
        long size =
            (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        mine++;
        myBytes += size;
        records.incrementAndGet();
        bytes.addAndGet(size);
        if (now - lastReportMs >= plan.reportingIntervalMs()) {
          if (plan.detailed()) {
            String line = progress(myBytes, lastBytes, mine, lastRecords, lastReportMs, now, index);
            synchronized (details) {
              details.println(line);
              details.flush();
            }
          }
          lastReportMs = now;
          lastRecords = mine;
          lastBytes = myBytes;
        }
      }
      consumerRecords[index] = mine;
      consumerBytes[index] = myBytes;
    }
  }

  /** Apache's line per consumer and interval. */
  private String progress(
      long bytesRead,
      long lastBytes,
      long recordsRead,
      long lastRecords,
      long startMs,
      long endMs,
      int index) {
    double elapsedMs = endMs - startMs;
    double intervalMb = (bytesRead - lastBytes) / (1024.0 * 1024.0);
    return String.format(
        Locale.ROOT,
        "%s, %s, %.4f, %.4f, %.4f, %d, %d for share consumer %d",
        plan.dateFormat().format(startMs),
        plan.dateFormat().format(endMs),
        bytesRead / (1024.0 * 1024.0),
        1000.0 * intervalMb / elapsedMs,
        (recordsRead - lastRecords) / elapsedMs * 1000.0,
        recordsRead,
        endMs - startMs,
        index + 1);
  }

  /** Apache's lines: each consumer's totals (with --show-consumer-stats), then the group's. */
  static void text(Result r, PrintWriter out) {
    SimpleDateFormat f = r.dateFormat();
    double seconds = (r.endMs() - r.startMs()) / 1000.0;
    for (ConsumerTotals c : r.consumers()) {
      out.println(
          String.format(
              Locale.ROOT,
              "Share consumer %d having client id %s consumption metrics- %s, %s, %.4f, %.4f, %.4f,"
                  + " %d, %d",
              c.consumer(),
              c.clientId(),
              f.format(r.startMs()),
              f.format(r.endMs()),
              c.mb(),
              c.mb() / seconds,
              c.recordsPerSec(),
              c.records(),
              r.fetchTimeMs()));
    }
    out.println(
        String.format(
            Locale.ROOT,
            "%s, %s, %.4f, %.4f, %.4f, %d, %d",
            f.format(r.startMs()),
            f.format(r.endMs()),
            r.mb(),
            r.mbPerSec(),
            r.recordsPerSec(),
            r.records(),
            r.fetchTimeMs()));
    if (r.metrics() != null) {
      MetricsTable.print(r.metrics(), out);
    }
  }

  long recordsSoFar() {
    return records.get();
  }

  long bytesSoFar() {
    return bytes.get();
  }

  /** Ctrl-C: wake every poll and end the run with what was consumed. */
  void stop() {
    stopping = true;
    consumers.forEach(ShareConsumer::wakeup);
  }

  boolean stopping() {
    return stopping;
  }
}
