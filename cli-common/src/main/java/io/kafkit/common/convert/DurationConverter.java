package io.kafkit.common.convert;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration as people write it: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 7d}; a
 * bare number is milliseconds, as everywhere in Kafka's configuration.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  @Override
  public Duration convert(String value) {
    Matcher m = DURATION.matcher(value.trim());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration: write it as 500ms, 10s, 2m or 1h");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** A duration to wait, where zero would mean giving up before starting. */
  public static final class Positive implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration duration = new DurationConverter().convert(value);
      if (duration.isZero()) {
        throw new TypeConversionException(
            "'" + value + "' is no time at all: write it as 500ms, 10s, 2m or 1h");
      }
      return duration;
    }
  }

  /** The shortest exact spelling of a duration, for messages: 10s, 1500ms, 2m. */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms % 60_000 == 0 && ms >= 60_000) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
