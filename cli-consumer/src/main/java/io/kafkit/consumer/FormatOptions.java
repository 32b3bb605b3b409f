package io.kafkit.consumer;

import io.kafkit.common.convert.KeyValue;
import io.kafkit.common.convert.PropertiesFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** How records are printed: Apache's formatter options, and kcat's format strings. */
final class FormatOptions {
  static final String DEFAULT_FORMATTER = "org.apache.kafka.tools.consumer.DefaultMessageFormatter";
  private static final Set<String> DEFAULT_NAMES =
      Set.of(DEFAULT_FORMATTER, "kafka.tools.DefaultMessageFormatter", "DefaultMessageFormatter");
  private static final Set<String> LOGGING_NAMES =
      Set.of(
          "org.apache.kafka.tools.consumer.LoggingMessageFormatter",
          "kafka.tools.LoggingMessageFormatter",
          "LoggingMessageFormatter");
  private static final Set<String> NO_OP_NAMES =
      Set.of(
          "org.apache.kafka.tools.consumer.NoOpMessageFormatter",
          "kafka.tools.NoOpMessageFormatter",
          "NoOpMessageFormatter");

  @Option(
      names = "--formatter",
      paramLabel = "CLASS",
      description =
          "Apache's formatter by class name: DefaultMessageFormatter (default),"
              + " LoggingMessageFormatter, NoOpMessageFormatter.")
  String formatter = DEFAULT_FORMATTER;

  @Option(
      names = "--formatter-property",
      paramLabel = "KEY=VALUE",
      description = {
        "A formatter setting; repeatable: print.timestamp, print.key, print.offset,"
            + " print.partition, print.headers, print.delivery, print.epoch, print.value (true),"
            + " key.separator (tab), line.separator (newline), headers.separator (,),"
            + " null.literal (null), key.deserializer, value.deserializer, headers.deserializer."
      })
  List<String> properties = new ArrayList<>();

  @Option(names = "--property", hidden = true)
  List<String> legacyProperties = new ArrayList<>();

  @Option(
      names = "--formatter-config",
      paramLabel = "FILE",
      description = "A properties file of formatter settings (--formatter-property wins).")
  Path config;

  @Option(
      names = "--key-deserializer",
      paramLabel = "CLASS",
      description =
          "Print keys through this deserializer (its toString()), e.g."
              + " org.apache.kafka.common.serialization.LongDeserializer.")
  String keyDeserializer;

  @Option(
      names = "--value-deserializer",
      paramLabel = "CLASS",
      description = "Print values through this deserializer.")
  String valueDeserializer;

  @Option(
      names = "--format",
      paramLabel = "STRING",
      description = {
        // picocli formats descriptions: each % of the tokens is doubled here
        "Print each record as this kcat-style format string, e.g. '%%k=%%s (p%%p@%%o)\\n':",
        "%%t topic, %%p partition, %%o offset, %%k key, %%s value, %%T timestamp, %%h headers,"
            + " %%K key size, %%S value size, %%R value size as 4 big-endian bytes, %%%% percent;"
            + " escapes as kcat's: \\n \\t \\r \\\\ \\xHH (hex) \\DDD (decimal)."
      })
  String format;

  @Option(
      names = "--skip-message-on-error",
      description = "Skip a record that cannot be formatted, instead of stopping.")
  boolean skipOnError;

  /**
   * The formatter the options ask for.
   *
   * @param json whether --output json was given
   * @throws IllegalArgumentException when the options do not make a formatter
   */
  RecordFormatter build(boolean json) {
    if (format != null && json) {
      throw new IllegalArgumentException("--format and --output json cannot be used together.");
    }
    if ((format != null || json) && !DEFAULT_NAMES.contains(formatter)) {
      throw new IllegalArgumentException(
          (json ? "--output json" : "--format") + " cannot be used with --formatter.");
    }
    if (format != null) {
      return FormatTemplate.compile(format);
    }
    if (json) {
      return new JsonFormatter();
    }
    FormatterSettings settings = FormatterSettings.from(settings());
    if (NO_OP_NAMES.contains(formatter)) {
      return (r, out) -> {};
    }
    DefaultFormatter defaultFormatter =
        new DefaultFormatter(settings, Deserializers.from(settings));
    if (LOGGING_NAMES.contains(formatter)) {
      return new LoggingFormatter(defaultFormatter);
    }
    if (DEFAULT_NAMES.contains(formatter)) {
      return defaultFormatter;
    }
    throw new IllegalArgumentException(
        "Unknown --formatter "
            + formatter
            + ": kafkit has Apache's DefaultMessageFormatter, LoggingMessageFormatter and"
            + " NoOpMessageFormatter (kafkit loads no classes); --format and --output json print"
            + " other layouts.");
  }

  private Map<String, String> settings() {
    // As in Apache, a formatter setting wins over --key-deserializer/--value-deserializer.
    Map<String, String> merged = new LinkedHashMap<>();
    if (keyDeserializer != null) {
      merged.put("key.deserializer", keyDeserializer);
    }
    if (valueDeserializer != null) {
      merged.put("value.deserializer", valueDeserializer);
    }
    if (config != null) {
      merged.putAll(PropertiesFiles.readMap(config));
    }
    for (String keyValue : legacyAndNew()) {
      Map.Entry<String, String> e = KeyValue.parse(keyValue);
      merged.put(e.getKey(), e.getValue());
    }
    return merged;
  }

  private List<String> legacyAndNew() {
    List<String> all = new ArrayList<>(legacyProperties);
    all.addAll(properties);
    return all;
  }
}
