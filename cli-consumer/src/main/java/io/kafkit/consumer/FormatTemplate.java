package io.kafkit.consumer;

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
 * (ms), {@code %h} headers ({@code name=value,...}), {@code %K}/{@code %S} key/value size in bytes
 * (-1 for null), {@code %%} a percent sign; {@code \n \t \r \\} escapes. A null key or value prints
 * nothing.
 */
final class FormatTemplate implements RecordFormatter {
  static final String TOKENS =
      "%t topic, %p partition, %o offset, %k key, %s value, %T timestamp, %h headers,"
          + " %K key size, %S value size, %% percent; escapes \\n \\t \\r \\\\";

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
      if ((c == '%' || c == '\\') && i + 1 == format.length()) {
        throw new IllegalArgumentException(
            "--format ends with a lone '" + c + "'; tokens: " + TOKENS);
      }
      if (c == '\\') {
        char e = format.charAt(++i);
        switch (e) {
          case 'n' -> literal.write('\n');
          case 't' -> literal.write('\t');
          case 'r' -> literal.write('\r');
          case '\\' -> literal.write('\\');
          default ->
              throw new IllegalArgumentException(
                  "Unknown escape '\\"
                      + e
                      + "' at position "
                      + (i - 1)
                      + " of --format; "
                      + TOKENS);
        }
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
