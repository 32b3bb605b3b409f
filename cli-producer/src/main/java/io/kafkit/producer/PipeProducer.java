package io.kafkit.producer;

import io.kafkit.common.cli.ShutdownHook;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Standard input (or --file) that is not a terminal: no prompt, lines streamed at full speed.
 *
 * <p>Two threads share the work: a reader reads and splits the input into lines and hands them over
 * in chunks through a short queue (each chunk the lines of one read of at most 64 KiB, their bytes
 * in one array, so memory stays bounded whatever the input); the calling thread parses each line
 * and sends it, in order. A line that cannot be parsed stops the run there.
 *
 * <p>On Ctrl-C every line read is sent and acknowledged before the process ends: the reader stops
 * after the chunk in hand (or, when it is blocked reading, the shutdown hook ends the input in its
 * place), the sending thread sends everything queued before that end, waits for the
 * acknowledgements and prints the report, and the hook waits for it.
 */
final class PipeProducer {
  private static final int BUFFER_SIZE = 1 << 16;
  private static final int CHUNK_LINES = 1024;
  private static final int QUEUE_CHUNKS = 4;

  private final InputStream in;
  private final RecordParser parser;
  private final Delivery delivery;
  private final RunReport report;
  private final boolean parseWhileReading;
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
    this(in, parser, delivery, report, false);
  }

  /**
   * @param parseWhileReading parse each chunk's lines on the reading thread (then only there): for
   *     a parser that costs as much as sending does, such as encoding by a schema, so that the two
   *     threads share the work
   */
  PipeProducer(
      InputStream in,
      RecordParser parser,
      Delivery delivery,
      RunReport report,
      boolean parseWhileReading) {
    this.in = in;
    this.parser = parser;
    this.delivery = delivery;
    this.report = report;
    this.parseWhileReading = parseWhileReading;
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
    LineException badLine = null;
    Chunk chunk;
    do {
      chunk = take();
      byte[] data = chunk.data;
      int[] ends = chunk.ends;
      int from = 0;
      for (int i = 0; i < chunk.count && !delivery.fatal(); i++) {
        long number = chunk.firstLine + i;
        try {
          if (chunk.records == null) {
            delivery.send(parser, data, from, ends[i], number);
          } else if (i == chunk.records.size()) {
            throw chunk.badLine; // parsed on the reading thread, which stopped there
          } else {
            delivery.send(chunk.records.get(i), number);
          }
        } catch (LineException e) {
          badLine = e;
          break;
        }
        from = ends[i];
        lastSent = number;
      }
    } while (!chunk.last && badLine == null && !delivery.fatal());
    stopReading = true;
    delivery.finish();
    if (badLine == null && chunk.failure instanceof IOException e) {
      throw e;
    } else if (badLine == null && chunk.failure instanceof RuntimeException e) {
      throw e;
    } else if (badLine == null && chunk.failure instanceof Error e) {
      throw e;
    }
    return report.print(lastSent, badLine, interruptedNow());
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
      Chunk end = Chunk.end(0, null);
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

  /**
   * Consecutive lines, as read: their bytes one after the other, without line ends, and where each
   * ends. The last chunk also says why the input ended.
   */
  private static final class Chunk {
    final long firstLine;
    byte[] data;
    int size;
    int[] ends;
    int count;
    boolean last;
    Throwable failure;
    // with parseWhileReading: the records of the lines up to the first that did not parse
    List<ProducerRecord<byte[], byte[]>> records;
    LineException badLine;

    Chunk(long firstLine, int bytes, int lines) {
      this.firstLine = firstLine;
      this.data = new byte[bytes];
      this.ends = new int[lines];
    }

    static Chunk end(long firstLine, Throwable failure) {
      Chunk chunk = new Chunk(firstLine, 0, 0);
      chunk.last = true;
      chunk.failure = failure;
      return chunk;
    }

    void add(byte[] buffer, int start, int end) {
      int length = end - start;
      if (size + length > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
      }
      if (count == ends.length) {
        ends = Arrays.copyOf(ends, count * 2);
      }
      System.arraycopy(buffer, start, data, size, length);
      size += length;
      ends[count++] = size;
    }
  }

  /**
   * The reading thread: reads and splits, and queues the lines of each read as one chunk. A read is
   * at most the splitter's buffer, so a chunk holds at most that many bytes of lines (more only for
   * one line longer than the buffer).
   */
  private final class Reader {
    private long lineNumber;
    private Chunk chunk = newChunk();

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
        while (more) {
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
      end(failure);
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
        end(null);
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

    private void end(Throwable failure) throws InterruptedException {
      synchronized (lock) {
        if (inputEnded) {
          return;
        }
        inputEnded = true;
      }
      queue.put(Chunk.end(lineNumber + 1, failure));
    }

    private void line(byte[] buffer, int start, int end) {
      chunk.add(buffer, start, end);
      lineNumber++;
    }

    /** Queues the chunk in hand, if it holds anything, and starts the next. */
    private void ship() throws InterruptedException {
      if (chunk.count > 0) {
        if (parseWhileReading) {
          parse(chunk);
        }
        queue.put(chunk);
        chunk = newChunk();
      }
    }

    private void parse(Chunk c) {
      c.records = new ArrayList<>(c.count);
      int from = 0;
      for (int i = 0; i < c.count; i++) {
        try {
          c.records.add(parser.parse(c.data, from, c.ends[i], c.firstLine + i));
        } catch (LineException e) {
          c.badLine = e;
          return;
        } catch (RuntimeException e) {
          // anything else stops the run at this line too, named, instead of ending the reader
          c.badLine =
              new LineException(
                  "Cannot read line number " + (c.firstLine + i) + ": " + e, c.firstLine + i);
          return;
        }
        from = c.ends[i];
      }
    }

    private Chunk newChunk() {
      return new Chunk(lineNumber + 1, BUFFER_SIZE + 1024, CHUNK_LINES);
    }
  }
}
