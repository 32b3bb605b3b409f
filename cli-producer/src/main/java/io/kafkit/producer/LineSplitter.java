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
    int i = scanned;
    if (skipLineFeed && i < limit) {
      skipLineFeed = false;
      if (buffer[i] == '\n') {
        start = ++i;
      }
    }
    for (; i < limit; i++) {
      byte b = buffer[i];
      if (b == '\n' || b == '\r') {
        lines.line(buffer, start, i);
        if (b == '\r') {
          if (i + 1 < limit) {
            if (buffer[i + 1] == '\n') {
              i++;
            }
          } else {
            skipLineFeed = true;
          }
        }
        start = i + 1;
      }
    }
    scanned = limit;
    if (eof && limit > start) {
      lines.line(buffer, start, limit);
      start = limit;
    }
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
