package io.kafkit.common.schema;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kafkit.common.output.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a record's key or value into JSON text by its schema: {@code --key-format} and {@code
 * --value-format}. One decoder per side, used by one thread.
 */
public final class RecordDecoder implements AutoCloseable {
  /** The formats a side can be read as. */
  public enum Format {
    STRING,
    BYTES,
    AUTO,
    AVRO,
    PROTOBUF,
    JSON_SCHEMA;

    public static Format parse(String given) {
      try {
        return valueOf(given.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new SchemaException(
            "'"
                + given
                + "' is not a format: give auto, avro, protobuf, json-schema, string or bytes");
      }
    }

    SchemaType schemaType() {
      return switch (this) {
        case AVRO -> SchemaType.AVRO;
        case PROTOBUF -> SchemaType.PROTOBUF;
        case JSON_SCHEMA -> SchemaType.JSON;
        default -> null;
      };
    }
  }

  private static final JsonFactory FACTORY = Json.utf8Factory();

  private final Format format;
  private final SchemaCodecs codecs;
  private final SchemaCodec file;
  private final Bytes buffer = new Bytes();
  private JsonGenerator json;

  /**
   * @param file a schema file's codec: records are plain (not framed) data of that schema; or null
   */
  public RecordDecoder(Format format, SchemaCodecs codecs, SchemaCodec file) {
    this.format = format;
    this.codecs = codecs;
    this.file = file;
    resetGenerator();
  }

  @Override
  public void close() {
    if (codecs != null) {
      codecs.close();
    }
  }

  /** Whether this side is printed as it is. */
  public boolean passThrough() {
    return format == Format.STRING && file == null;
  }

  /**
   * The bytes as JSON text, hex text (bytes), or null to print them as they are.
   *
   * @return whether the result is JSON is told by {@link #isJson()}
   * @throws SchemaException when the bytes do not decode
   */
  public byte[] decode(byte[] bytes) {
    if (bytes == null || passThrough()) {
      return null;
    }
    if (format == Format.BYTES) {
      return HexFormat.of().formatHex(bytes).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
    try {
      buffer.reset();
      if (file != null) {
        file.writeJson(bytes, 0, false, json);
      } else if (Framing.isFramed(bytes)) {
        int id = Framing.schemaId(bytes);
        SchemaCodec codec = codecs.byId(id);
        SchemaType wanted = format.schemaType();
        if (wanted != null && codec.type() != wanted) {
          throw new SchemaException(
              "schema id " + id + " is " + codec.type().title() + ", not " + wanted.title());
        }
        codec.writeJson(bytes, Framing.HEADER_SIZE, true, json);
      } else if (format == Format.AUTO) {
        return null;
      } else {
        throw new SchemaException(
            "not in the registry's wire format (a zero byte, then a schema id)");
      }
      json.flush();
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new SchemaException("Cannot write JSON: " + e.getMessage(), e);
    } catch (SchemaException e) {
      resetGenerator();
      throw e;
    } catch (RuntimeException e) {
      resetGenerator();
      throw new SchemaException(e.toString(), e);
    }
  }

  /** Whether {@link #decode} returns JSON (else hex text, with --...-format bytes). */
  public boolean isJson() {
    return format != Format.BYTES;
  }

  /** A failed record may leave the generator inside an object: start a fresh one. */
  private void resetGenerator() {
    try {
      json = FACTORY.createGenerator(buffer, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.setRootValueSeparator(null);
  }
}
