package io.kafkit.common.schema;

/**
 * Where in a JSON value a codec is, as a JSON pointer ({@code /items/2/price}), spelt out only when
 * an error names it: a value that fits costs no string.
 */
final class Where {
  static final Where ROOT = new Where(null, null, -1);

  private final Where parent;
  private final String name;
  private final int index;

  private Where(Where parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  Where child(String field) {
    return new Where(this, field, -1);
  }

  Where child(int position) {
    return new Where(this, null, position);
  }

  boolean isRoot() {
    return parent == null;
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    return parent + "/" + (name != null ? name : Integer.toString(index));
  }
}
