package io.kafkit.common.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Record bytes shown on a terminal: every tool that prints keys and values (the console consumer,
 * dump-log's --print-data-log) writes them through here when standard output is a terminal, so a
 * key or value cannot move the cursor, change colours or retitle the window. To a pipe they go raw.
 */
public final class ControlBytes {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private ControlBytes() {}

  /**
   * Writes {@code b[offset, offset + length)} with the C0 controls, DEL and the C1 controls
   * (U+0080-U+009F in UTF-8, such as the one-byte CSI) written as {@code \xHH}.
   */
  public static void writeEscaped(byte[] b, int offset, int length, OutputStream out)
      throws IOException {
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      int c = b[i] & 0xff;
      if (c < 0x20 || c == 0x7f) {
        escape(c, out);
      } else if (c == 0xc2
          && i + 1 < end
          && (b[i + 1] & 0xff) >= 0x80
          && (b[i + 1] & 0xff) <= 0x9f) {
        escape(b[++i] & 0xff, out);
      } else {
        out.write(c);
      }
    }
  }

  private static void escape(int c, OutputStream out) throws IOException {
    out.write('\\');
    out.write('x');
    out.write(HEX[c >> 4]);
    out.write(HEX[c & 0xf]);
  }
}
