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
      return withReferences(
          s.type(), "schema-" + id + ".proto", s.text(), null, s.references(), true);
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
    return withReferences(type, name, text, messageName, references, false);
  }

  /**
   * @param registered whether the registry holds this schema: an Avro schema's defaults are then
   *     not checked, as Confluent's deserializers do not check them, so that its records stay
   *     readable
   */
  private SchemaCodec withReferences(
      SchemaType type,
      String name,
      String text,
      String messageName,
      JsonNode references,
      boolean registered) {
    Map<String, String> referenced = resolve(references);
    return switch (type) {
      case AVRO -> AvroCodec.parse(text, new ArrayList<>(referenced.values()), !registered);
      case PROTOBUF -> {
        Map<String, FileDescriptor> files = new HashMap<>();
        for (Map.Entry<String, String> r : referenced.entrySet()) {
          files.put(r.getKey(), ProtoText.parse(r.getKey(), r.getValue(), files));
        }
        yield ProtobufCodec.parse(name, text, messageName, files);
      }
      case JSON -> JsonSchemaCodec.parse(text, referenced);
    };
  }

  /**
   * The schemas the references name, with theirs, however deep, as Confluent's serializers resolve
   * them: by reference name, the first met wins, each after those it refers to itself. A subject's
   * version is asked for once.
   */
  private Map<String, String> resolve(JsonNode references) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (references != null && references.size() > 0) {
      resolve(references, texts, new java.util.HashSet<>(), new HashMap<>());
    }
    return texts;
  }

  private void resolve(
      JsonNode references,
      Map<String, String> texts,
      java.util.Set<String> visited,
      Map<String, RegistryClient.RegisteredSchema> fetched) {
    if (references == null) {
      return;
    }
    for (JsonNode r : references) {
      String name = r.path("name").asText();
      if (!visited.add(name) || ProtoText.knows(name)) {
        continue; // protobuf's own files are protobuf-java's
      }
      String subject = r.path("subject").asText();
      String version = r.path("version").asText("latest");
      if (version.equals("-1")) {
        version = "latest"; // Confluent's word for it, which not every registry knows
      }
      String key = subject + "\u0000" + version;
      RegistryClient.RegisteredSchema s = fetched.get(key);
      if (s == null) {
        s = registry.version(subject, version);
        fetched.put(key, s);
      }
      resolve(s.references(), texts, visited, fetched);
      texts.put(name, s.text());
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
