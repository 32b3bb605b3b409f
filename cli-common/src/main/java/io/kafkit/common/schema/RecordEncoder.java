package io.kafkit.common.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Encodes a JSON key or value by its schema: in Confluent's wire format when the schema has a
 * registry id, else plain. Used by one thread.
 */
public final class RecordEncoder {
  private final SchemaCodec codec;
  private final Integer schemaId;
  private final Bytes buffer = new Bytes();

  /**
   * @param schemaId the registry's id of the schema, or null to write plain records
   */
  public RecordEncoder(SchemaCodec codec, Integer schemaId) {
    this.codec = codec;
    this.schemaId = schemaId;
  }

  public SchemaCodec codec() {
    return codec;
  }

  /** The registry's id, or null for plain records. */
  public Integer schemaId() {
    return schemaId;
  }

  /**
   * @throws SchemaException naming the field that does not fit the schema
   */
  public byte[] encode(JsonNode value) {
    buffer.reset();
    if (schemaId != null) {
      Framing.writeHeader(buffer, schemaId);
    }
    codec.encode(value, schemaId != null, buffer);
    return buffer.toByteArray();
  }
}
