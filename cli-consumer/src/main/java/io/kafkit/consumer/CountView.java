package io.kafkit.consumer;

import io.kafkit.common.output.Json;
import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * --count's answer: the number of records that matched; with --verbose a table of what each
 * partition read and matched above it; with --output json one document with both.
 */
record CountView(long matched, long read, List<PartitionCount> partitions) {
  record PartitionCount(String topic, int partition, long read, long matched) {}

  static CountView of(SearchTally tally) {
    List<PartitionCount> partitions = new ArrayList<>();
    tally
        .byPartition()
        .forEach(
            (tp, counts) ->
                partitions.add(
                    new PartitionCount(tp.topic(), tp.partition(), counts[0], counts[1])));
    return new CountView(tally.kept(), tally.read(), partitions);
  }

  byte[] render(boolean verbose, boolean json) {
    if (json) {
      try {
        return (Json.mapper().writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    if (verbose) {
      Table table = new Table("TOPIC", "PARTITION", "READ", "MATCHED");
      partitions.forEach(p -> table.row(p.topic(), p.partition(), p.read(), p.matched()));
      table.print(out);
    }
    out.println(matched);
    out.flush();
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
