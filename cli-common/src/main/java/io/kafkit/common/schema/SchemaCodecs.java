package io.kafkit.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    try {
      return withReferences(s.type(), "schema-" + id + ".proto", s.text(), null, s.references());
    } catch (RegistryClient.RegistryException | RegistryClient.UnreachableException e) {
      throw e;
    } catch (SchemaException e) {
      throw new SchemaException("schema id " + id + ": " + e.getMessage(), e);
    }
  }

  /**
   * The codec of a schema that refers to registered ones: each reference an object of {@code name},
   * {@code subject} and {@code version}, as the registry's API has them; fetched from the registry,
   * with theirs, as deep as they go.
   *
   * @param name a .proto schema's file name
   * @param messageName a .proto schema's message to encode, or null for its first
   */
  public SchemaCodec withReferences(
      SchemaType type, String name, String text, String messageName, JsonNode references) {
    return switch (type) {
      case AVRO -> {
        List<String> referenced = new ArrayList<>();
        avroReferences(references, referenced, 0);
        yield AvroCodec.parse(text, referenced);
      }
      case PROTOBUF -> {
        Map<String, FileDescriptor> resolved = new HashMap<>();
        protoReferences(references, resolved, 0);
        yield ProtobufCodec.parse(name, text, messageName, resolved);
      }
      case JSON -> {
        Map<String, String> referenced = new LinkedHashMap<>();
        jsonReferences(references, referenced, 0);
        yield JsonSchemaCodec.parse(text, referenced);
      }
    };
  }

  private static final int MAX_DEPTH = 16;

  private static boolean hasReferences(JsonNode references) {
    return references != null && references.size() > 0;
  }

  /** The referenced Avro schemas' texts, each after those it refers to itself. */
  private void avroReferences(JsonNode references, List<String> texts, int depth) {
    if (!hasReferences(references)) {
      return;
    }
    checkDepth(depth);
    for (JsonNode r : references) {
      RegistryClient.RegisteredSchema s = referenced(r);
      avroReferences(s.references(), texts, depth + 1);
      if (!texts.contains(s.text())) {
        texts.add(s.text());
      }
    }
  }

  /** The referenced .proto files, by the names the importing file gives them. */
  private void protoReferences(JsonNode references, Map<String, FileDescriptor> files, int depth) {
    if (!hasReferences(references)) {
      return;
    }
    checkDepth(depth);
    for (JsonNode r : references) {
      String name = r.path("name").asText();
      if (files.containsKey(name) || ProtoText.knows(name)) {
        continue; // Google's well-known types are protobuf-java's own
      }
      RegistryClient.RegisteredSchema s = referenced(r);
      Map<String, FileDescriptor> own = new HashMap<>();
      protoReferences(s.references(), own, depth + 1);
      files.putAll(own);
      files.put(name, ProtoText.parse(name, s.text(), own));
    }
  }

  /** The referenced JSON Schemas' texts, by the names the referring schemas' $refs give them. */
  private void jsonReferences(JsonNode references, Map<String, String> texts, int depth) {
    if (!hasReferences(references)) {
      return;
    }
    checkDepth(depth);
    for (JsonNode r : references) {
      String name = r.path("name").asText();
      if (texts.containsKey(name)) {
        continue;
      }
      RegistryClient.RegisteredSchema s = referenced(r);
      texts.put(name, s.text());
      jsonReferences(s.references(), texts, depth + 1);
    }
  }

  private RegistryClient.RegisteredSchema referenced(JsonNode r) {
    String subject = r.path("subject").asText();
    String version = r.path("version").asText("latest");
    return registry.version(subject, version);
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new SchemaException("its references go more than " + MAX_DEPTH + " deep (a cycle?)");
    }
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
    SchemaFile f = readFile(given);
    try {
      return of(f.type(), f.name(), f.text(), f.message());
    } catch (SchemaException e) {
      throw new SchemaException(f.path() + ": " + e.getMessage(), e);
    }
  }

  /** A schema file as read, not yet parsed. */
  public record SchemaFile(
      String path, SchemaType type, String name, String text, String message) {}

  /** Reads a schema file: {@code .avsc}, {@code .proto} or {@code .json}, {@code FILE#Message}. */
  public static SchemaFile readFile(String given) {
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
    return new SchemaFile(file, type, Path.of(file).getFileName().toString(), text, message);
  }
}
