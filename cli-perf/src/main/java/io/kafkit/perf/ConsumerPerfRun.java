package io.kafkit.perf;

import java.io.PrintWriter;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One consumer perf run, Apache's ConsumerPerformance loop: subscribe in a group, poll until the
 * records are in or none came for the time-out, and count the time spent joining the group apart
 * from the time spent fetching.
 */
final class ConsumerPerfRun {
  /** What to run, from the command line. */
  record Plan(
      String topic,
      Pattern include,
      long numRecords,
      long timeoutMs,
      long reportingIntervalMs,
      boolean detailed,
      SimpleDateFormat dateFormat) {}

  private final Consumer<byte[], byte[]> consumer;
  private final Plan plan;
  private volatile boolean stopping;
  private volatile long recordsSoFar;
  private volatile long bytesSoFar;
  private long joinTimeMs;
  private long joinTimeInRoundMs;
  private long joinStartMs;

  ConsumerPerfRun(Consumer<byte[], byte[]> consumer, Plan plan) {
    this.consumer = consumer;
    this.plan = plan;
  }

  /** Consumes; the result's {@code complete} says whether all the records came. */
  ConsumerResult run(PrintWriter details) {
    long startMs = System.currentTimeMillis();
    joinStartMs = startMs;
    Listener listener = new Listener();
    if (plan.topic() != null) {
      consumer.subscribe(List.of(plan.topic()), listener);
    } else {
      consumer.subscribe(plan.include(), listener);
    }
    long records = 0;
    long bytes = 0;
    long lastRecords = 0;
    long lastBytes = 0;
    long now = System.currentTimeMillis();
    long lastReportMs = now;
    long lastConsumedMs = now;
    try {
      while (records < plan.numRecords() && now - lastConsumedMs <= plan.timeoutMs() && !stopping) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
        now = System.currentTimeMillis();
        if (!batch.isEmpty()) {
          lastConsumedMs = now;
        }
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          records++;
          if (record.key() != null) {
            bytes += record.key().length;
          }
          if (record.value() != null) {
            bytes += record.value().length;
          }
          if (now - lastReportMs >= plan.reportingIntervalMs()) {
            if (plan.detailed()) {
              details.println(
                  detailLine(bytes, lastBytes, records, lastRecords, lastReportMs, now));
              details.flush();
            }
            joinTimeInRoundMs = 0;
            lastReportMs = now;
            lastRecords = records;
            lastBytes = bytes;
          }
        }
        recordsSoFar = records;
        bytesSoFar = bytes;
      }
    } catch (WakeupException e) {
      // Ctrl-C woke the poll: report what was consumed
    }
    long endMs = System.currentTimeMillis();
    return ConsumerResult.of(
        startMs,
        endMs,
        bytes,
        records,
        joinTimeMs,
        records >= plan.numRecords(),
        null,
        plan.dateFormat(),
        plan.detailed());
  }

  private String detailLine(
      long bytes, long lastBytes, long records, long lastRecords, long startMs, long endMs) {
    double elapsedMs = endMs - startMs;
    double intervalMb = (bytes - lastBytes) / (1024.0 * 1024.0);
    long fetchMs = endMs - startMs - joinTimeInRoundMs;
    return String.format(
        Locale.ROOT,
        "%s, %d, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f",
        plan.dateFormat().format(endMs),
        0,
        bytes / (1024.0 * 1024.0),
        1000.0 * intervalMb / elapsedMs,
        records,
        (records - lastRecords) / elapsedMs * 1000.0,
        joinTimeInRoundMs,
        fetchMs,
        fetchMs <= 0 ? 0.0 : 1000.0 * intervalMb / fetchMs,
        fetchMs <= 0 ? 0.0 : 1000.0 * (records - lastRecords) / fetchMs);
  }

  long recordsSoFar() {
    return recordsSoFar;
  }

  long bytesSoFar() {
    return bytesSoFar;
  }

  /** Ctrl-C: wake the poll and end the run with what was consumed. */
  void stop() {
    stopping = true;
    consumer.wakeup();
  }

  boolean stopping() {
    return stopping;
  }

  /** Time spent without partitions, from the start or a revocation to the next assignment. */
  private final class Listener implements ConsumerRebalanceListener {
    private final Set<TopicPartition> assigned = new HashSet<>();

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      assigned.removeAll(partitions);
      if (assigned.isEmpty()) {
        joinStartMs = System.currentTimeMillis();
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (assigned.isEmpty()) {
        long elapsed = System.currentTimeMillis() - joinStartMs;
        joinTimeMs += elapsed;
        joinTimeInRoundMs += elapsed;
      }
      assigned.addAll(partitions);
    }
  }
}
