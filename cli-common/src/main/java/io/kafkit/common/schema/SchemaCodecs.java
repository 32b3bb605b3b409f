package io.kafkit.common.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Codecs made from schema text, from files, or from a registry by id (each id once per run). */
public final class SchemaCodecs implements AutoCloseable {
  private final RegistryClient registry;
  private final Map<Integer, SchemaCodec> byId = new HashMap<>();
  private final Map<Integer, SchemaException> failed = new HashMap<>();

  /**
   * @param registry null without a registry
   */
  public SchemaCodecs(RegistryClient registry) {
    this.registry = registry;
  }

  public RegistryClient registry() {
    return registry;
  }

  /** Lets the registry client go; codecs fetched already stay usable. */
  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }

  /** The codec of a registered schema. */
  public SchemaCodec byId(int id) {
    SchemaCodec codec = byId.get(id);
    if (codec == null) {
      SchemaException before = failed.get(id);
      if (before != null) {
        throw before; // asked once: an unknown id or a bad schema is not asked for again
      }
      try {
        codec = fetch(id);
      } catch (RegistryClient.UnreachableException e) {
        throw e;
      } catch (RegistryClient.RegistryException e) {
        if (e.status() != 404) {
          throw e; // the registry failed, not the record: nothing is remembered
        }
        failed.put(id, e);
        throw e;
      } catch (SchemaException e) {
        failed.put(id, e);
        throw e;
      }
      byId.put(id, codec);
    }
    return codec;
  }

  private SchemaCodec fetch(int id) {
    if (registry == null) {
      throw new SchemaException("the record names schema id " + id + ", and no registry is given");
    }
    RegistryClient.RegisteredSchema s = registry.schemaById(id);
    if (s.references() != null && !onlyWellKnown(s.references())) {
      throw new SchemaException(
          "schema id " + id + " refers to other schemas, which kafkit does not resolve yet");
    }
    try {
      return of(s.type(), "schema-" + id + ".proto", s.text(), null);
    } catch (SchemaException e) {
      throw new SchemaException("schema id " + id + ": " + e.getMessage(), e);
    }
  }

  /** References that name only Google's well-known types, which kafkit resolves itself. */
  private static boolean onlyWellKnown(com.fasterxml.jackson.databind.JsonNode references) {
    for (com.fasterxml.jackson.databind.JsonNode r : references) {
      if (!ProtoText.knows(r.path("name").asText())) {
        return false;
      }
    }
    return true;
  }

  public static SchemaCodec of(SchemaType type, String name, String text, String messageName) {
    return switch (type) {
      case AVRO -> AvroCodec.parse(text);
      case PROTOBUF -> ProtobufCodec.parse(name, text, messageName);
      case JSON -> JsonSchemaCodec.parse(text);
    };
  }

  /**
   * A schema file: {@code .avsc}, {@code .proto} or {@code .json}; {@code FILE#Message} picks a
   * .proto file's message (else its first).
   */
  public static SchemaCodec fromFile(String given) {
    String file = given;
    String message = null;
    int hash = given.lastIndexOf('#');
    if (hash > 0
        && given.substring(0, hash).toLowerCase(java.util.Locale.ROOT).endsWith(".proto")) {
      file = given.substring(0, hash);
      message = given.substring(hash + 1);
    }
    SchemaType type = SchemaType.fromFileName(file);
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SchemaException("The schema file " + file + " does not exist");
    } catch (IOException e) {
      throw new SchemaException("Cannot read the schema file " + file + ": " + e.getMessage());
    }
    try {
      return of(type, Path.of(file).getFileName().toString(), text, message);
    } catch (SchemaException e) {
      throw new SchemaException(file + ": " + e.getMessage(), e);
    }
  }
}
