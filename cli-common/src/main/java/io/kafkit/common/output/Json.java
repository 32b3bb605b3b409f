package io.kafkit.common.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** JSON output. The mapper is built on first use, so text output never pays for Jackson. */
public final class Json {
  private Json() {}

  private static final class Holder {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private static final class Utf8Holder {
    static final JsonFactory FACTORY =
        JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
  }

  /**
   * The factory of the JSON that streams write as UTF-8 bytes (console-consumer's JSON lines,
   * decoded records, dump-log): a character beyond the Basic Multilingual Plane is written as
   * itself, as the documents of {@link #print} and the text outputs have it, not as two {@code \\u}
   * escapes of its surrogates.
   */
  public static JsonFactory utf8Factory() {
    return Utf8Holder.FACTORY;
  }

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /** One pretty-printed document, then a newline. */
  public static void print(Object view, PrintWriter out) {
    try {
      out.println(Holder.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(view));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One compact line, for JSON Lines streams. */
  public static String line(Object view) {
    try {
      return Holder.MAPPER.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
