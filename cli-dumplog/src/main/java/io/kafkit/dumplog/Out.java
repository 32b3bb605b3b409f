package io.kafkit.dumplog;

import io.kafkit.common.output.ControlBytes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as dump-log writes it: a 64 KiB buffer filled with ASCII text, numbers and raw
 * bytes, written only when full or at the end. Apache's tool prints each line through the JVM's
 * standard output stream, which flushes every line, and builds a String for every field.
 */
final class Out extends OutputStream {
  private final OutputStream target;
  private final byte[] buffer = new byte[1 << 16];
  private final byte[] digits = new byte[20];
  private final boolean escapeControls;
  private int size;

  /**
   * @param escapeControls whether standard output is a terminal: record bytes ({@link #data}) then
   *     go through {@link ControlBytes}
   */
  Out(OutputStream target, boolean escapeControls) {
    this.target = target;
    this.escapeControls = escapeControls;
  }

  /** A key or value: escaped on a terminal, raw otherwise. */
  Out data(ByteBuffer b) {
    if (!escapeControls) {
      return bytes(b);
    }
    byte[] copy = new byte[b.remaining()];
    b.duplicate().get(copy);
    return data(copy);
  }

  /** A key or value: escaped on a terminal, raw otherwise. */
  Out data(byte[] b) {
    if (!escapeControls) {
      return bytes(b);
    }
    try {
      ControlBytes.writeEscaped(b, 0, b.length, this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Text that is ASCII (Kafka's names and Apache's words); other characters go as UTF-8. */
  Out text(String s) {
    int n = s.length();
    if (n > buffer.length - size) {
      if (n > buffer.length / 2) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
      }
      drain();
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return bytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
      }
      buffer[size++] = (byte) c;
    }
    return this;
  }

  Out number(long v) {
    if (buffer.length - size < 20) {
      drain();
    }
    if (v == Long.MIN_VALUE) {
      return text("-9223372036854775808");
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
    return this;
  }

  Out bool(boolean b) {
    return text(b ? "true" : "false");
  }

  Out newline() {
    if (size == buffer.length) {
      drain();
    }
    buffer[size++] = '\n';
    return this;
  }

  Out bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  Out bytes(byte[] b, int offset, int length) {
    if (length > buffer.length - size) {
      drain();
      if (length > buffer.length) {
        writeThrough(b, offset, length);
        return this;
      }
    }
    System.arraycopy(b, offset, buffer, size, length);
    size += length;
    return this;
  }

  /** The buffer's remaining bytes, from its position; the position is left where it was. */
  Out bytes(ByteBuffer b) {
    int length = b.remaining();
    if (b.hasArray()) {
      return bytes(b.array(), b.arrayOffset() + b.position(), length);
    }
    if (length > buffer.length - size) {
      drain();
    }
    if (length > buffer.length) {
      byte[] copy = new byte[length];
      b.duplicate().get(copy);
      writeThrough(copy, 0, length);
      return this;
    }
    b.duplicate().get(buffer, size, length);
    size += length;
    return this;
  }

  @Override
  public void write(int b) {
    if (size == buffer.length) {
      drain();
    }
    buffer[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int offset, int length) {
    bytes(b, offset, length);
  }

  @Override
  public void flush() {
    drain();
    try {
      target.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void drain() {
    if (size > 0) {
      writeThrough(buffer, 0, size);
      size = 0;
    }
  }

  private void writeThrough(byte[] b, int offset, int length) {
    try {
      target.write(b, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
