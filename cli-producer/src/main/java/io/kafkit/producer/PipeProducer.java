package io.kafkit.producer;

import io.kafkit.common.cli.ShutdownHook;
import java.io.IOException;
import java.io.InputStream;

/**
 * Standard input (or --file) that is not a terminal: no prompt, lines streamed at full speed. Each
 * chunk read is sent completely before the next read, so on Ctrl-C every line read is sent and
 * acknowledged before the process ends: the shutdown hook waits for the chunk in hand, or, when the
 * loop is blocked reading, finishes the run itself.
 */
final class PipeProducer {
  private enum State {
    READING,
    SENDING,
    FINISHING,
    TAKEN_OVER,
    DONE
  }

  private static final int BUFFER_SIZE = 1 << 16;

  private final InputStream in;
  private final RecordParser parser;
  private final Delivery delivery;
  private final RunReport report;
  private final Object lock = new Object();
  private State state = State.READING;
  private boolean interrupted;
  private long lineNumber;
  private LineException badLine;

  PipeProducer(InputStream in, RecordParser parser, Delivery delivery, RunReport report) {
    this.in = in;
    this.parser = parser;
    this.delivery = delivery;
    this.report = report;
  }

  int run() throws IOException {
    try (ShutdownHook hook =
        ShutdownHook.register("console-producer-shutdown", this::onInterrupt)) {
      return loop();
    }
  }

  private int loop() throws IOException {
    LineSplitter splitter = new LineSplitter(in, BUFFER_SIZE);
    boolean more = true;
    while (more && badLine == null && !delivery.fatal()) {
      if (!enter(State.READING)) {
        break;
      }
      more = splitter.fill();
      if (!enter(State.SENDING)) {
        return report.interruptedExitCode();
      }
      splitter.drain(this::line);
    }
    if (!enter(State.FINISHING)) {
      return report.interruptedExitCode();
    }
    try {
      delivery.finish();
      return report.print(lineNumber, badLine, interruptedNow());
    } finally {
      enter(State.DONE);
    }
  }

  private void line(byte[] buffer, int start, int end) {
    if (badLine != null || delivery.fatal()) {
      return;
    }
    long number = lineNumber + 1;
    try {
      delivery.send(parser.parse(buffer, start, end, number), number);
      lineNumber = number;
    } catch (LineException e) {
      badLine = e;
    }
  }

  /**
   * Moves the loop to its next state.
   *
   * @return false if the shutdown hook took the run over (the loop must stop at once), or if Ctrl-C
   *     came and the loop should stop reading (for READING)
   */
  private boolean enter(State next) {
    synchronized (lock) {
      if (state == State.TAKEN_OVER) {
        return false;
      }
      if (next == State.READING && interrupted) {
        return false;
      }
      state = next;
      lock.notifyAll();
      return true;
    }
  }

  private boolean interruptedNow() {
    synchronized (lock) {
      return interrupted;
    }
  }

  private void onInterrupt() {
    synchronized (lock) {
      interrupted = true;
      if (state != State.READING) {
        while (state != State.DONE) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        return;
      }
      state = State.TAKEN_OVER;
    }
    delivery.finish();
    report.print(lineNumber, badLine, true);
  }
}
