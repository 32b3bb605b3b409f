package io.kafkit.consumer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffered byte writer for the record stream: no per-record strings, one system call per 64 KiB.
 * On a terminal, {@link #data} writes record bytes with control characters escaped ({@code \x1b}),
 * so a key or value cannot move the cursor, change colours or retitle the window.
 */
final class ByteSink extends OutputStream {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

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
    for (int i = 0; i < b.length; i++) {
      int c = b[i] & 0xff;
      if (c < 0x20 || c == 0x7f) {
        escape(c);
      } else if (c == 0xc2
          && i + 1 < b.length
          && (b[i + 1] & 0xff) >= 0x80
          && (b[i + 1] & 0xff) <= 0x9f) {
        escape(b[++i] & 0xff); // a C1 control, U+0080-U+009F, such as the one-byte CSI
      } else {
        write(c);
      }
    }
  }

  void ascii(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      write(s.charAt(i));
    }
  }

  void decimal(long value) throws IOException {
    ascii(Long.toString(value));
  }

  private void escape(int c) throws IOException {
    write('\\');
    write('x');
    write(HEX[c >> 4]);
    write(HEX[c & 0xf]);
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
