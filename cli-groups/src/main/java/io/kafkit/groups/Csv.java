package io.kafkit.groups;

import java.util.ArrayList;
import java.util.List;

/** The CSV of --export and --from-file, quoted where Apache's (Jackson's) writer quotes. */
final class Csv {
  private Csv() {}

  /** Quoted if longer than 24 characters or holding a character below '-' (space, comma...). */
  static String quote(String value) {
    boolean quote = value.length() > 24;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c < '-' || c == '"';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  static String[] fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields.toArray(new String[0]);
  }
}
