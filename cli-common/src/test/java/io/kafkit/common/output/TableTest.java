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
}
