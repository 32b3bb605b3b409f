package io.kafkit.producer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Turns one line into a record exactly as Apache's LineMessageReader does ({@code
 * h1:v1,h2:v2<TAB>key<TAB>value}), but on the line's bytes: keys and values are never decoded, so
 * bytes that are not UTF-8 arrive in Kafka unchanged instead of as U+FFFD. Separators are found by
 * their UTF-8 bytes, which for UTF-8 text splits where Apache's {@code String.indexOf} splits.
 */
final class LineParser implements RecordParser {
  private static final Header[] NO_HEADERS = new Header[0];

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

  /**
   * The line's parts, as Apache's LineMessageReader splits them, copied into a record. No lambda on
   * the way: a capturing lambda made per line costs a call into the VM on C1 (the pipe's compiler),
   * which cannot inline the allocation its method handle makes.
   */
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
    int keyStart = 0;
    int keyLength = -1;
    if (settings.parseKey()) {
      int keyEnd = find(line, start, pos, end, keySeparator, "key separator", lineNumber);
      if (keyEnd >= 0) {
        if (!isNullMarker(line, pos, keyEnd)) {
          keyStart = pos;
          keyLength = keyEnd - pos;
        }
        pos = keyEnd + keySeparator.length;
      }
    }
    boolean nullValue = isNullMarker(line, pos, end);
    Header[] headers = NO_HEADERS;
    if (headersEnd >= 0 && !isNullMarker(line, start, headersEnd)) {
      headers =
          headers(new String(line, start, headersEnd - start, StandardCharsets.UTF_8), lineNumber);
    }
    return new ProducerRecord<>(
        topic,
        partition,
        null,
        keyLength < 0 ? null : Arrays.copyOfRange(line, keyStart, keyStart + keyLength),
        nullValue ? null : Arrays.copyOfRange(line, pos, end),
        headers.length == 0 ? null : java.util.List.of(headers));
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

  private Header[] headers(String headers, long lineNumber) {
    java.util.List<Header> parsed = new java.util.ArrayList<>();
    String keySeparator = settings.headersKeySeparator();
    for (String pair : settings.headersSeparator().split(headers)) {
      int i = pair.indexOf(keySeparator);
      if (i < 0) {
        if (!settings.ignoreError()) {
          throw new LineException(
              "No header key separator found in pair '" + pair + "' on line number " + lineNumber,
              lineNumber);
        }
        parsed.add(new RecordHeader(pair, (byte[]) null));
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
      parsed.add(
          new RecordHeader(
              headerKey,
              headerValue.equals(settings.nullMarker())
                  ? null
                  : headerValue.getBytes(StandardCharsets.UTF_8)));
    }
    return parsed.toArray(NO_HEADERS);
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
