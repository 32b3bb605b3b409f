package io.kafkit.common.schema;

import java.util.Locale;

/** The schema languages a Confluent-compatible registry holds, by the registry's names. */
public enum SchemaType {
  AVRO("Avro"),
  PROTOBUF("Protobuf"),
  JSON("JSON Schema");

  private final String title;

  SchemaType(String title) {
    this.title = title;
  }

  /** As people write it: Avro, Protobuf, JSON Schema. */
  public String title() {
    return title;
  }

  /** The registry's {@code schemaType}: absent (or null) means AVRO. */
  public static SchemaType fromRegistry(String schemaType) {
    if (schemaType == null || schemaType.isEmpty()) {
      return AVRO;
    }
    try {
      return valueOf(schemaType.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SchemaException("The registry names an unknown schema type '" + schemaType + "'");
    }
  }

  /** A schema file's type, from its name: .avsc, .proto, .json. */
  public static SchemaType fromFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".avsc")) {
      return AVRO;
    }
    if (n.endsWith(".proto")) {
      return PROTOBUF;
    }
    if (n.endsWith(".json")) {
      return JSON;
    }
    throw new SchemaException(
        "Cannot tell the schema type of "
            + name
            + ": name it .avsc (Avro), .proto (Protobuf) or .json (JSON Schema)");
  }
}
