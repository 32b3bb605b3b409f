package io.kafkit.producer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines where {@code BufferedReader.readLine} would: at {@code \n},
 * {@code \r\n} or a lone {@code \r}; a last line without a line end is still a line. Lines are
 * handed out as ranges of one reused buffer, never copied or decoded, which is what makes a piped
 * run fast. Memory is the buffer plus the longest line.
 */
final class LineSplitter {
  /** Receives each line as {@code buffer[start, end)}, valid only during the call. */
  interface Lines {
    void line(byte[] buffer, int start, int end);
  }

  private final InputStream in;
  private byte[] buffer;
  private int start;
  private int limit;
  private int scanned;
  private boolean skipLineFeed;
  private boolean eof;

  LineSplitter(InputStream in, int bufferSize) {
    this.in = in;
    this.buffer = new byte[bufferSize];
  }

  /**
   * Reads once from the stream, blocking until input arrives.
   *
   * @return false once the stream has ended
   */
  boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    makeRoom();
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  /** Hands out every complete line read so far, and at the end of the stream the last one. */
  void drain(Lines lines) {
    byte[] buf = buffer;
    int lim = limit;
    int i = scanned;
    int from = start;
    if (skipLineFeed && i < lim) {
      skipLineFeed = false;
      if (buf[i] == '\n') {
        from = ++i;
      }
    }
    while (true) {
      int end = lineEnd(buf, i, lim);
      if (end == lim) {
        break;
      }
      lines.line(buf, from, end);
      i = end + 1;
      if (buf[end] == '\r') {
        if (i < lim) {
          if (buf[i] == '\n') {
            i++;
          }
        } else {
          skipLineFeed = true;
        }
      }
      from = i;
    }
    start = from;
    scanned = lim;
    if (eof && lim > from) {
      lines.line(buf, from, lim);
      start = lim;
    }
  }

  /** The index of the first line end in {@code buf[i, lim)}, or lim: the loop every byte meets. */
  private static int lineEnd(byte[] buf, int i, int lim) {
    for (; i < lim; i++) {
      byte b = buf[i];
      if (b <= '\r' && (b == '\n' || b == '\r')) {
        return i;
      }
    }
    return lim;
  }

  private void makeRoom() {
    if (start == limit) {
      start = limit = scanned = 0;
    } else if (start > 0 && limit == buffer.length) {
      System.arraycopy(buffer, start, buffer, 0, limit - start);
      limit -= start;
      scanned -= start;
      start = 0;
    }
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
  }
}
