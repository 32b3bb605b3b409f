package io.kafkit.common.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One schema, ready to turn records into JSON and JSON into records. A codec is used by one thread.
 */
public interface SchemaCodec {
  SchemaType type();

  /**
   * Writes the record that starts at {@code offset} as one JSON value, to a generator of UTF-8
   * bytes (text is copied as bytes where it can be).
   *
   * @param framed whether the bytes are in Confluent's wire format (offset is then past the id):
   *     Protobuf records then carry their message's index before the payload
   * @throws SchemaException when the bytes do not decode
   */
  void writeJson(byte[] bytes, int offset, boolean framed, JsonGenerator out) throws IOException;

  /**
   * Encodes one JSON value, appending it to {@code out}.
   *
   * @param framed whether to write a Protobuf message index first (Confluent's wire format)
   * @throws SchemaException naming the field that does not fit the schema
   */
  void encode(JsonNode value, boolean framed, OutputStream out);

  /** The schema's text, as a registry holds it. */
  String text();
}
