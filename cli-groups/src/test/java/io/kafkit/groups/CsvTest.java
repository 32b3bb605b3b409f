package io.kafkit.groups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void rowsAreQuotedAsApachesJacksonWriterQuotesThem() {
    assertEquals("orders,0,42\n", Csv.line(new Csv.NoGroup("orders", 0, 42)));
    assertEquals(
        "\"billing, eu\",orders,1,7\n", Csv.line(new Csv.WithGroup("billing, eu", "orders", 1, 7)));
    assertEquals(
        "\"a-topic-name-longer-than-24\",2,3\n",
        Csv.line(new Csv.NoGroup("a-topic-name-longer-than-24", 2, 3)));
  }

  @Test
  void fieldsAreReadBackUnquoted() {
    assertArrayEquals(
        new String[] {"billing, eu", "orders", "1", "7"},
        Csv.fields(Csv.line(new Csv.WithGroup("billing, eu", "orders", 1, 7)).strip()));
    assertArrayEquals(new String[] {"a\"b", "0", "1"}, Csv.fields("\"a\"\"b\",0,1"));
  }
}
