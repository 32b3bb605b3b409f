package io.kafkit.producer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings of Apache's LineMessageReader ({@code --reader-property}), with its defaults and its
 * refusals of separators that would make a line ambiguous.
 */
record ReaderSettings(
    boolean parseKey,
    String keySeparator,
    boolean parseHeaders,
    String headersDelimiter,
    Pattern headersSeparator,
    String headersKeySeparator,
    boolean ignoreError,
    String nullMarker) {

  static final ReaderSettings DEFAULTS = from(Map.of());

  /**
   * Reads the settings as Apache's reader does: booleans are "true" in any case (anything else is
   * false), and unknown keys are ignored (a custom reader's settings do no harm).
   *
   * @throws IllegalArgumentException with Apache's message, when two separators are equal
   */
  static ReaderSettings from(Map<String, String> properties) {
    String keySeparator = properties.getOrDefault("key.separator", "\t");
    String headersDelimiter = properties.getOrDefault("headers.delimiter", "\t");
    String headersSeparator = properties.getOrDefault("headers.separator", ",");
    String headersKeySeparator = properties.getOrDefault("headers.key.separator", ":");
    String nullMarker = properties.get("null.marker");
    refuseEqual(headersDelimiter, "headers.delimiter", headersSeparator, "headers.separator");
    refuseEqual(
        headersDelimiter, "headers.delimiter", headersKeySeparator, "headers.key.separator");
    refuseEqual(
        headersSeparator, "headers.separator", headersKeySeparator, "headers.key.separator");
    refuseEqual(nullMarker, "null.marker", keySeparator, "key.separator");
    refuseEqual(nullMarker, "null.marker", headersSeparator, "headers.separator");
    refuseEqual(nullMarker, "null.marker", headersDelimiter, "headers.delimiter");
    refuseEqual(nullMarker, "null.marker", headersKeySeparator, "headers.key.separator");
    Pattern separatorPattern;
    try {
      separatorPattern = Pattern.compile(headersSeparator);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "headers.separator is a regular expression, and '"
              + headersSeparator
              + "' is not a valid one: "
              + e.getDescription());
    }
    return new ReaderSettings(
        flag(properties, "parse.key"),
        keySeparator,
        flag(properties, "parse.headers"),
        headersDelimiter,
        separatorPattern,
        headersKeySeparator,
        flag(properties, "ignore.error"),
        nullMarker);
  }

  byte[] nullMarkerBytes() {
    return nullMarker == null ? null : nullMarker.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean flag(Map<String, String> properties, String key) {
    String value = properties.get(key);
    return value != null && value.trim().equalsIgnoreCase("true");
  }

  private static void refuseEqual(String a, String aName, String b, String bName) {
    if (a != null && a.equals(b)) {
      throw new IllegalArgumentException(aName + " and " + bName + " may not be equal");
    }
  }
}
