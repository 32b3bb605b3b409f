package io.kafkit.perf;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.kafka.SendErrors;
import java.io.PrintWriter;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * One producer perf run, Apache's ProducerPerformance loop: make a value, send it with a callback
 * that records its latency, commit a transaction when its time is up, hold the rate. The clock
 * starts right before the first send, on a producer that has not fetched metadata yet, as in
 * Apache, so that the two tools' figures mean the same.
 */
final class ProducerPerfRun {
  /** What to run, from the command line. */
  record Plan(
      String topic,
      long numRecords,
      long warmupRecords,
      double throughput,
      boolean transactional,
      long transactionDurationMs,
      long reportingIntervalMs,
      boolean printMetrics) {}

  private final Producer<byte[], byte[]> producer;
  private final Plan plan;
  private final Payloads payloads;
  private final Keys keys;
  private final SendErrors errors;
  private final SendFailures failures;
  private volatile boolean stopping;
  private volatile Thread sender;
  private ProducerStats all;
  private ProducerStats steady;

  ProducerPerfRun(
      Producer<byte[], byte[]> producer,
      Plan plan,
      Payloads payloads,
      Keys keys,
      SendErrors errors,
      PrintWriter err) {
    this.producer = producer;
    this.plan = plan;
    this.payloads = payloads;
    this.keys = keys;
    this.errors = errors;
    this.failures = new SendFailures(errors, err);
  }

  /** Registers the transactional id (before the clock starts, as in Apache). */
  void prepare() {
    if (plan.transactional()) {
      try {
        producer.initTransactions();
      } catch (KafkaException e) {
        throw new KafkitException(errors.describe(e), ExitCodes.FAILED, e);
      }
    }
  }

  /**
   * Sends and waits for every acknowledgement.
   *
   * @param windows where Apache's window lines go, or null
   * @param progress called with the run's statistics once they exist, for a live line
   */
  ProducerResult run(PrintWriter windows, java.util.function.Consumer<ProducerStats> progress) {
    sender = Thread.currentThread();
    long start = System.nanoTime();
    all = new ProducerStats(start, plan.reportingIntervalMs(), false, windows);
    progress.accept(all);
    Pacer pacer = new Pacer(plan.throughput(), start);
    long transactionNanos = plan.transactionDurationMs() * 1_000_000L;
    long inTransaction = 0;
    long transactionStart = 0;
    try {
      for (long i = 0; i < plan.numRecords() && !stopping && !failures.fatal(); i++) {
        byte[] value = payloads.next(i);
        if (plan.transactional() && inTransaction == 0) {
          producer.beginTransaction();
          transactionStart = System.nanoTime();
        }
        byte[] key = keys.next(i);
        if (i == plan.warmupRecords() && i > 0) {
          steady = new ProducerStats(System.nanoTime(), plan.reportingIntervalMs(), true, windows);
          all.suppressWindows();
        }
        long sendStart = System.nanoTime();
        producer.send(
            new ProducerRecord<>(plan.topic(), null, key, value),
            new Ack(sendStart, value.length, steady));
        inTransaction++;
        if (plan.transactional() && sendStart - transactionStart >= transactionNanos) {
          producer.commitTransaction();
          inTransaction = 0;
        }
        pacer.pace(i + 1, this::stopping);
      }
      if (plan.transactional() && inTransaction > 0) {
        if (failures.fatal()) {
          producer.abortTransaction();
        } else {
          producer.commitTransaction();
        }
      }
      producer.flush();
    } catch (KafkaException e) {
      failures.add(e);
    }
    long end = System.nanoTime();
    return new ProducerResult(
        all.totals(end),
        steady == null ? null : steady.totals(end),
        failures.count(),
        failures.summary(),
        plan.printMetrics() ? MetricsTable.of(producer.metrics()) : null);
  }

  /** Ctrl-C: stop sending; what was sent is still acknowledged and reported. */
  void stop() {
    stopping = true;
    Thread thread = sender;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  boolean stopping() {
    return stopping;
  }

  private final class Ack implements Callback {
    private final long sendNanos;
    private final int size;
    private final ProducerStats steadyState;

    Ack(long sendNanos, int size, ProducerStats steadyState) {
      this.sendNanos = sendNanos;
      this.size = size;
      this.steadyState = steadyState;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      long now = System.nanoTime();
      if (exception != null) {
        failures.add(exception);
        return;
      }
      all.record(now - sendNanos, size, now);
      if (steadyState != null) {
        steadyState.record(now - sendNanos, size, now);
      }
    }
  }
}
