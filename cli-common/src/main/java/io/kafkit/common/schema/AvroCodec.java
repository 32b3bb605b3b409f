package io.kafkit.common.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/** Avro's binary encoding, with {@link AvroJson} for the JSON side. */
public final class AvroCodec implements SchemaCodec {
  private final Schema schema;
  private final String text;
  private final AvroWriter jsonWriter = new AvroWriter();
  private BinaryDecoder decoder;
  private BinaryEncoder encoder;
  private final AvroTranscoder transcoder = new AvroTranscoder();

  private AvroCodec(Schema schema, String text) {
    this.schema = schema;
    this.text = text;
  }

  /**
   * @throws SchemaException when the text is not an Avro schema
   */
  public static AvroCodec parse(String text) {
    return parse(text, java.util.List.of());
  }

  /**
   * @param referenced the texts of the schemas this one names types of (a registry's references),
   *     each after those it names itself
   */
  public static AvroCodec parse(String text, java.util.List<String> referenced) {
    return parse(text, referenced, true);
  }

  /**
   * @param validateDefaults whether a field's default must fit its type: for a new schema, as the
   *     registry checks it; not for one a registry holds, whose records must stay readable (as
   *     Confluent's deserializers read them)
   */
  static AvroCodec parse(String text, java.util.List<String> referenced, boolean validateDefaults) {
    try {
      Schema.Parser parser = new Schema.Parser().setValidateDefaults(validateDefaults);
      for (String r : referenced) {
        parser.parse(r); // its named types become known to the parser
      }
      return new AvroCodec(parser.parse(text), text);
    } catch (AvroRuntimeException e) {
      throw new SchemaException("Not an Avro schema: " + e.getMessage(), e);
    }
  }

  public Schema schema() {
    return schema;
  }

  @Override
  public SchemaType type() {
    return SchemaType.AVRO;
  }

  @Override
  public String text() {
    return text;
  }

  /**
   * Whether records of this schema are the bytes alone in Confluent's wire format: its serializers
   * write a top-level {@code "bytes"} schema's value without Avro's length before it.
   */
  private boolean rawBytes(boolean framed) {
    return framed && schema.getType() == Schema.Type.BYTES;
  }

  @Override
  public void writeJson(byte[] bytes, int offset, boolean framed, JsonGenerator out)
      throws IOException {
    if (rawBytes(framed)) {
      out.writeString(
          new String(
              bytes, offset, bytes.length - offset, java.nio.charset.StandardCharsets.ISO_8859_1));
      return;
    }
    decoder = DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, decoder);
    try {
      transcoder.transcode(schema, decoder, out);
      if (!decoder.isEnd()) {
        throw new SchemaException(
            decoder.inputStream().available()
                + " bytes follow the Avro record: not data of this schema");
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof SchemaException s) {
        throw s;
      }
      throw new SchemaException("Not Avro of this schema: " + describe(e), e);
    }
  }

  @Override
  public void encode(JsonNode value, boolean framed, OutputStream out) {
    if (rawBytes(framed)) {
      try {
        out.write(AvroJson.fromLatin1(value, Where.ROOT));
      } catch (IOException e) {
        throw new SchemaException("Cannot encode as Avro: " + describe(e), e);
      }
      return;
    }
    encoder = EncoderFactory.get().binaryEncoder(out, encoder);
    try {
      jsonWriter.write(value, schema, encoder, Where.ROOT);
      encoder.flush();
    } catch (IOException e) {
      encoder = null;
      throw new SchemaException("Cannot encode as Avro: " + describe(e), e);
    } catch (RuntimeException e) {
      encoder = null; // it may hold part of the refused value: the next one starts clean
      throw e;
    }
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    if (e instanceof java.io.EOFException || m == null) {
      return "the data ends early";
    }
    return m;
  }
}
