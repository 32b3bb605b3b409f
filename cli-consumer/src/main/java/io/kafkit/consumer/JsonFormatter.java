package io.kafkit.consumer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kafkit.common.convert.Utf8;
import io.kafkit.common.output.ByteSink;
import io.kafkit.common.output.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * {@code --output json}: one object per line, fields in a fixed order: topic, partition, offset,
 * timestamp, timestampType, key, value, headers ({@code [{"key","value"}]}). A key, value or header
 * value that is not valid UTF-8 is written in base64 with {@code "keyEncoding"}, {@code
 * "valueEncoding"} or the header's {@code "valueEncoding"} set to "base64", so binary data never
 * corrupts the JSON; {@code console-producer --input-format json} reads these lines back.
 */
final class JsonFormatter implements RecordFormatter {
  private static final JsonFactory FACTORY = Json.utf8Factory();

  private JsonGenerator json;
  private ByteSink sink;

  @Override
  public void write(ConsumerRecord<byte[], byte[]> r, ByteSink out) throws IOException {
    if (sink != out) {
      json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      json.setRootValueSeparator(null); // lines end with '\n' alone, not "\n "
      sink = out;
    }
    json.writeStartObject();
    json.writeStringField("topic", r.topic());
    json.writeNumberField("partition", r.partition());
    json.writeNumberField("offset", r.offset());
    json.writeNumberField("timestamp", r.timestamp());
    json.writeStringField("timestampType", r.timestampType().name);
    if (r.deliveryCount().isPresent()) { // a share consumer's record: its delivery, from 1
      json.writeNumberField("deliveryCount", r.deliveryCount().get());
    }
    DecodedRecord decoded = r instanceof DecodedRecord d ? d : null;
    if (decoded != null && decoded.keyJson()) {
      jsonField("key", r.key());
    } else {
      bytesField("key", r.key());
    }
    if (decoded != null && decoded.valueJson()) {
      jsonField("value", r.value());
    } else {
      bytesField("value", r.value());
    }
    json.writeArrayFieldStart("headers");
    for (Header h : r.headers()) {
      json.writeStartObject();
      json.writeStringField("key", h.key());
      bytesField("value", h.value());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
    out.write('\n');
  }

  /** A key or value decoded by its schema: JSON text, written as the JSON value it is. */
  private void jsonField(String name, byte[] json) throws IOException {
    this.json.writeFieldName(name);
    this.json.writeRawValue(new String(json, StandardCharsets.UTF_8));
  }

  private void bytesField(String name, byte[] bytes) throws IOException {
    if (bytes == null) {
      json.writeNullField(name);
    } else if (Utf8.isValid(bytes)) {
      json.writeStringField(name, new String(bytes, StandardCharsets.UTF_8));
    } else {
      json.writeStringField(name, Base64.getEncoder().encodeToString(bytes));
      json.writeStringField(name + "Encoding", "base64");
    }
  }
}
