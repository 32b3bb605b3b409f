package io.kafkit.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The cases of Apache's LineMessageReaderTest, on bytes. */
class LineParserTest {

  static ProducerRecord<byte[], byte[]> parse(String line, String... settings) {
    Map<String, String> props = new HashMap<>();
    for (int i = 0; i < settings.length; i += 2) {
      props.put(settings[i], settings[i + 1]);
    }
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return new LineParser("t", null, ReaderSettings.from(props)).parse(bytes, 0, bytes.length, 7);
  }

  static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void plainLineIsTheValue() {
    ProducerRecord<byte[], byte[]> r = parse("key\tvalue");
    assertNull(r.key());
    assertEquals("key\tvalue", text(r.value()));
    assertEquals(0, r.headers().toArray().length);
  }

  @Test
  void keyAndValue() {
    ProducerRecord<byte[], byte[]> r = parse("k1\tv1\tmore", "parse.key", "true");
    assertEquals("k1", text(r.key()));
    assertEquals("v1\tmore", text(r.value()));
  }

  @Test
  void headersKeyAndValue() {
    ProducerRecord<byte[], byte[]> r =
        parse("h1:v1,h2:\tkey-0\tvalue-0", "parse.key", "TRUE", "parse.headers", "true");
    Header[] headers = r.headers().toArray();
    assertEquals(2, headers.length);
    assertEquals("h1", headers[0].key());
    assertEquals("v1", text(headers[0].value()));
    assertEquals("h2", headers[1].key());
    assertEquals("", text(headers[1].value()));
    assertEquals("key-0", text(r.key()));
    assertEquals("value-0", text(r.value()));
  }

  @Test
  void headersSeparatorIsARegularExpression() {
    ProducerRecord<byte[], byte[]> r =
        parse("a:1|b:2\tv", "parse.headers", "true", "headers.separator", "\\|");
    assertEquals(2, r.headers().toArray().length);
    assertEquals("v", text(r.value()));
  }

  @Test
  void missingKeySeparatorIsApachesError() {
    LineException e = assertThrows(LineException.class, () -> parse("no-tab", "parse.key", "true"));
    assertEquals("No key separator found on line number 7: 'no-tab'", e.getMessage());
    assertEquals(7, e.lineNumber());
  }

  @Test
  void missingHeaderKeySeparatorIsApachesError() {
    LineException e =
        assertThrows(LineException.class, () -> parse("h1\tv", "parse.headers", "true"));
    assertEquals("No header key separator found in pair 'h1' on line number 7", e.getMessage());
  }

  @Test
  void ignoreErrorMakesMissingPartsNull() {
    ProducerRecord<byte[], byte[]> r =
        parse("plain", "parse.key", "true", "parse.headers", "true", "ignore.error", "true");
    assertNull(r.key());
    assertEquals("plain", text(r.value()));
    ProducerRecord<byte[], byte[]> h =
        parse("h1\tv", "parse.headers", "true", "ignore.error", "true");
    assertEquals("h1", h.headers().toArray()[0].key());
    assertNull(h.headers().toArray()[0].value());
  }

  @Test
  void nullMarkerMakesTombstonesAndNullHeaders() {
    ProducerRecord<byte[], byte[]> r =
        parse(
            "h1:<NULL>\tk\t<NULL>",
            "parse.key",
            "true",
            "parse.headers",
            "true",
            "null.marker",
            "<NULL>");
    assertEquals("k", text(r.key()));
    assertNull(r.value());
    assertNull(r.headers().lastHeader("h1").value());
    assertNull(parse("<NULL>\tv", "parse.key", "true", "null.marker", "<NULL>").key());
  }

  @Test
  void headerKeyEqualToNullMarkerIsRefused() {
    assertThrows(
        LineException.class, () -> parse("N:v\tx", "parse.headers", "true", "null.marker", "N"));
  }

  @Test
  void bytesThatAreNotUtf8ArriveUnchanged() {
    byte[] line = {'k', '\t', (byte) 0xff, (byte) 0xfe, 'x'};
    Map<String, String> props = Map.of("parse.key", "true");
    ProducerRecord<byte[], byte[]> r =
        new LineParser("t", 3, ReaderSettings.from(props)).parse(line, 0, line.length, 1);
    assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}, r.value());
    assertEquals(3, r.partition());
  }

  @Test
  void multiByteSeparators() {
    ProducerRecord<byte[], byte[]> r =
        parse("clé→valeur→x", "parse.key", "true", "key.separator", "→");
    assertEquals("clé", text(r.key()));
    assertEquals("valeur→x", text(r.value()));
  }

  @Test
  void conflictingSeparatorsAreRefusedAsApacheRefusesThem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReaderSettings.from(Map.of("headers.separator", ":")));
    assertEquals("headers.separator and headers.key.separator may not be equal", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ReaderSettings.from(Map.of("null.marker", "\t")));
  }
}
