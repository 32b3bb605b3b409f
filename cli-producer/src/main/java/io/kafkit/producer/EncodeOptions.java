package io.kafkit.producer;

import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.schema.ProtobufCodec;
import io.kafkit.common.schema.RecordEncoder;
import io.kafkit.common.schema.RegistryClient;
import io.kafkit.common.schema.RegistrySettings;
import io.kafkit.common.schema.SchemaCodec;
import io.kafkit.common.schema.SchemaCodecs;
import io.kafkit.common.schema.SchemaException;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The schema options: each line's key or value, JSON, encoded as Avro, Protobuf or JSON Schema, in
 * Confluent's wire format with a registry's schema id, or plain with a schema file alone.
 */
final class EncodeOptions {
  @Option(
      names = "--schema-registry",
      paramLabel = "URL",
      description =
          "The schema registry (Confluent's REST API: Confluent, Apicurio's /apis/ccompat/v7,"
              + " Karapace, Redpanda); also schema.registry.url in the client properties.")
  String registry;

  @Option(
      names = "--value-schema-id",
      paramLabel = "ID",
      description = "Encode each value (JSON) with the registry's schema of this id.")
  Integer valueId;

  @Option(
      names = "--value-schema-subject",
      paramLabel = "SUBJECT",
      description =
          "Encode each value with this subject's latest schema; with --value-schema-file, the"
              + " subject the file is looked up or registered under (default TOPIC-value).")
  String valueSubject;

  @Option(
      names = "--value-schema-file",
      paramLabel = "FILE",
      description =
          "Encode each value with this schema: .avsc, .proto (FILE#Message for a message other"
              + " than the first) or .json. With a registry it must be registered (see --register);"
              + " without one, values are written plain, without the registry's framing.")
  String valueFile;

  @Option(
      names = "--value-schema-message",
      paramLabel = "MESSAGE",
      description =
          "With a Protobuf schema (by id, subject or file), the message each value is: its full"
              + " or simple name (default: the schema's first message).")
  String valueMessage;

  @Option(
      names = "--key-schema-id",
      paramLabel = "ID",
      description = "Encode each key with the registry's schema of this id.")
  Integer keyId;

  @Option(
      names = "--key-schema-subject",
      paramLabel = "SUBJECT",
      description = "As --value-schema-subject, for keys (default TOPIC-key).")
  String keySubject;

  @Option(
      names = "--key-schema-file",
      paramLabel = "FILE",
      description = "As --value-schema-file, for keys.")
  String keyFile;

  @Option(
      names = "--key-schema-message",
      paramLabel = "MESSAGE",
      description = "As --value-schema-message, for keys.")
  String keyMessage;

  @Option(
      names = "--register",
      description = "Register the schema files under their subjects first (kept if already there).")
  boolean register;

  /** The key's and value's encoders; either may be null. */
  record Encoders(RecordEncoder key, RecordEncoder value) {
    boolean any() {
      return key != null || value != null;
    }
  }

