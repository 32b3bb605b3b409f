package io.kafkit.producer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkit.common.schema.RecordEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code --input-format json}: one object per line, {@code {"key":..., "value":..., "headers":
 * {...}, "partition": N, "timestamp": ...}}. A string is sent as its UTF-8 bytes, a number as it
 * was written, any other JSON value as its compact JSON text, {@code null} as null. {@code
 * "keyEncoding"/"valueEncoding": "base64"} (as the console consumer's JSON output writes for binary
 * data) sends decoded bytes, so that output can be produced again as it is; its other fields
 * (topic, offset, timestampType) are ignored.
 */
final class JsonLineParser implements RecordParser {
  private static final Set<String> IGNORED = Set.of("topic", "offset", "timestampType");
  private static final Set<String> KNOWN =
      Set.of("key", "value", "headers", "partition", "timestamp", "keyEncoding", "valueEncoding");

  // A second object on the line, or anything else after the first, is an error, not dropped.
  private ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final String topic;
  private final Integer partition;
  private final boolean ignorePartitions;
  private RecordEncoder keySchema;
  private RecordEncoder valueSchema;

  JsonLineParser(String topic, Integer partition, boolean ignorePartitions) {
    this.topic = topic;
    this.partition = partition;
    this.ignorePartitions = ignorePartitions;
  }

  /** Encodes "key" and "value" (either encoder may be null) by their schemas. */
  JsonLineParser schemas(RecordEncoder key, RecordEncoder value) {
    this.keySchema = key;
    this.valueSchema = value;
    if (key != null || value != null) {
      // a schema's values keep their decimals as written (JSON Schema sends them on as text)
      mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
    return this;
  }

  @Override
  public ProducerRecord<byte[], byte[]> parse(byte[] line, int start, int end, long lineNumber) {
    JsonNode node;
    try {
      node = mapper.readTree(line, start, end - start);
    } catch (JsonProcessingException e) {
      throw new LineException(
          "Invalid JSON on line number " + lineNumber + ": " + e.getOriginalMessage(), lineNumber);
    } catch (IOException e) {
      throw new LineException("Cannot read line number " + lineNumber + ": " + e, lineNumber);
    }
    if (node == null || !node.isObject()) {
      throw new LineException(
          "Line number "
              + lineNumber
              + " is not a JSON object; --input-format json takes one object per line, such as"
              + " {\"key\":\"k\",\"value\":\"v\"}",
          lineNumber);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name) && !IGNORED.contains(name)) {
        throw new LineException(
            "Unknown field '"
                + name
                + "' on line number "
                + lineNumber
                + "; the fields are key, value, headers, partition, timestamp,"
                + " keyEncoding, valueEncoding",
            lineNumber);
      }
    }
    Fields fields = new Fields(node, lineNumber, line, start, end);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic,
            fields.partition(),
            fields.timestamp(),
            fields.bytes("key", "keyEncoding", keySchema),
            fields.bytes("value", "valueEncoding", valueSchema));
    fields.addHeaders(record);
    return record;
  }

  private final class Fields {
    private final JsonNode node;
    private final long lineNumber;
    private final byte[] line;
    private final int start;
    private final int end;

    Fields(JsonNode node, long lineNumber, byte[] line, int start, int end) {
      this.node = node;
      this.lineNumber = lineNumber;
      this.line = line;
      this.start = start;
      this.end = end;
    }

    /** A number as it was written (1.0e2 stays 1.0e2, 0.1000 keeps its zeros). */
    private String numberAsWritten(String field) {
      try (JsonParser p = mapper.getFactory().createParser(line, start, end - start)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals(field) && value != null && value.isNumeric()) {
            return p.getText();
          }
          p.skipChildren();
        }
      } catch (IOException e) {
        // it parsed once already; fall back to Jackson's rendering
      }
      return null;
    }

    Integer partition() {
      JsonNode p = node.get("partition");
      if (p == null || p.isNull() || ignorePartitions) {
        return partition;
      }
      if (!p.canConvertToInt() || !p.isIntegralNumber() || p.intValue() < 0) {
        throw invalid("partition", "a partition number (0 or more)");
      }
      return p.intValue();
    }

    Long timestamp() {
      JsonNode t = node.get("timestamp");
      if (t == null || t.isNull()) {
        return null;
      }
      if (t.isIntegralNumber() && t.canConvertToLong() && t.longValue() >= 0) {
        return t.longValue();
      }
      if (t.isTextual()) {
        try {
          return Instant.parse(t.textValue()).toEpochMilli();
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      throw invalid(
          "timestamp",
          "milliseconds since the epoch or an ISO-8601 instant (2026-01-31T12:00:00Z)");
    }

    byte[] bytes(String field, String encodingField, RecordEncoder schema) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (schema != null) {
        if (node.has(encodingField)) {
          throw invalid(
              encodingField,
              "no " + encodingField + ": the " + field + " is encoded by its schema");
        }
        return SchemaLineParser.encodeNode(schema, v, field, lineNumber);
      }
      String encoding = text(encodingField, "utf8");
      if (encoding.equals("base64")) {
        if (!v.isTextual()) {
          throw invalid(field, "a base64 string, as " + encodingField + " is base64");
        }
        try {
          return Base64.getDecoder().decode(v.textValue());
        } catch (IllegalArgumentException e) {
          throw invalid(field, "valid base64 (" + e.getMessage() + ")");
        }
      }
      if (!encoding.equals("utf8")) {
        throw invalid(encodingField, "'utf8' or 'base64'");
      }
      if (v.isTextual()) {
        return v.textValue().getBytes(StandardCharsets.UTF_8);
      }
      String number = v.isNumber() ? numberAsWritten(field) : null;
      return (number != null ? number : v.toString()).getBytes(StandardCharsets.UTF_8);
    }

    void addHeaders(ProducerRecord<byte[], byte[]> record) {
      JsonNode headers = node.get("headers");
      if (headers == null || headers.isNull()) {
        return;
      }
      if (headers.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> h = it.next();
          record.headers().add(h.getKey(), headerValue(h.getValue(), "utf8"));
        }
        return;
      }
      if (!headers.isArray()) {
        throw invalid("headers", "an object {\"name\":\"value\"} or a list of {\"key\",\"value\"}");
      }
      for (JsonNode h : headers) {
        JsonNode key = h.get("key");
        if (key == null || !key.isTextual()) {
          throw invalid("headers", "a list of objects with a string \"key\"");
        }
        JsonNode encoding = h.get("valueEncoding");
        record
            .headers()
            .add(
                key.textValue(),
                headerValue(h.get("value"), encoding == null ? "utf8" : encoding.asText()));
      }
    }

    private byte[] headerValue(JsonNode value, String encoding) {
      if (value == null || value.isNull()) {
        return null;
      }
      String text = value.isTextual() ? value.textValue() : value.toString();
      if (encoding.equals("base64")) {
        try {
          return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
          throw invalid("headers", "valid base64 (" + e.getMessage() + ")");
        }
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }

    private String text(String field, String fallback) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? fallback : v.asText();
    }

    private LineException invalid(String field, String expected) {
      return new LineException(
          "Invalid \"" + field + "\" on line number " + lineNumber + ": expected " + expected,
          lineNumber);
    }
  }
}
