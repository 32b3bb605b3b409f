package io.kafkit.consumer;

import io.kafkit.common.schema.RecordDecoder;
import io.kafkit.common.schema.RecordDecoder.Format;
import io.kafkit.common.schema.RegistrySettings;
import io.kafkit.common.schema.SchemaCodec;
import io.kafkit.common.schema.SchemaCodecs;
import io.kafkit.common.schema.SchemaException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --key-format}, {@code --value-format}, {@code --schema-registry} and the schema files:
 * records in Avro, Protobuf or JSON Schema, decoded to JSON before they are filtered and printed.
 */
final class DecodeOptions {
  @Option(
      names = "--value-format",
      paramLabel = "FORMAT",
      description =
          "How to read values: auto (the registry's wire format when a record has it, else as they"
              + " are; the default with a registry), avro, protobuf, json-schema, string (as they"
              + " are; the default without), bytes (hex).")
  String valueFormat;

  @Option(
      names = "--key-format",
      paramLabel = "FORMAT",
      description = "How to read keys: as --value-format.")
  String keyFormat;

  @Option(
      names = "--schema-registry",
      paramLabel = "URL",
      description =
          "The schema registry (Confluent's REST API: Confluent, Apicurio's /apis/ccompat/v7,"
              + " Karapace, Redpanda); also schema.registry.url in the client properties.")
  String registry;

  @Option(
      names = "--value-schema-file",
      paramLabel = "FILE",
      description =
          "Read values as plain (unframed) data of this schema: .avsc (Avro) or .proto"
              + " (Protobuf; FILE#Message for a message other than the first).")
  String valueSchemaFile;

  @Option(
      names = "--key-schema-file",
      paramLabel = "FILE",
      description = "Read keys as plain data of this schema, as --value-schema-file.")
  String keySchemaFile;

  @Option(
      names = "--stop-on-decode-error",
      description =
          "Stop (exit 1) at a record that does not decode; without it, such a record is printed"
              + " in hex with a note on stderr.")
  boolean stopOnError;

  /** Whether any record format was asked for. */
  boolean active(Properties clientProperties) {
    return valueFormat != null
        || keyFormat != null
        || valueSchemaFile != null
        || keySchemaFile != null
        || RegistrySettings.named(registry, clientProperties);
  }

  /**
   * The decoding this run asks for, or null to print records as they are. Checks the flags and
   * reads schema files; the registry is asked only when a record names a schema.
   *
   * @throws IllegalArgumentException a usage error
   * @throws SchemaException a schema file that cannot be read
   */
  RecordDecoding decoding(Properties clientProperties) {
    if (!active(clientProperties)) {
      return null;
    }
    boolean named = RegistrySettings.named(registry, clientProperties);
    SchemaCodecs codecs = null;
    if (named) {
      RegistrySettings settings = settings(clientProperties);
      codecs = new SchemaCodecs(new io.kafkit.common.schema.RegistryClient(settings));
    }
    try {
      RecordDecoder key = side("key", keyFormat, keySchemaFile, named, codecs);
      RecordDecoder value = side("value", valueFormat, valueSchemaFile, named, codecs);
      if (!key.passThrough() || !value.passThrough()) {
        return new RecordDecoding(key, value, stopOnError);
      }
    } catch (RuntimeException e) {
      close(codecs);
      throw e;
    }
    close(codecs);
    return null;
  }

  /** As {@link #decoding(Properties)}, a mistake in the options a usage error of the command. */
  RecordDecoding decoding(Properties clientProperties, CommandLine commandLine) {
    try {
      return decoding(clientProperties);
    } catch (IllegalArgumentException | SchemaException e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
  }

  private static void close(SchemaCodecs codecs) {
    if (codecs != null) {
      codecs.close();
    }
  }

  private RegistrySettings settings(Properties clientProperties) {
    try {
      return RegistrySettings.from(registry, clientProperties);
    } catch (SchemaException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private static RecordDecoder side(
      String side, String given, String file, boolean registryNamed, SchemaCodecs codecs) {
    Format format;
    try {
      format = given != null ? Format.parse(given) : registryNamed ? Format.AUTO : Format.STRING;
    } catch (SchemaException e) {
      throw new IllegalArgumentException("--" + side + "-format: " + e.getMessage());
    }
    if (file != null) {
      if (given != null && (format == Format.STRING || format == Format.BYTES)) {
        throw new IllegalArgumentException(
            "--"
                + side
                + "-schema-file decodes "
                + side
                + "s: give it or --"
                + side
                + "-format "
                + given
                + ", not both.");
      }
      SchemaCodec codec = SchemaCodecs.fromFile(file);
      return new RecordDecoder(given == null ? Format.AUTO : format, codecs, codec);
    }
    if (!registryNamed && format != Format.STRING && format != Format.BYTES) {
      throw new IllegalArgumentException(
          "--"
              + side
              + "-format "
              + given
              + " reads schemas from a registry: give --schema-registry URL (or"
              + " schema.registry.url in the client properties), or --"
              + side
              + "-schema-file for plain records.");
    }
    return new RecordDecoder(format, codecs, null);
  }
}
