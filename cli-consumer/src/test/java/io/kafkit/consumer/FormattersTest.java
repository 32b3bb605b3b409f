package io.kafkit.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.convert.Utf8;
import io.kafkit.common.output.ByteSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class FormattersTest {
  static ConsumerRecord<byte[], byte[]> record(String key, byte[] value, String... headers) {
    RecordHeaders h = new RecordHeaders();
    for (int i = 0; i < headers.length; i += 2) {
      h.add(
          headers[i],
          headers[i + 1] == null ? null : headers[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return new ConsumerRecord<>(
        "golden",
        0,
        42,
        1795376711294L,
        TimestampType.CREATE_TIME,
        -1,
        value == null ? -1 : value.length,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value,
        h,
        Optional.empty());
  }

  static ConsumerRecord<byte[], byte[]> record(String key, String value, String... headers) {
    return record(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers);
  }

  static String print(RecordFormatter f, ConsumerRecord<byte[], byte[]> r, boolean terminal)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteSink sink = new ByteSink(bytes, 16, terminal);
    f.write(r, sink);
    sink.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static String apache(ConsumerRecord<byte[], byte[]> r, String... props) throws IOException {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < props.length; i += 2) {
      map.put(props[i], props[i + 1]);
    }
    FormatterSettings s = FormatterSettings.from(map);
    return print(new DefaultFormatter(s, Deserializers.from(s)), r, false);
  }

  @Test
  void everyFieldAsTheGoldenFile() throws IOException {
    // ../shared/golden/console-consumer-print-all.txt (Apache 4.3.1)
    String[] all = {
      "print.key",
      "true",
      "print.timestamp",
      "true",
      "print.partition",
      "true",
      "print.offset",
      "true",
      "print.headers",
      "true"
    };
    assertEquals(
        "CreateTime:1795376711294\tPartition:0\tOffset:42\th1:v1,h2:\tkey-2\tvalue-2\n",
        apache(record("key-2", "value-2", "h1", "v1", "h2", ""), all));
    assertEquals(
        "CreateTime:1795376711294\tPartition:0\tOffset:42\tNO_HEADERS\tnull\tvalue-9\n",
        apache(record(null, "value-9"), all));
    assertEquals(
        "CreateTime:1795376711294\tPartition:0\tOffset:42\th3:x\tkey-3\t\n",
        apache(record("key-3", ""), all).replace("NO_HEADERS", "h3:x"));
  }

  @Test
  void separatorsFollowApachesRules() throws IOException {
    assertEquals("value\n", apache(record("k", "value")));
    assertEquals("null\n", apache(record("k", (String) null)));
    assertEquals("k\n", apache(record("k", "v"), "print.key", "true", "print.value", "false"));
    assertEquals("", apache(record("k", "v"), "print.value", "false"));
    assertEquals(
        "Offset:42 | k | v;",
        apache(
            record("k", "v"),
            "print.offset",
            "true",
            "print.key",
            "TRUE",
            "key.separator",
            " | ",
            "line.separator",
            ";"));
    assertEquals("Delivery:NOT_PRESENT\tv\n", apache(record("k", "v"), "print.delivery", "true"));
    assertEquals(
        "h:NIL\tv\n",
        apache(record("k", "v", "h", null), "print.headers", "true", "null.literal", "NIL"));
  }

  @Test
  void deserializersPrintTheirToString() throws IOException {
    byte[] eight = {0, 0, 0, 0, 0, 0, 1, 0};
    assertEquals(
        "256\n",
        apache(
            record("k", eight),
            "value.deserializer",
            "org.apache.kafka.common.serialization.LongDeserializer"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> apache(record("k", "v"), "key.deserializer", "com.example.Nope"));
    assertTrue(e.getMessage().contains("com.example.Nope"), e.getMessage());
  }

  @Test
  void formatStrings() throws IOException {
    FormatTemplate f = FormatTemplate.compile("%t/%p@%o %k=%s [%h] %K %S %T 100%%\\n");
    assertEquals(
        "golden/0@42 k=v [a=1,b=NULL] 1 1 1795376711294 100%\n",
        print(f, record("k", "v", "a", "1", "b", null), false));
    assertEquals(
        "=-1\n", print(FormatTemplate.compile("%k=%S\\n"), record(null, (String) null), false));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> FormatTemplate.compile("%x"))
            .getMessage()
            .contains("Unknown token '%x' at position 0"));
    assertThrows(IllegalArgumentException.class, () -> FormatTemplate.compile("50%"));
  }

  @Test
  void kcatsEscapesAndBinaryLength() throws IOException {
    // What kcat 1.7 printed for each format, for a record whose value is "v1".
    Map<String, byte[]> kcat =
        Map.of(
            "\\x41\\x4a|", bytes('A', 'J', '|'),
            "\\x414|", bytes(0x14, '|'),
            "\\65|", bytes('A', '|'),
            "\\101|", bytes('e', '|'),
            "\\1011|", bytes(0xf3, '|'),
            "a\\", bytes('a', '\\'),
            "\\q|", bytes('q', '|'),
            "%R|", bytes(0, 0, 0, 2, '|'));
    for (Map.Entry<String, byte[]> e : kcat.entrySet()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteSink sink = new ByteSink(out, 64, false);
      FormatTemplate.compile(e.getKey()).write(record("k", "v1"), sink);
      sink.flush();
      assertArrayEquals(e.getValue(), out.toByteArray(), e.getKey());
    }
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void jsonWritesTextAndBase64() throws IOException {
    byte[] binary = {(byte) 0xff, 0, 1};
    String line = print(new JsonFormatter(), record("k\"1", binary, "h", "x"), false);
    assertEquals(
        "{\"topic\":\"golden\",\"partition\":0,\"offset\":42,\"timestamp\":1795376711294,"
            + "\"timestampType\":\"CreateTime\",\"key\":\"k\\\"1\",\"value\":\"/wAB\","
            + "\"valueEncoding\":\"base64\",\"headers\":[{\"key\":\"h\",\"value\":\"x\"}]}\n",
        line);
  }

  @Test
  void jsonWritesCharactersBeyondTheBasicPlaneAsThemselves() throws IOException {
    String line = print(new JsonFormatter(), record("k😀", "vé😀"), false);
    assertTrue(line.contains("\"key\":\"k😀\",\"value\":\"vé😀\""), line);
  }

  @Test
  void jsonLinesStartWithTheirObject() throws IOException {
    JsonFormatter f = new JsonFormatter();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteSink sink = new ByteSink(bytes, 64, false);
    f.write(record("a", "1"), sink);
    f.write(record("b", "2"), sink);
    sink.flush();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      assertTrue(line.startsWith("{\"topic\""), line);
    }
  }

  @Test
  void aTerminalSeesNoRawControlCharacters() throws IOException {
    String evil = "red\u001b[31m\u0007bell\u009b2J";
    String shown = print(new JsonFormatter(), record("k", evil), false);
    assertTrue(shown.contains("\\u001B") || shown.contains("\\u001b"), shown);
    FormatterSettings s = FormatterSettings.from(Map.of());
    String text = print(new DefaultFormatter(s, Deserializers.NONE), record("k", evil), true);
    assertEquals("red\\x1b[31m\\x07bell\\x9b2J\n", text);
    assertEquals(
        evil + "\n", print(new DefaultFormatter(s, Deserializers.NONE), record("k", evil), false));
  }

  @Test
  void utf8Validation() {
    assertTrue(Utf8.isValid("héllo ✓ 😀".getBytes(StandardCharsets.UTF_8)));
    for (byte[] bad :
        new byte[][] {
          {(byte) 0xff},
          {(byte) 0xc0, (byte) 0x80},
          {(byte) 0xe2, (byte) 0x82},
          {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
          {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}
        }) {
      assertTrue(!Utf8.isValid(bad));
    }
  }

  @Test
  void startPositions() {
    assertThrows(IllegalArgumentException.class, () -> StartPosition.offset("-1"));
    assertEquals(
        "The provided offset value 'soon' is incorrect. Valid values are 'earliest', 'latest',"
            + " or a non-negative long.",
        assertThrows(IllegalArgumentException.class, () -> StartPosition.offset("soon"))
            .getMessage());
    assertTrue(StartPosition.time("-15m", java.time.Clock.systemUTC()).isTime());
    assertTrue(StartPosition.time("2026-11-22T10:00:00Z", java.time.Clock.systemUTC()).isTime());
    assertThrows(
        IllegalArgumentException.class,
        () -> StartPosition.time("yesterday", java.time.Clock.systemUTC()));
  }
}
