package io.kafkit.common.output;

/** How a command prints structured data: Apache's text layout, or JSON. */
public enum OutputFormat {
  TEXT,
  JSON
}
