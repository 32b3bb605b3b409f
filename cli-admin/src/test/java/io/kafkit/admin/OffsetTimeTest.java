package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.junit.jupiter.api.Test;

/** get-offsets' --time and delete-records' --before-time, read without a cluster. */
class OffsetTimeTest {
  static final long NOW = 1_800_000_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  static long time(String text) {
    return OffsetTime.timestamp(text, CLOCK);
  }

  @Test
  void apachesNamesAndNumbers() {
    assertEquals(-1, time("latest"));
    assertEquals(-2, time("earliest"));
    assertEquals(-3, time("max-timestamp"));
    assertEquals(-6, time("earliest-pending-upload"));
    assertEquals(-1, time("-1"));
    assertEquals(1_700_000_000_000L, time("1700000000000"));
    // any other number goes to the broker, as Apache's does
    assertEquals(-7, time("-7"));
    assertTrue(OffsetTime.parse("-1", CLOCK) instanceof OffsetSpec.LatestSpec);
    assertTrue(OffsetTime.parse("earliest", CLOCK) instanceof OffsetSpec.EarliestSpec);
    assertTrue(OffsetTime.parse("-3", CLOCK) instanceof OffsetSpec.MaxTimestampSpec);
    assertTrue(OffsetTime.parse("12", CLOCK) instanceof OffsetSpec.TimestampSpec);
  }

  @Test
  void spacesAroundAValueAreDroppedNotReadAsADuration() {
    assertEquals(-1, time(" -1"));
    assertEquals(-2, time("-2 "));
    assertEquals(-2, time(" earliest "));
    assertEquals(1, time("1 "));
    assertEquals(1_700_000_000_000L, time("\t1700000000000\n"));
    assertTrue(OffsetTime.parse(" -1", CLOCK) instanceof OffsetSpec.LatestSpec);
  }

  @Test
  void whatIsNoneOfTheFormsIsRefusedInApachesWords() {
    for (String text : new String[] {"- 1", "1 2", "+-1", "", " ", "1.5", "yesterday"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> time(text), text);
      assertTrue(
          e.getMessage().startsWith("Malformed time argument " + text + ". Please use -1 or"),
          e.getMessage());
    }
  }

  @Test
  void instantsAndDurationsBeyondApache() {
    assertEquals(1_700_000_000_000L, time("2023-11-14T22:13:20Z"));
    assertEquals(NOW - 15 * 60_000, time("-15m"));
    assertEquals(NOW - 2 * 3_600_000, time(" 2h "));
    assertEquals(NOW - 500, time("-500ms"));
    // a duration needs its unit: a bare number is epoch milliseconds or Apache's
    assertEquals(OptionalLong.empty(), OffsetTime.instantOrDuration("-1", CLOCK));
    assertEquals(OptionalLong.empty(), OffsetTime.instantOrDuration("- 1", CLOCK));
    assertEquals(OptionalLong.of(NOW - 1000), OffsetTime.instantOrDuration("-1s", CLOCK));
  }
}
