package io.kafkit.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkit.common.schema.RecordEncoder;
import io.kafkit.common.schema.SchemaException;
import java.io.IOException;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Text lines whose key or value is JSON, encoded by a schema: the line is split as Apache's reader
 * splits it, then each encoded part is read as one JSON value.
 */
final class SchemaLineParser implements RecordParser {
  private final ObjectMapper mapper =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS); // decimals as written
  private final RecordParser lines;
  private final RecordEncoder key;
  private final RecordEncoder value;

  SchemaLineParser(RecordParser lines, RecordEncoder key, RecordEncoder value) {
    this.lines = lines;
    this.key = key;
    this.value = value;
  }

  @Override
  public ProducerRecord<byte[], byte[]> parse(byte[] line, int start, int end, long lineNumber) {
    ProducerRecord<byte[], byte[]> r = lines.parse(line, start, end, lineNumber);
    return new ProducerRecord<>(
        r.topic(),
        r.partition(),
        r.timestamp(),
        encode(key, r.key(), "key", lineNumber),
        encode(value, r.value(), "value", lineNumber),
        r.headers());
  }

  private byte[] encode(RecordEncoder encoder, byte[] text, String side, long lineNumber) {
    if (encoder == null || text == null) {
      return text;
    }
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new LineException(
          "The "
              + side
              + " on line number "
              + lineNumber
              + " is not JSON: "
              + e.getOriginalMessage(),
          lineNumber);
    } catch (IOException e) {
      throw new LineException("Cannot read line number " + lineNumber + ": " + e, lineNumber);
    }
    if (node == null || node.isMissingNode()) {
      throw new LineException(
          "The " + side + " on line number " + lineNumber + " is empty, not JSON", lineNumber);
    }
    return encodeNode(encoder, node, side, lineNumber);
  }

  /** One JSON value by its schema; a value that does not fit names its line and field. */
  static byte[] encodeNode(RecordEncoder encoder, JsonNode node, String side, long lineNumber) {
    try {
      return encoder.encode(node);
    } catch (SchemaException e) {
      throw new LineException(
          "The "
              + side
              + " on line number "
              + lineNumber
              + " does not fit its "
              + encoder.codec().type().title()
              + " schema: "
              + e.getMessage(),
          lineNumber);
    }
  }
}
