package io.kafkit.common.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void alignsColumnsAndLeavesTheLastUnpadded() {
    StringWriter text = new StringWriter();
    new Table("GROUP", "TOPIC", "LAG")
        .minWidths(0, 0, 0)
        .row("g", "orders", 10)
        .row("a-longer-group", "t", null)
        .print(new PrintWriter(text, true));
    assertEquals(
        "GROUP          TOPIC  LAG\n" + "g              orders 10\n" + "a-longer-group t      -\n",
        text.toString());
  }

  @Test
  void fixedColumnsOverflowAsPrintfDoes() {
    StringWriter text = new StringWriter();
    new Table("TOPIC", "PARTITION", "STATUS")
        .minWidths(15, 10, 15)
        .fixed(1, 2)
        .padLast("")
        .row("orders", 0, "Successful")
        .row("orders", 12345678901L, "Error: not found")
        .print(new PrintWriter(text, true));
    StringWriter printf = new StringWriter();
    PrintWriter expected = new PrintWriter(printf, true);
    String format = "%-15s %-10s %-15s%n";
    expected.printf(format, "TOPIC", "PARTITION", "STATUS");
    expected.printf(format, "orders", 0, "Successful");
    expected.printf(format, "orders", 12345678901L, "Error: not found");
    assertEquals(printf.toString(), text.toString());
  }

  @Test
  void aLineEndAfterThePaddedLastColumn() {
    StringWriter text = new StringWriter();
    new Table("A", "B")
        .minWidths(3, 4)
        .fixed(1)
        .padLast(" ")
        .row("x", "y")
        .print(new PrintWriter(text, true));
    assertEquals("A   B    \nx   y    \n", text.toString());
  }
}