  /**
   * Reads the schema files and asks the registry for ids and schemas.
   *
   * @throws IllegalArgumentException a usage error
   * @throws KafkitException the registry refused or cannot be reached
   */
  Encoders encoders(String topic, Properties clientProperties) {
    boolean any =
        valueId != null
            || valueSubject != null
            || valueFile != null
            || keyId != null
            || keySubject != null
            || keyFile != null;
    checkMessage("key", keyMessage, keyId, keySubject, keyFile);
    checkMessage("value", valueMessage, valueId, valueSubject, valueFile);
    if (!any) {
      if (register) {
        throw new IllegalArgumentException(
            "--register registers a schema file: give --value-schema-file or --key-schema-file.");
      }
      return new Encoders(null, null);
    }
    boolean named = RegistrySettings.named(registry, clientProperties);
    SchemaCodecs codecs = null;
    if (named) {
      try {
        codecs =
            new SchemaCodecs(new RegistryClient(RegistrySettings.from(registry, clientProperties)));
      } catch (SchemaException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    } else if (register) {
      throw new IllegalArgumentException(
          "--register needs a registry: give --schema-registry URL (or schema.registry.url).");
    }
    try {
      return new Encoders(
          message(
              "key", keyMessage, side("key", keyId, keySubject, keyFile, topic + "-key", codecs)),
          message(
              "value",
              valueMessage,
              side("value", valueId, valueSubject, valueFile, topic + "-value", codecs)));
    } finally {
      if (codecs != null) {
        codecs.close(); // every schema is fetched: the registry is not asked again
      }
    }
  }

  private RecordEncoder side(
      String side,
      Integer id,
      String subject,
      String file,
      String defaultSubject,
      SchemaCodecs codecs) {
    if (id == null && subject == null && file == null) {
      return null;
    }
    if (id != null && (subject != null || file != null)) {
      throw new IllegalArgumentException(
          "--"
              + side
              + "-schema-id names the schema: give it without --"
              + side
              + "-schema-subject or --"
              + side
              + "-schema-file.");
    }
    if (codecs == null && file == null) {
      throw new IllegalArgumentException(
          "--"
              + side
              + "-schema-"
              + (id != null ? "id" : "subject")
              + " reads the schema from a registry: give --schema-registry URL (or"
              + " schema.registry.url in the client properties).");
    }
    try {
      if (id != null) {
        return new RecordEncoder(codecs.byId(id), id);
      }
      if (file == null) {
        RegistryClient.RegisteredSchema s = codecs.registry().version(subject, "latest");
        return new RecordEncoder(codecs.byId(s.id()), s.id());
      }
      SchemaCodec codec = fileCodec(side, file);
      if (codecs == null) {
        return new RecordEncoder(codec, null);
      }
      String under = subject != null ? subject : defaultSubject;
      int schemaId;
      if (register) {
        schemaId = codecs.registry().register(under, codec.type(), codec.text());
      } else {
        try {
          schemaId = codecs.registry().lookup(under, codec.type(), codec.text());
        } catch (RegistryClient.RegistryException e) {
          if (e.status() == 404) {
            throw new KafkitException(
                file
                    + " is not registered under subject '"
                    + under
                    + "': add --register to register it (the registry said: "
                    + e.getMessage().replace("The schema registry refused: ", "")
                    + ").");
          }
          throw e;
        }
      }
      return new RecordEncoder(codec, schemaId);
    } catch (RegistryClient.RegistryException e) {
      throw new KafkitException(
          "--"
              + side
              + "-schema-"
              + (id != null
                  ? "id " + id
                  : subject != null && file == null ? "subject " + subject : "file " + file)
              + ": "
              + e.getMessage());
    } catch (SchemaException e) {
      throw new KafkitException(e.getMessage());
    }
  }

  private static void checkMessage(
      String side, String message, Integer id, String subject, String file) {
    if (message == null) {
      return;
    }
    if (id == null && subject == null && file == null) {
      throw new IllegalArgumentException(
          "--"
              + side
              + "-schema-message picks a message of the "
              + side
              + "'s Protobuf schema: give --"
              + side
              + "-schema-id, --"
              + side
              + "-schema-subject or --"
              + side
              + "-schema-file too.");
    }
    if (file != null && file.contains("#")) {
      throw new IllegalArgumentException(
          "--"
              + side
              + "-schema-file "
              + file
              + " names its message already: leave --"
              + side
              + "-schema-message out.");
    }
  }

  /** The encoder of the message picked, for a Protobuf schema. */
  private static RecordEncoder message(String side, String message, RecordEncoder encoder) {
    if (message == null || encoder == null) {
      return encoder;
    }
    if (!(encoder.codec() instanceof ProtobufCodec proto)) {
      throw new IllegalArgumentException(
          "--"
              + side
              + "-schema-message picks a message of a Protobuf schema; the "
              + side
              + "'s schema is "
              + encoder.codec().type().title()
              + ".");
    }
    try {
      return new RecordEncoder(proto.choose(message), encoder.schemaId());
    } catch (SchemaException e) {
      throw new IllegalArgumentException("--" + side + "-schema-message: " + e.getMessage());
    }
  }

  private static SchemaCodec fileCodec(String side, String file) {
    try {
      return SchemaCodecs.fromFile(file);
    } catch (SchemaException e) {
      throw new IllegalArgumentException("--" + side + "-schema-file: " + e.getMessage());
    }
  }
}
