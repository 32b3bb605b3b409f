package io.kafkit.consumer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of Apache's DefaultMessageFormatter ({@code --formatter-property}). Booleans are
 * "true" in any case; separators are taken literally, as Apache takes them (a real tab, not "\t").
 */
record FormatterSettings(
    boolean printTimestamp,
    boolean printPartition,
    boolean printOffset,
    boolean printDelivery,
    boolean printEpoch,
    boolean printHeaders,
    boolean printKey,
    boolean printValue,
    byte[] keySeparator,
    byte[] lineSeparator,
    byte[] headersSeparator,
    byte[] nullLiteral,
    Map<String, String> properties) {

  static FormatterSettings from(Map<String, String> properties) {
    return new FormatterSettings(
        flag(properties, "print.timestamp", false),
        flag(properties, "print.partition", false),
        flag(properties, "print.offset", false),
        flag(properties, "print.delivery", false),
        flag(properties, "print.epoch", false),
        flag(properties, "print.headers", false),
        flag(properties, "print.key", false),
        flag(properties, "print.value", true),
        bytes(properties, "key.separator", "\t"),
        bytes(properties, "line.separator", "\n"),
        bytes(properties, "headers.separator", ","),
        bytes(properties, "null.literal", "null"),
        Map.copyOf(properties));
  }

  /** The settings that start with {@code prefix.}, without it: a deserializer's own. */
  Map<String, String> withPrefix(String prefix) {
    Map<String, String> selected = new HashMap<>();
    properties.forEach(
        (k, v) -> {
          if (k.startsWith(prefix + ".") && k.length() > prefix.length() + 1) {
            selected.put(k.substring(prefix.length() + 1), v);
          }
        });
    return selected;
  }

  private static boolean flag(Map<String, String> properties, String key, boolean fallback) {
    String value = properties.get(key);
    return value == null ? fallback : value.trim().equalsIgnoreCase("true");
  }

  private static byte[] bytes(Map<String, String> properties, String key, String fallback) {
    return properties.getOrDefault(key, fallback).getBytes(StandardCharsets.UTF_8);
  }
}
