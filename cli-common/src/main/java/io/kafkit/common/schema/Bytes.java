package io.kafkit.common.schema;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A byte buffer that codecs write one record into, reused record after record: unlike {@code
 * ByteArrayOutputStream}, its writes are not synchronized, which Avro's and Jackson's
 * byte-at-a-time writes feel.
 */
final class Bytes extends OutputStream {
  private byte[] buf = new byte[256];
  private int count;

  @Override
  public void write(int b) {
    if (count == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (count + len > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
    }
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  void reset() {
    count = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, count);
  }
}
