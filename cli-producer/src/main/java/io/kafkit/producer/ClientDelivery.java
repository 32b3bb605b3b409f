package io.kafkit.producer;

import io.kafkit.common.kafka.SendErrors;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Sends records through Apache's Java producer, for the prompt and the pipe alike: failures are
 * counted and named by line, and a send that meets a restarting cluster waits for it.
 */
final class ClientDelivery implements Delivery {
  private final Producer<byte[], byte[]> producer;
  private final boolean sync;
  private final DeliveryTally tally;
  private final long patienceNanos;
  private final Thread mainThread = Thread.currentThread();
  private volatile boolean fatal;
  private volatile boolean anyAcknowledged;
  private Exception failedInSend;
  private boolean sending;
  private int partitions;

  /**
   * @param patience how long a send may keep waiting for the topic's metadata after its first wait
   *     (max.block.ms) ran out, once the cluster has acknowledged a record (a broker restarting);
   *     zero to fail after one wait
   */
  ClientDelivery(
      Producer<byte[], byte[]> producer,
      boolean sync,
      SendErrors errors,
      FailureLog failures,
      Duration patience) {
    this.producer = producer;
    this.sync = sync;
    this.tally = new DeliveryTally(errors, failures);
    this.patienceNanos = patience.toNanos();
  }

  /**
   * The topic's partition count at the start (0: unknown): a record for a partition past it fails
   * at once, by line, instead of waiting max.block.ms for a partition that is not there.
   */
  ClientDelivery partitions(int count) {
    this.partitions = count;
    return this;
  }

  @Override
  public void send(ProducerRecord<byte[], byte[]> record, long lineNumber) {
    LineCallback callback = new LineCallback(record, lineNumber);
    tally.sent(callback.bytes());
    Integer partition = record.partition();
    if (partition != null && partitions > 0 && partition >= partitions) {
      callback.fail(
          new InvalidRecordException(
              "Partition "
                  + partition
                  + " does not exist: the topic has "
                  + partitions
                  + (partitions == 1 ? " partition" : " partitions")
                  + " (--ignore-partitions places JSON lines by key instead)."));
      return;
    }
    if (sync) {
      sendAndWait(record, callback);
      return;
    }
    long deadline = 0;
    while (true) {
      failedInSend = null;
      sending = true;
      try {
        producer.send(record, callback);
      } finally {
        sending = false;
      }
      if (failedInSend == null) {
        return;
      }
      // The producer gave up waiting for metadata. Once the topic was written to, that is a
      // broker restarting or a leader moving: wait again rather than drop the line.
      if (deadline == 0) {
        deadline = System.nanoTime() + patienceNanos;
      }
      if (!(failedInSend instanceof TimeoutException)
          || !anyAcknowledged
          || System.nanoTime() > deadline) {
        callback.fail(failedInSend);
        return;
      }
    }
  }

  private void sendAndWait(ProducerRecord<byte[], byte[]> record, LineCallback callback) {
    try {
      callback.onCompletion(producer.send(record).get(), null);
    } catch (ExecutionException e) {
      callback.onCompletion(null, e.getCause() instanceof Exception c ? c : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
  }

  @Override
  public boolean fatal() {
    return fatal;
  }

  /**
   * Blocks until every record sent so far is acknowledged or failed. Not even an interrupt stops
   * it: jline interrupts the reading thread on Ctrl-C (sometimes after the prompt returned), and
   * giving up here would lose what was typed.
   */
  @Override
  public void finish() {
    for (int attempt = 0; ; attempt++) {
      Thread.interrupted();
      try {
        producer.flush();
        return;
      } catch (InterruptException e) {
        if (attempt >= 3) {
          throw e;
        }
      }
    }
  }

  @Override
  public long acknowledged() {
    return tally.acknowledged();
  }

  @Override
  public long bytes() {
    return tally.bytes();
  }

  @Override
  public long elapsedNanos() {
    return tally.elapsedNanos();
  }

  @Override
  public FailureLog failures() {
    return tally.failures();
  }

  private static int size(byte[] b) {
    return b == null ? -1 : b.length;
  }

  /**
   * Keeps the sizes, not the record: the bytes are not held until the acknowledgement. An
   * acknowledgement does nothing more than note that there was one: it runs once per record on the
   * client's network thread, and what was acknowledged is what was sent minus what failed.
   */
  private final class LineCallback implements Callback {
    private final String topic;
    private final long lineNumber;
    private final int keySize;
    private final int valueSize;

    LineCallback(ProducerRecord<byte[], byte[]> record, long lineNumber) {
      this.topic = record.topic();
      this.lineNumber = lineNumber;
      this.keySize = size(record.key());
      this.valueSize = size(record.value());
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      if (exception == null) {
        if (!anyAcknowledged) {
          anyAcknowledged = true;
        }
      } else if (sending && Thread.currentThread() == mainThread) {
        failedInSend = exception; // decided on by send(), which may try again
      } else {
        fail(exception);
      }
    }

    long bytes() {
      return Math.max(keySize, 0) + Math.max(valueSize, 0);
    }

    void fail(Exception exception) {
      // With --sync, a failure stops a pipe as it stops Apache's: no later line is sent, so the
      // topic holds exactly the lines before it, in order.
      if (sync || !SendErrors.perRecord(exception)) {
        fatal = true;
      }
      tally.failed(lineNumber, topic, keySize, valueSize, exception);
    }
  }
}
