package io.kafkit.admin;

import io.kafkit.common.convert.PointInTime;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.admin.OffsetSpec;

/**
 * get-offsets' {@code --time}: Apache's names and numbers (latest -1, earliest -2, max-timestamp
 * -3, earliest-local -4, latest-tiered -5, earliest-pending-upload -6, else epoch milliseconds),
 * and beyond Apache an ISO-8601 instant or a duration back from now.
 */
final class OffsetTime {
  static final String APACHE_FORMS =
      "-1 or latest / -2 or earliest / -3 or max-timestamp / -4 or earliest-local / -5 or"
          + " latest-tiered / -6 or earliest-pending-upload, or a specified long format timestamp";

  private static final Map<String, OffsetSpec> NAMES =
      Map.of(
          "latest", OffsetSpec.latest(),
          "earliest", OffsetSpec.earliest(),
          "max-timestamp", OffsetSpec.maxTimestamp(),
          "earliest-local", OffsetSpec.earliestLocal(),
          "latest-tiered", OffsetSpec.latestTiered(),
          "earliest-pending-upload", OffsetSpec.earliestPendingUpload());

  private static final Map<Long, String> NUMBERS =
      Map.of(
          -1L, "latest",
          -2L, "earliest",
          -3L, "max-timestamp",
          -4L, "earliest-local",
          -5L, "latest-tiered",
          -6L, "earliest-pending-upload");

  private OffsetTime() {}

  /**
   * @throws IllegalArgumentException with Apache's words and kafkit's further forms
   */
  static OffsetSpec parse(String text, Clock clock) {
    long time = timestamp(text, clock);
    String name = NUMBERS.get(time);
    return name != null ? NAMES.get(name) : OffsetSpec.forTimestamp(time);
  }

  /**
   * The time {@code text} names as ListOffsets has it: Apache's negative numbers for the names,
   * else epoch milliseconds. The spaces around it are dropped (Apache refuses them), so that " -1"
   * is latest as written and never a time a millisecond back.
   *
   * @throws IllegalArgumentException with Apache's words and kafkit's further forms
   */
  static long timestamp(String text, Clock clock) {
    String t = text.strip();
    for (Map.Entry<Long, String> number : NUMBERS.entrySet()) {
      if (number.getValue().equals(t)) {
        return number.getKey();
      }
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      // perhaps an instant or a duration
    }
    OptionalLong millis = instantOrDuration(t, clock);
    if (millis.isPresent()) {
      return millis.getAsLong();
    }
    throw new IllegalArgumentException(
        "Malformed time argument "
            + text
            + ". Please use "
            + APACHE_FORMS
            + "; or "
            + PointInTime.FORMS
            + ".");
  }

  /**
   * An ISO-8601 instant or a duration back from now, in epoch milliseconds; empty for anything
   * else. A duration needs its unit here: where a bare number is epoch milliseconds, "- 1" must not
   * be read as a millisecond back.
   */
  static OptionalLong instantOrDuration(String text, Clock clock) {
    String t = text.strip();
    if (t.chars().noneMatch(Character::isLetter)) {
      return OptionalLong.empty();
    }
    return PointInTime.parse(t, clock);
  }
}
