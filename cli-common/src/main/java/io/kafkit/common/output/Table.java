package io.kafkit.common.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned columns as Apache's tools print them: each column left-aligned and as wide as its widest
 * cell (or a minimum width), one space between columns, the last column not padded. Apache's printf
 * layouts have a few more rules, which a table can be told: columns of a fixed width that a longer
 * cell overflows instead of widening ({@code %-10s}), a padded last column, and a line end.
 */
public final class Table {
  private final String[] headers;
  private final int[] minWidths;
  private final boolean[] fixed;
  private final List<String[]> rows = new ArrayList<>();
  private boolean padLast;
  private String lineEnd = "";
  private String separator = " ";

  public Table(String... headers) {
    this.headers = headers.clone();
    this.minWidths = new int[headers.length];
    this.fixed = new boolean[headers.length];
  }

  /** Sets minimum column widths, as Apache's {@code %-15s} formats do. */
  public Table minWidths(int... widths) {
    System.arraycopy(widths, 0, minWidths, 0, Math.min(widths.length, minWidths.length));
    return this;
  }

  /**
   * Columns that keep their minimum width whatever their cells, as printf's {@code %-10s}: a longer
   * cell pushes the rest of its own line right.
   */
  public Table fixed(int... columns) {
    for (int column : columns) {
      fixed[column] = true;
    }
    return this;
  }

  /** Pads the last column too, and ends every line with {@code end} before its line separator. */
  public Table padLast(String end) {
    this.padLast = true;
    this.lineEnd = end;
    return this;
  }

  /**
   * Separates columns with this instead of a space: Apache's ToolsUtils.prettyPrintTable pads every
   * cell and follows each with a tab ({@code separator("\t").padLast("\t")}).
   */
  public Table separator(String separator) {
    this.separator = separator;
    return this;
  }

  public Table row(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + headers.length + " columns");
    }
    rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toArray(String[]::new));
    return this;
  }

  public int size() {
    return rows.size();
  }

  public void print(PrintWriter out) {
    int[] widths = minWidths.clone();
    for (int i = 0; i < headers.length; i++) {
      if (fixed[i]) {
        continue;
      }
      widths[i] = Math.max(widths[i], headers[i].length());
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    printRow(headers, widths, out);
    for (String[] row : rows) {
      printRow(row, widths, out);
    }
  }

  private void printRow(String[] cells, int[] widths, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    int last = cells.length - 1;
    for (int i = 0; i <= last; i++) {
      line.append(cells[i]);
      if (i < last || padLast) {
        line.append(" ".repeat(Math.max(0, widths[i] - cells[i].length())));
      }
      if (i < last) {
        line.append(separator);
      }
    }
    out.println(line.append(lineEnd));
  }
}
