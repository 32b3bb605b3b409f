package io.kafkit.common.convert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * A point in time as kafkit's tools take it beyond Apache's epoch milliseconds: an ISO-8601 instant
 * ({@code 2026-11-22T10:00:00Z}) or a duration back from now ({@code -15m}, {@code 2h}, {@code
 * -500ms}). console-consumer's {@code --from-time} and get-offsets' {@code --time} read it alike.
 */
public final class PointInTime {
  /** What the forms are, for error messages. */
  public static final String FORMS =
      "an ISO-8601 instant (2026-11-22T10:00:00Z) or a duration back from now (-15m, -2h, -500ms)";

  private PointInTime() {}

  /** The epoch milliseconds {@code text} stands for, or empty if it is neither form. */
  public static OptionalLong parse(String text, Clock clock) {
    String t = text.trim();
    try {
      return OptionalLong.of(Instant.parse(t).toEpochMilli());
    } catch (DateTimeParseException e) {
      // perhaps a duration
    }
    try {
      Duration back = new DurationConverter().convert(t.startsWith("-") ? t.substring(1) : t);
      return OptionalLong.of(clock.millis() - back.toMillis());
    } catch (Exception e) {
      return OptionalLong.empty();
    }
  }
}
