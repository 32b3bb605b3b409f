package io.kafkit.common.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {
  private final DurationConverter durations = new DurationConverter();

  @Test
  void durations() {
    assertEquals(Duration.ofMillis(1500), durations.convert("1500"));
    assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
    assertEquals(Duration.ofSeconds(10), durations.convert("10s"));
    assertEquals(Duration.ofMinutes(2), durations.convert("2m"));
    assertEquals(Duration.ofHours(1), durations.convert("1h"));
    assertEquals(Duration.ofDays(7), durations.convert("7d"));
    assertThrows(TypeConversionException.class, () -> durations.convert("ten"));
    assertEquals("10s", DurationConverter.format(Duration.ofSeconds(10)));
    assertEquals("1500ms", DurationConverter.format(Duration.ofMillis(1500)));
    assertEquals("2m", DurationConverter.format(Duration.ofMinutes(2)));
  }

  @Test
  void keyValuesSplitAtTheFirstEquals() {
    assertEquals(Map.entry("a", "b=c"), KeyValue.parse("a=b=c"));
    assertEquals(Map.entry("a", ""), KeyValue.parse("a"));
    assertEquals(Map.entry("a", ""), KeyValue.parse("a="));
    assertEquals(Map.entry("key.separator", " | "), KeyValue.parse("key.separator= | "));
    assertThrows(IllegalArgumentException.class, () -> KeyValue.parse("=b"));
  }
}
