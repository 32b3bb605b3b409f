package io.kafkit.groups;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The CSV of --export and --from-file, through jackson-dataformat-csv as Apache's tool writes it
 * (its CsvUtils: a schema per row type, no header), so quoting is Apache's byte for byte. Loaded
 * only by those two options.
 */
final class Csv {
  private Csv() {}

  /** A row of a plan for one group. */
  @JsonPropertyOrder({"topic", "partition", "offset"})
  record NoGroup(String topic, int partition, long offset) {}

  /** A row of a plan for several groups. */
  @JsonPropertyOrder({"group", "topic", "partition", "offset"})
  record WithGroup(String group, String topic, int partition, long offset) {}

  private static final class Holder {
    static final CsvMapper MAPPER = new CsvMapper();
    static final ObjectWriter NO_GROUP =
        MAPPER.writer(MAPPER.schemaFor(NoGroup.class).withoutHeader());
    static final ObjectWriter WITH_GROUP =
        MAPPER.writer(MAPPER.schemaFor(WithGroup.class).withoutHeader());
  }

  /** One row, with its line end. */
  static String line(Object row) {
    ObjectWriter writer = row instanceof WithGroup ? Holder.WITH_GROUP : Holder.NO_GROUP;
    try {
      return writer.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fields of one line, unquoted. */
  static String[] fields(String line) {
    try (MappingIterator<String[]> rows =
        Holder.MAPPER
            .readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(line)) {
      return rows.hasNext() ? rows.next() : new String[0];
    } catch (IOException | RuntimeException e) {
      return new String[0]; // the caller names the line as malformed
    }
  }
}
