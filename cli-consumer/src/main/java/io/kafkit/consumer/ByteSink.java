package io.kafkit.consumer;

import io.kafkit.common.output.ControlBytes;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffered byte writer for the record stream: no per-record strings, one system call per 64 KiB.
 * On a terminal, {@link #data} writes record bytes through {@link ControlBytes}.
 */
final class ByteSink extends OutputStream {
  private final OutputStream out;
  private final boolean escapeControls;
  private final byte[] buffer;
  private int count;

  ByteSink(OutputStream out, int size, boolean escapeControls) {
    this.out = out;
    this.buffer = new byte[size];
    this.escapeControls = escapeControls;
  }

  @Override
  public void write(int b) throws IOException {
    if (count == buffer.length) {
      drain();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b) throws IOException {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len > buffer.length - count) {
      drain();
      if (len > buffer.length) {
        out.write(b, off, len);
        return;
      }
    }
    System.arraycopy(b, off, buffer, count, len);
    count += len;
  }

  /** Writes bytes that came from a record: escaped on a terminal, as they are otherwise. */
  void data(byte[] b) throws IOException {
    if (!escapeControls) {
      write(b, 0, b.length);
      return;
    }
    ControlBytes.writeEscaped(b, 0, b.length, this);
  }

  void ascii(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      write(s.charAt(i));
    }
  }

  void decimal(long value) throws IOException {
    ascii(Long.toString(value));
  }

  private void drain() throws IOException {
    if (count > 0) {
      out.write(buffer, 0, count);
      count = 0;
    }
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }
}
