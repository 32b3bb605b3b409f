package io.kafkit.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class JsonLineParserTest {
  static ProducerRecord<byte[], byte[]> parse(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return new JsonLineParser("t", null, false).parse(b, 0, b.length, 4);
  }

  static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void everyField() {
    ProducerRecord<byte[], byte[]> r =
        parse(
            "{\"key\":\"k\",\"value\":{\"n\":1},\"headers\":{\"h\":\"v\",\"z\":null},"
                + "\"partition\":2,\"timestamp\":\"2026-01-31T12:00:00Z\"}");
    assertEquals("k", text(r.key()));
    assertEquals("{\"n\":1}", text(r.value()));
    assertEquals("v", text(r.headers().lastHeader("h").value()));
    assertNull(r.headers().lastHeader("z").value());
    assertEquals(2, r.partition());
    assertEquals(1769860800000L, r.timestamp());
  }

  @Test
  void nullsAndBase64AndHeaderLists() {
    ProducerRecord<byte[], byte[]> r =
        parse(
            "{\"key\":null,\"value\":\"//4=\",\"valueEncoding\":\"base64\","
                + "\"headers\":[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"a\",\"value\":\"2\"}],"
                + "\"topic\":\"ignored\",\"offset\":5,\"timestamp\":17}");
    assertNull(r.key());
    assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xfe}, r.value());
    assertEquals(2, r.headers().toArray().length);
    assertEquals(17L, r.timestamp());
  }

  @Test
  void numbersAreSentAsWritten() {
    assertEquals("1.0e2", text(parse("{\"value\": 1.0e2, \"key\": 0.1000}").value()));
    assertEquals("0.1000", text(parse("{\"value\": 1.0e2, \"key\": 0.1000}").key()));
    assertEquals("-7", text(parse("{\"value\":-7}").value()));
  }

  @Test
  void anythingAfterTheObjectIsAnErrorNotDropped() {
    for (String line :
        new String[] {
          "{\"value\":\"a\"}{\"value\":\"b\"}",
          "{\"value\":\"c\"} trailing garbage",
          "{\"value\":\"d\"},{\"value\":\"e\"}"
        }) {
      assertTrue(
          assertThrows(LineException.class, () -> parse(line))
              .getMessage()
              .startsWith("Invalid JSON on line number 4"),
          line);
    }
    assertEquals("x", text(parse("{\"value\":\"x\"}   ").value()), "trailing spaces are fine");
  }

  @Test
  void badLinesSayWhatIsWrong() {
    assertTrue(
        assertThrows(LineException.class, () -> parse("{\"value\": "))
            .getMessage()
            .startsWith("Invalid JSON on line number 4"));
    assertTrue(
        assertThrows(LineException.class, () -> parse("[1]"))
            .getMessage()
            .contains("is not a JSON object"));
    assertTrue(
        assertThrows(LineException.class, () -> parse("{\"vaule\":1}"))
            .getMessage()
            .startsWith("Unknown field 'vaule' on line number 4"));
    assertTrue(
        assertThrows(LineException.class, () -> parse("{\"partition\":\"x\"}"))
            .getMessage()
            .startsWith("Invalid \"partition\" on line number 4"));
  }
}
