package io.kafkit.common.filter;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.header.Header;

/**
 * Which records a search keeps: kafkit's one filter syntax ({@code --filter-key}, {@code
 * --filter-value}, {@code --filter-header}, {@code --filter-json}).
 *
 * <p>Each clause is a regular expression found anywhere in a field, as grep finds it ({@code ^...$}
 * for the whole field); one that starts with {@code !} keeps what the rest does not match. Clauses
 * of different flags must all hold; clauses of the same flag, repeated, are alternatives. Fields
 * are matched as UTF-8 text, each byte that is not UTF-8 read as U+FFFD, which only {@code .}
 * matches. A null key or value matches no pattern (so a negated one keeps it). A value that is not
 * JSON matches no {@code --filter-json}, negated or not, without an error.
 */
public final class RecordFilter {
  // a value with anything after its JSON (`{"a":1} junk`) is not JSON
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final List<Clause> keys;
  private final List<Clause> values;
  private final List<HeaderClause> headers;
  private final List<JsonClause> json;

  private RecordFilter(
      List<Clause> keys, List<Clause> values, List<HeaderClause> headers, List<JsonClause> json) {
    this.keys = keys;
    this.values = values;
    this.headers = headers;
    this.json = json;
  }

  /** No clause: keeps every record. */
  public static RecordFilter none() {
    return new RecordFilter(List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Parses the flags' values.
   *
   * @throws IllegalArgumentException naming the flag and what is wrong, in one line
   */
  public static RecordFilter of(
      List<String> keys, List<String> values, List<String> headers, List<String> json) {
    List<Clause> k = new ArrayList<>();
    for (String p : keys) {
      k.add(Clause.parse("--filter-key", p));
    }
    List<Clause> v = new ArrayList<>();
    for (String p : values) {
      v.add(Clause.parse("--filter-value", p));
    }
    List<HeaderClause> h = new ArrayList<>();
    for (String p : headers) {
      h.add(HeaderClause.parse(p));
    }
    List<JsonClause> j = new ArrayList<>();
    for (String p : json) {
      j.add(JsonClause.parse(p));
    }
    return new RecordFilter(List.copyOf(k), List.copyOf(v), List.copyOf(h), List.copyOf(j));
  }

  /** Whether there is any clause: without one, every record is kept. */
  public boolean active() {
    return !keys.isEmpty() || !values.isEmpty() || !headers.isEmpty() || !json.isEmpty();
  }

  /** Whether a record with this key, value and headers is kept. */
  public boolean matches(byte[] key, byte[] value, Iterable<Header> recordHeaders) {
    if (!keys.isEmpty() && !any(keys, text(key))) {
      return false;
    }
    if (!values.isEmpty() && !any(values, text(value))) {
      return false;
    }
    if (!headers.isEmpty()) {
      boolean one = false;
      for (HeaderClause c : headers) {
        if (c.matches(recordHeaders)) {
          one = true;
          break;
        }
      }
      if (!one) {
        return false;
      }
    }
    if (!json.isEmpty()) {
      JsonNode tree = tree(value);
      if (tree == null) {
        return false;
      }
      for (JsonClause c : json) {
        if (c.matches(tree)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  private static boolean any(List<Clause> clauses, String text) {
    for (Clause c : clauses) {
      if (c.matches(text)) {
        return true;
      }
    }
    return false;
  }

  static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static JsonNode tree(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      JsonNode tree = JSON.readTree(value);
      // empty or blank bytes read as a missing node: not JSON either
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (IOException e) {
      return null;
    }
  }

  /** A pattern, perhaps negated; one matcher reused, as a search runs on one thread. */
  static final class Clause {
    private final boolean negated;
    private final Matcher matcher;

    private Clause(boolean negated, Pattern pattern) {
      this.negated = negated;
      this.matcher = pattern.matcher("");
    }

    static Clause parse(String flag, String text) {
      boolean negated = text.startsWith("!");
      String regex = negated ? text.substring(1) : text;
      try {
        return new Clause(negated, Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            flag
                + " '"
                + text
                + "' is not a valid regular expression: "
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + ".");
      }
    }

    /** Whether the text (null for a null field) is kept by this clause. */
    boolean matches(String text) {
      return find(text) != negated;
    }

    /** Whether the pattern, negation aside, is found in the text. */
    boolean find(String text) {
      return text != null && matcher.reset(text).find();
    }
  }

  /** {@code NAME} (present), {@code !NAME} (absent), {@code NAME=P} or {@code NAME=!P}. */
  static final class HeaderClause {
    private final String name;
    private final boolean absent;
    private final Clause value;

    private HeaderClause(String name, boolean absent, Clause value) {
      this.name = name;
      this.absent = absent;
      this.value = value;
    }

    static HeaderClause parse(String text) {
      int eq = text.indexOf('=');
      String name = eq < 0 ? text : text.substring(0, eq);
      if (eq >= 0 && name.startsWith("!")) {
        throw new IllegalArgumentException(
            "--filter-header '"
                + text
                + "': a header's absence is !NAME, alone; to keep records whose NAME has no value"
                + " matching, write NAME=!REGEX.");
      }
      boolean absent = eq < 0 && name.startsWith("!");
      if (absent) {
        name = name.substring(1);
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "--filter-header '"
                + text
                + "' names no header: give NAME (the header is there), !NAME (it is not),"
                + " or NAME=REGEX.");
      }
      Clause value = eq < 0 ? null : Clause.parse("--filter-header", text.substring(eq + 1));
      return new HeaderClause(name, absent, value);
    }

    boolean matches(Iterable<Header> headers) {
      if (value == null) {
        boolean present = false;
        for (Header h : headers) {
          if (h.key().equals(name)) {
            present = true;
            break;
          }
        }
        return present != absent;
      }
      // NAME=P: some header NAME has a value P finds; NAME=!P: none has
      boolean found = false;
      for (Header h : headers) {
        if (h.key().equals(name) && h.value() != null && value.find(text(h.value()))) {
          found = true;
          break;
        }
      }
      return found != value.negated;
    }
  }

  /** {@code /json/pointer=P}: a field of a JSON value. */
  static final class JsonClause {
    private final JsonPointer pointer;
    private final Clause value;

    private JsonClause(JsonPointer pointer, Clause value) {
      this.pointer = pointer;
      this.value = value;
    }

    static JsonClause parse(String text) {
      if (!text.startsWith("/")) {
        throw new IllegalArgumentException(
            "--filter-json '"
                + text
                + "' does not start with a JSON Pointer: give /field/subfield=REGEX, such as"
                + " /order/id=^4711$.");
      }
      int eq = text.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "--filter-json '" + text + "' has no '=REGEX': give /field/subfield=REGEX.");
      }
      JsonPointer pointer;
      try {
        pointer = JsonPointer.compile(text.substring(0, eq));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--filter-json '" + text + "' is not a valid JSON Pointer: " + e.getMessage() + ".");
      }
      return new JsonClause(pointer, Clause.parse("--filter-json", text.substring(eq + 1)));
    }

    /**
     * A string field as its text, a number, boolean or null as JSON writes it, an object or array
     * as its compact JSON; a missing field matches no pattern.
     */
    boolean matches(JsonNode tree) {
      JsonNode field = tree.at(pointer);
      String text =
          field.isMissingNode()
              ? null
              : field.isTextual()
                  ? field.textValue()
                  : field.isValueNode() ? field.asText() : field.toString();
      return value.matches(text);
    }
  }
}
