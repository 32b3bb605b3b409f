package io.kafkit.producer;

import io.kafkit.common.cli.ShutdownHook;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Standard input (or --file) that is not a terminal: no prompt, lines streamed at full speed.
 *
 * <p>Two threads share the work, because the thread that calls the Kafka client is the one that
 * sets the pace: a reader reads, splits and parses lines into records and hands them over in chunks
 * through a short queue; the calling thread only sends them, in order. The queue holds a few
 * chunks, each the lines of one read of at most 64 KiB, so memory stays bounded whatever the input.
 *
 * <p>On Ctrl-C every line read is sent and acknowledged before the process ends: the reader stops
 * after the chunk in hand (or, when it is blocked reading, the shutdown hook ends the input in its
 * place), the sending thread sends everything queued before that end, waits for the
 * acknowledgements and prints the report, and the hook waits for it.
 */
final class PipeProducer {
  private static final int BUFFER_SIZE = 1 << 16;
  private static final int CHUNK_RECORDS = 1024;
  private static final int QUEUE_CHUNKS = 4;

  private final InputStream in;
  private final RecordParser parser;
  private final Delivery delivery;
  private final RunReport report;
  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
  private final Object lock = new Object();
  // guarded by lock
  private boolean interrupted;
  private boolean readerBlocked;
  private boolean inputEnded;
  private boolean done;
  // written by the sending thread, read by the reader
  private volatile boolean stopReading;

  PipeProducer(InputStream in, RecordParser parser, Delivery delivery, RunReport report) {
    this.in = in;
    this.parser = parser;
    this.delivery = delivery;
    this.report = report;
  }

  int run() throws IOException {
    try (ShutdownHook hook =
        ShutdownHook.register("console-producer-shutdown", this::onInterrupt)) {
      Thread reader = new Thread(new Reader()::run, "console-producer-reader");
      reader.setDaemon(true);
      reader.start();
      try {
        return sendAll();
      } finally {
        stopReading = true;
        synchronized (lock) {
          done = true;
          lock.notifyAll();
        }
      }
    }
  }

  /** Sends chunk after chunk until the input's end (or a failure that stops it), then reports. */
  private int sendAll() throws IOException {
    long lastSent = 0;
    Chunk chunk;
    do {
      chunk = take();
      for (int i = 0; i < chunk.count && !delivery.fatal(); i++) {
        long number = chunk.firstLine + i;
        delivery.send(chunk.records[i], number);
        chunk.records[i] = null;
        lastSent = number;
      }
    } while (!chunk.last && !delivery.fatal());
    stopReading = true;
    delivery.finish();
    if (chunk.failure instanceof IOException e) {
      throw e;
    } else if (chunk.failure instanceof RuntimeException e) {
      throw e;
    } else if (chunk.failure instanceof Error e) {
      throw e;
    }
    return report.print(lastSent, chunk.badLine, interruptedNow());
  }

  private Chunk take() {
    boolean wasInterrupted = false;
    try {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          wasInterrupted = true; // nothing may cut the sending of lines already read short
        }
      }
    } finally {
      if (wasInterrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean interruptedNow() {
    synchronized (lock) {
      return interrupted;
    }
  }

  /**
   * Ctrl-C: no more reading. If the reader is blocked waiting for input, the input ends here; else
   * it ends after the chunk the reader is parsing. Either way the sending thread finishes the run,
   * and the hook waits for it.
   */
  private void onInterrupt() {
    boolean endHere;
    synchronized (lock) {
      interrupted = true;
      endHere = readerBlocked && !inputEnded && !done;
      if (endHere) {
        inputEnded = true;
      }
    }
    try {
      Chunk end = Chunk.end(0, null, null);
      while (endHere && !queue.offer(end, 50, TimeUnit.MILLISECONDS)) {
        synchronized (lock) {
          endHere = !done; // the sending thread stopped on a failure and takes nothing more
        }
      }
      synchronized (lock) {
        while (!done) {
          lock.wait();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records parsed from consecutive lines; the last chunk also says why the input ended. */
  private static final class Chunk {
    final long firstLine;
    ProducerRecord<byte[], byte[]>[] records;
    int count;
    boolean last;
    LineException badLine;
    Throwable failure;

    @SuppressWarnings("unchecked")
    Chunk(long firstLine, int capacity) {
      this.firstLine = firstLine;
      this.records = new ProducerRecord[capacity];
    }

    static Chunk end(long firstLine, LineException badLine, Throwable failure) {
      Chunk chunk = new Chunk(firstLine, 0);
      chunk.last = true;
      chunk.badLine = badLine;
      chunk.failure = failure;
      return chunk;
    }

    void add(ProducerRecord<byte[], byte[]> record) {
      if (count == records.length) {
        records = Arrays.copyOf(records, count * 2);
      }
      records[count++] = record;
    }
  }

  /**
   * The reading thread: reads, splits and parses, and queues the records of each read as one chunk.
   * A read is at most the splitter's buffer, so a chunk holds at most that many bytes of lines
   * (more only for one line longer than the buffer).
   */
  private final class Reader {
    private long lineNumber;
    private Chunk chunk = new Chunk(1, CHUNK_RECORDS);
    private LineException badLine;

    void run() {
      try {
        read();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // nothing interrupts the reader: leave quietly
      }
    }

    private void read() throws InterruptedException {
      LineSplitter splitter = new LineSplitter(in, BUFFER_SIZE);
      Throwable failure = null;
      try {
        boolean more = true;
        while (more && badLine == null) {
          if (!startReading()) {
            return;
          }
          IOException readFailure = null;
          try {
            more = splitter.fill();
          } catch (IOException e) {
            readFailure = e;
          }
          if (!stopBlocking()) {
            return; // Ctrl-C came while the read was blocked: the hook ended the input
          }
          if (readFailure != null) {
            throw readFailure;
          }
          splitter.drain(this::line);
          ship();
        }
      } catch (IOException | RuntimeException | Error e) {
        failure = e;
        ship();
      }
      end(badLine, failure);
    }

    /**
     * @return false if the reader must stop: Ctrl-C (the input ends here) or the sending thread is
     *     done
     */
    private boolean startReading() throws InterruptedException {
      synchronized (lock) {
        if (!interrupted && !stopReading) {
          readerBlocked = true;
          return true;
        }
      }
      if (!stopReading) {
        end(null, null);
      }
      return false;
    }

    /**
     * @return false if Ctrl-C came while the read was blocked: what it read is not sent
     */
    private boolean stopBlocking() {
      synchronized (lock) {
        readerBlocked = false;
        return !interrupted;
      }
    }

    private void end(LineException badLine, Throwable failure) throws InterruptedException {
      synchronized (lock) {
        if (inputEnded) {
          return;
        }
        inputEnded = true;
      }
      queue.put(Chunk.end(lineNumber + 1, badLine, failure));
    }

    private void line(byte[] buffer, int start, int end) {
      if (badLine != null) {
        return;
      }
      long number = lineNumber + 1;
      try {
        chunk.add(parser.parse(buffer, start, end, number));
        lineNumber = number;
      } catch (LineException e) {
        badLine = e;
      }
    }

    /** Queues the chunk in hand, if it holds anything, and starts the next. */
    private void ship() throws InterruptedException {
      if (chunk.count > 0) {
        queue.put(chunk);
        chunk = new Chunk(lineNumber + 1, CHUNK_RECORDS);
      }
    }
  }
}
