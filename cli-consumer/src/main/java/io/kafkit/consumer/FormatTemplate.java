package io.kafkit.consumer;

import io.kafkit.common.output.ByteSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * {@code --format}: kcat's format strings, compiled once into a list of parts. {@code %t} topic,
 * {@code %p} partition, {@code %o} offset, {@code %k} key, {@code %s} value, {@code %T} timestamp
 * (ms), {@code %h} headers ({@code name=value,...}, a null value as NULL), {@code %K}/{@code %S}
 * key/value size in bytes (-1 for null), {@code %R} the value's size as a 4-byte big-endian int,
 * {@code %%} a percent sign; kcat's escapes (see {@link #escape}). A null key or value prints
 * nothing. Byte for byte what kcat prints.
 */
final class FormatTemplate implements RecordFormatter {
  static final String TOKENS =
      "%t topic, %p partition, %o offset, %k key, %s value, %T timestamp, %h headers,"
          + " %K key size, %S value size, %R value size as 4 big-endian bytes, %% percent;"
          + " escapes \\n \\t \\r \\\\ \\xHH \\DDD";

  private static final byte[] NULL = "NULL".getBytes(StandardCharsets.US_ASCII);

  private interface Part {
    void write(ConsumerRecord<byte[], byte[]> r, ByteSink out) throws IOException;
  }

  private final Part[] parts;

  private FormatTemplate(List<Part> parts) {
    this.parts = parts.toArray(new Part[0]);
  }

  /**
   * @throws IllegalArgumentException naming the bad token and where it is
   */
  static FormatTemplate compile(String format) {
    List<Part> parts = new ArrayList<>();
    ByteArrayOutputStream literal = new ByteArrayOutputStream();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '%' && i + 1 == format.length()) {
        throw new IllegalArgumentException("--format ends with a lone '%'; tokens: " + TOKENS);
      }
      if (c == '\\') {
        i = escape(format, i, literal);
        continue;
      }
      if (c != '%') {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < format.length()) {
          bytes = format.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        literal.writeBytes(bytes);
        continue;
      }
      char t = format.charAt(++i);
      if (t == '%') {
        literal.write('%');
        continue;
      }
      Part token = token(t, i - 1);
      if (literal.size() > 0) {
        byte[] bytes = literal.toByteArray();
        parts.add((r, out) -> out.write(bytes));
        literal.reset();
      }
      parts.add(token);
    }
    if (literal.size() > 0) {
      byte[] bytes = literal.toByteArray();
      parts.add((r, out) -> out.write(bytes));
    }
    return new FormatTemplate(parts);
  }

  /**
   * kcat's escapes, at {@code format[i]} (a backslash): \\n \\r \\t \\\\, {@code \\xHH...} (hex)
   * and {@code \\DDD} (decimal), each the low byte of its value; any other character stands for
   * itself, and a backslash at the end for a backslash.
   *
   * @return the index of the escape's last character
   */
  private static int escape(String format, int i, ByteArrayOutputStream literal) {
    if (i + 1 == format.length()) {
      literal.write('\\');
      return i;
    }
    char e = format.charAt(i + 1);
    int radix = e == 'x' ? 16 : e >= '0' && e <= '9' ? 10 : 0;
    if (radix == 0) {
      switch (e) {
        case 'n' -> literal.write('\n');
        case 't' -> literal.write('\t');
        case 'r' -> literal.write('\r');
        default -> literal.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
      }
      return i + 1;
    }
    int j = radix == 16 ? i + 2 : i + 1;
    int value = 0;
    while (j < format.length()
        && format.charAt(j) < 128
        && Character.digit(format.charAt(j), radix) >= 0) {
      value = (value * radix + Character.digit(format.charAt(j), radix)) & 0xffff;
      j++;
    }
    literal.write(value & 0xff);
    return j - 1;
  }

  private static Part token(char t, int position) {
    return switch (t) {
      case 't' -> (r, out) -> out.data(r.topic().getBytes(StandardCharsets.UTF_8));
      case 'p' -> (r, out) -> out.decimal(r.partition());
      case 'o' -> (r, out) -> out.decimal(r.offset());
      case 'T' -> (r, out) -> out.decimal(r.timestamp());
      case 'k' ->
          (r, out) -> {
            if (r.key() != null) {
              out.data(r.key());
            }
          };
      case 's' ->
          (r, out) -> {
            if (r.value() != null) {
              out.data(r.value());
            }
          };
      case 'K' -> (r, out) -> out.decimal(r.key() == null ? -1 : r.key().length);
      case 'S' -> (r, out) -> out.decimal(r.value() == null ? -1 : r.value().length);
      case 'R' ->
          (r, out) -> {
            int size = r.value() == null ? -1 : r.value().length;
            out.write(
                new byte[] {
                  (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size
                });
          };
      case 'h' -> FormatTemplate::headers;
      default ->
          throw new IllegalArgumentException(
              "Unknown token '%" + t + "' at position " + position + " of --format; " + TOKENS);
    };
  }

  private static void headers(ConsumerRecord<byte[], byte[]> r, ByteSink out) throws IOException {
    Iterator<Header> it = r.headers().iterator();
    while (it.hasNext()) {
      Header h = it.next();
      out.data(h.key().getBytes(StandardCharsets.UTF_8));
      out.write('=');
      if (h.value() != null) {
        out.data(h.value());
      } else {
        out.write(NULL);
      }
      if (it.hasNext()) {
        out.write(',');
      }
    }
  }

  @Override
  public void write(ConsumerRecord<byte[], byte[]> r, ByteSink out) throws IOException {
    for (Part part : parts) {
      part.write(r, out);
    }
  }
}
