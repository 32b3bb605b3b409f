package io.kafkit.dumplog;

import io.kafkit.common.output.ByteSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Standard output as dump-log writes it: the shared {@link ByteSink} (a 64 KiB buffer, record bytes
 * escaped on a terminal), with calls that chain and a failed write as an unchecked exception, which
 * {@code DumpLogCommand} reports. Apache's tool prints each line through the JVM's standard output
 * stream, which flushes every line, and builds a String for every field.
 */
final class Out extends OutputStream {
  private final ByteSink sink;
  private boolean failed;

  /**
   * @param escapeControls whether standard output is a terminal
   */
  Out(OutputStream target, boolean escapeControls) {
    this.sink = new ByteSink(target, 1 << 16, escapeControls);
  }

  /** Text that is ASCII (Kafka's names and Apache's words); other characters go as UTF-8. */
  Out text(String s) {
    unchecked(() -> sink.text(s));
    return this;
  }

  Out number(long v) {
    unchecked(() -> sink.decimal(v));
    return this;
  }

  Out bool(boolean b) {
    return text(b ? "true" : "false");
  }

  Out newline() {
    write('\n');
    return this;
  }

  Out bytes(byte[] b) {
    write(b, 0, b.length);
    return this;
  }

  /** The buffer's remaining bytes, from its position; the position is left where it was. */
  Out bytes(ByteBuffer b) {
    unchecked(() -> sink.write(b));
    return this;
  }

  /** A key or value: escaped on a terminal, raw otherwise. */
  Out data(ByteBuffer b) {
    unchecked(() -> sink.data(b));
    return this;
  }

  /** A key or value: escaped on a terminal, raw otherwise. */
  Out data(byte[] b) {
    unchecked(() -> sink.data(b));
    return this;
  }

  @Override
  public void write(int b) {
    unchecked(() -> sink.write(b));
  }

  @Override
  public void write(byte[] b, int offset, int length) {
    unchecked(() -> sink.write(b, offset, length));
  }

  @Override
  public void flush() {
    unchecked(() -> sink.flush());
  }

  /**
   * Whether a write failed: the reader went away (`| head`) or the disk is full. The run stops
   * quietly then, as the console consumer's does.
   */
  boolean failed() {
    return failed;
  }

  private interface Write {
    void run() throws IOException;
  }

  /** A failed write to standard output, as an unchecked exception. */
  private void unchecked(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      failed = true;
      throw new UncheckedIOException(e);
    }
  }
}
