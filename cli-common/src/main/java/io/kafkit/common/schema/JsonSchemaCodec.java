package io.kafkit.common.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema: the record is JSON text. Records are checked to be JSON when read; values are
 * validated against the schema (draft 7 unless it names another with {@code $schema}) before they
 * are written.
 */
public final class JsonSchemaCodec implements SchemaCodec {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final String text;
  private final Schema schema;

  private JsonSchemaCodec(String text, Schema schema) {
    this.text = text;
    this.schema = schema;
  }

  /**
   * @throws SchemaException when the text is not a JSON Schema
   */
  public static JsonSchemaCodec parse(String text) {
    return parse(text, Map.of());
  }

  /**
   * @param referenced the schemas it refers to, by the names its {@code $ref}s give them (a
   *     registry's references); a {@code $ref} resolved against an {@code $id} finds its schema by
   *     the name's ending
   * @throws SchemaException when the text is not a JSON Schema
   */
  public static JsonSchemaCodec parse(String text, Map<String, String> referenced) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SchemaException("Not a JSON Schema: " + e.getOriginalMessage(), e);
    }
    if (node == null || !(node.isObject() || node.isBoolean())) {
      throw new SchemaException("Not a JSON Schema: it is not a JSON object");
    }
    try {
      Schema schema =
          SchemaRegistry.withDefaultDialect(
                  SpecificationVersion.DRAFT_7, b -> b.schemas(iri -> find(referenced, iri)))
              .getSchema(node);
      schema.initializeValidators();
      return new JsonSchemaCodec(text, schema);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.io.FileNotFoundException missing) {
          // networknt's word for a $ref it may not fetch: it fetches no files and no URLs
          throw new SchemaException(
              "Not a valid JSON Schema: it refers to "
                  + missing.getMessage()
                  + ", which is not among its references (kafkit reads no files and no URLs for a"
                  + " schema)",
              e);
        }
      }
      throw new SchemaException("Not a valid JSON Schema: " + e.getMessage(), e);
    }
  }

  private static String find(Map<String, String> referenced, String iri) {
    String text = referenced.get(iri);
    if (text != null) {
      return text;
    }
    for (Map.Entry<String, String> e : referenced.entrySet()) {
      if (iri.endsWith("/" + e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public SchemaType type() {
    return SchemaType.JSON;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public void writeJson(byte[] bytes, int offset, boolean framed, JsonGenerator out)
      throws IOException {
    try (JsonParser p = FACTORY.createParser(bytes, offset, bytes.length - offset)) {
      if (p.nextToken() == null) {
        throw new SchemaException("Not JSON: the record is empty");
      }
      out.copyCurrentStructureExact(p); // decimals as written, not through a double
      if (p.nextToken() != null) {
        throw new SchemaException("Not JSON: text follows the value");
      }
    } catch (JsonProcessingException e) {
      throw new SchemaException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public void encode(JsonNode value, boolean framed, OutputStream out) {
    List<Error> errors = schema.validate(value);
    if (!errors.isEmpty()) {
      Error first = errors.get(0);
      String where = first.getInstanceLocation().toString();
      throw new SchemaException(
          (where.isEmpty() || where.equals("$") ? "" : where + ": ")
              + first.getMessage()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }
    try {
      MAPPER.writeValue(out, value);
    } catch (IOException e) {
      throw new SchemaException("Cannot write JSON: " + e.getMessage(), e);
    }
  }
}
