package io.kafkit.common.convert;

import java.util.Map;

/**
 * {@code key=value} as Apache's tools read it: split at the first {@code =}, a missing value is the
 * empty string, and the value kept as it is, spaces included ({@code key.separator= | }).
 */
public final class KeyValue {
  private KeyValue() {}

  public static Map.Entry<String, String> parse(String text) {
    int eq = text.indexOf('=');
    String key = (eq < 0 ? text : text.substring(0, eq)).trim();
    if (key.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not a property: write it as key=value");
    }
    return Map.entry(key, eq < 0 ? "" : text.substring(eq + 1));
  }
}
