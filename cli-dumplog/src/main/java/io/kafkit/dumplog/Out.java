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

  /**
   * @param escapeControls whether standard output is a terminal
   */
  Out(OutputStream target, boolean escapeControls) {
    this.sink = new ByteSink(target, 1 << 16, escapeControls);
  }

  /** Text that is ASCII (Kafka's names and Apache's words); other characters go as UTF-8. */
  Out text(String s) {
    try {
      sink.text(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Out number(long v) {
    try {
      sink.decimal(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    try {
      sink.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A key or value: escaped on a terminal, raw otherwise. */
  Out data(ByteBuffer b) {
    try {
      sink.data(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A key or value: escaped on a terminal, raw otherwise. */
  Out data(byte[] b) {
    try {
      sink.data(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  @Override
  public void write(int b) {
    try {
      sink.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(byte[] b, int offset, int length) {
    try {
      sink.write(b, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void flush() {
    try {
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
