package io.kafkit.producer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns one line into a record exactly as Apache's LineMessageReader does ({@code
 * h1:v1,h2:v2<TAB>key<TAB>value}), but on the line's bytes: keys and values are never decoded, so
 * bytes that are not UTF-8 arrive in Kafka unchanged instead of as U+FFFD. Separators are found by
 * their UTF-8 bytes, which for UTF-8 text splits where Apache's {@code String.indexOf} splits.
 */
final class LineParser implements RecordParser {
  private final String topic;
  private final Integer partition;
  private final ReaderSettings settings;
  private final byte[] keySeparator;
  private final byte[] headersDelimiter;
  private final byte[] nullMarker;

  LineParser(String topic, Integer partition, ReaderSettings settings) {
    this.topic = topic;
    this.partition = partition;
    this.settings = settings;
    this.keySeparator = settings.keySeparator().getBytes(StandardCharsets.UTF_8);
    this.headersDelimiter = settings.headersDelimiter().getBytes(StandardCharsets.UTF_8);
    this.nullMarker = settings.nullMarkerBytes();
  }

  @Override
  public ProducerRecord<byte[], byte[]> parse(byte[] line, int start, int end, long lineNumber) {
    int pos = start;
    int headersEnd = -1;
    if (settings.parseHeaders()) {
      headersEnd = find(line, start, pos, end, headersDelimiter, "headers delimiter", lineNumber);
      if (headersEnd >= 0) {
        pos = headersEnd + headersDelimiter.length;
      }
    }
    byte[] key = null;
    if (settings.parseKey()) {
      int keyEnd = find(line, start, pos, end, keySeparator, "key separator", lineNumber);
      if (keyEnd >= 0) {
        key = field(line, pos, keyEnd);
        pos = keyEnd + keySeparator.length;
      }
    }
    byte[] value = field(line, pos, end);
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, key, value);
    if (headersEnd >= 0 && !isNullMarker(line, start, headersEnd)) {
      addHeaders(
          record, new String(line, start, headersEnd - start, StandardCharsets.UTF_8), lineNumber);
    }
    return record;
  }

  private int find(
      byte[] line, int start, int from, int end, byte[] separator, String name, long lineNumber) {
    int index = indexOf(line, from, end, separator);
    if (index < 0 && !settings.ignoreError()) {
      throw new LineException(
          "No "
              + name
              + " found on line number "
              + lineNumber
              + ": '"
              + text(line, start, end)
              + "'",
          lineNumber);
    }
    return index;
  }

  private void addHeaders(ProducerRecord<byte[], byte[]> record, String headers, long lineNumber) {
    String keySeparator = settings.headersKeySeparator();
    for (String pair : settings.headersSeparator().split(headers)) {
      int i = pair.indexOf(keySeparator);
      if (i < 0) {
        if (!settings.ignoreError()) {
          throw new LineException(
              "No header key separator found in pair '" + pair + "' on line number " + lineNumber,
              lineNumber);
        }
        record.headers().add(pair, null);
        continue;
      }
      String headerKey = pair.substring(0, i);
      if (headerKey.equals(settings.nullMarker())) {
        throw new LineException(
            "Header keys should not be equal to the null marker '"
                + settings.nullMarker()
                + "' as they can't be null (line number "
                + lineNumber
                + ")",
            lineNumber);
      }
      String headerValue = pair.substring(i + keySeparator.length());
      record
          .headers()
          .add(
              headerKey,
              headerValue.equals(settings.nullMarker())
                  ? null
                  : headerValue.getBytes(StandardCharsets.UTF_8));
    }
  }

  private byte[] field(byte[] line, int from, int to) {
    return isNullMarker(line, from, to) ? null : Arrays.copyOfRange(line, from, to);
  }

  private boolean isNullMarker(byte[] line, int from, int to) {
    return nullMarker != null && Arrays.equals(line, from, to, nullMarker, 0, nullMarker.length);
  }

  static int indexOf(byte[] line, int from, int end, byte[] separator) {
    if (separator.length == 0) {
      return from;
    }
    byte first = separator[0];
    int last = end - separator.length;
    for (int i = from; i <= last; i++) {
      if (line[i] == first
          && Arrays.equals(line, i, i + separator.length, separator, 0, separator.length)) {
        return i;
      }
    }
    return -1;
  }

  private static String text(byte[] line, int from, int end) {
    return new String(line, from, end - from, StandardCharsets.UTF_8);
  }
}
