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
    try {
      Schema.Parser parser = new Schema.Parser();
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

  @Override
  public void writeJson(byte[] bytes, int offset, boolean framed, JsonGenerator out)
      throws IOException {
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
