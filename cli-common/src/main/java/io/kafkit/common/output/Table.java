package io.kafkit.common.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned columns as Apache's tools print them: each column left-aligned and as wide as its widest
 * cell (or a minimum width), one space between columns, the last column not padded.
 */
public final class Table {
  private final String[] headers;
  private final int[] minWidths;
  private final List<String[]> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = headers.clone();
    this.minWidths = new int[headers.length];
  }

  /** Sets minimum column widths, as Apache's {@code %-15s} formats do. */
  public Table minWidths(int... widths) {
    System.arraycopy(widths, 0, minWidths, 0, Math.min(widths.length, minWidths.length));
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

  private static void printRow(String[] cells, int[] widths, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(cells[i]);
      if (i < cells.length - 1) {
        line.append(" ".repeat(widths[i] - cells[i].length() + 1));
      }
    }
    out.println(line);
  }
}
