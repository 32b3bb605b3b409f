package io.kafkit.common.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the tools that print records write it (the console consumer, dump-log): a
 * buffer filled with ASCII text, numbers and raw bytes, one system call when it is full or flushed,
 * no string built per field. Record bytes ({@link #data}) go through {@link ControlBytes} when
 * standard output is a terminal, raw otherwise.
 */
public final class ByteSink extends OutputStream {
  private final OutputStream target;
  private final boolean escapeControls;
  private final byte[] buffer;
  private final byte[] digits = new byte[20];
  private int size;

  /**
   * @param escapeControls whether standard output is a terminal
   */
  public ByteSink(OutputStream target, int bufferSize, boolean escapeControls) {
    this.target = target;
    this.buffer = new byte[bufferSize];
    this.escapeControls = escapeControls;
  }

  @Override
  public void write(int b) throws IOException {
    if (size == buffer.length) {
      drain();
    }
    buffer[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b) throws IOException {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int offset, int length) throws IOException {
    if (length > buffer.length - size) {
      drain();
      if (length > buffer.length) {
        target.write(b, offset, length);
        return;
      }
    }
    System.arraycopy(b, offset, buffer, size, length);
    size += length;
  }

  /** The buffer's remaining bytes, from its position; the position is left where it was. */
  public void write(ByteBuffer b) throws IOException {
    int length = b.remaining();
    if (b.hasArray()) {
      write(b.array(), b.arrayOffset() + b.position(), length);
      return;
    }
    if (length > buffer.length - size) {
      drain();
    }
    if (length > buffer.length) {
      byte[] copy = new byte[length];
      b.duplicate().get(copy);
      target.write(copy, 0, length);
      return;
    }
    b.duplicate().get(buffer, size, length);
    size += length;
  }

  /** A key or value: escaped on a terminal, as it is otherwise. */
  public void data(byte[] b) throws IOException {
    if (escapeControls) {
      ControlBytes.writeEscaped(b, 0, b.length, this);
    } else {
      write(b, 0, b.length);
    }
  }

  /** A key or value: escaped on a terminal, as it is otherwise. */
  public void data(ByteBuffer b) throws IOException {
    if (!escapeControls) {
      write(b);
      return;
    }
    byte[] copy = new byte[b.remaining()];
    b.duplicate().get(copy);
    data(copy);
  }

  /** Text that is mostly ASCII (Kafka's names, Apache's words); other characters go as UTF-8. */
  public void text(String s) throws IOException {
    int n = s.length();
    if (n > buffer.length - size) {
      if (n > buffer.length / 2) {
        write(s.getBytes(StandardCharsets.UTF_8));
        return;
      }
      drain();
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        write(s.substring(i).getBytes(StandardCharsets.UTF_8));
        return;
      }
      buffer[size++] = (byte) c;
    }
  }

  /** A number in decimal, without a string. */
  public void decimal(long v) throws IOException {
    if (buffer.length - size < 20) {
      drain();
    }
    if (v == Long.MIN_VALUE) {
      text("-9223372036854775808");
      return;
    }
    if (v < 0) {
      buffer[size++] = '-';
      v = -v;
    }
    int n = 0;
    do {
      digits[n++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) {
      buffer[size++] = digits[--n];
    }
  }

  @Override
  public void flush() throws IOException {
    drain();
    target.flush();
  }

  private void drain() throws IOException {
    if (size > 0) {
      target.write(buffer, 0, size);
      size = 0;
    }
  }
}
