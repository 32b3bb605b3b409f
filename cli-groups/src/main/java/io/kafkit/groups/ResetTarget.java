package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** The --to-... / --shift-by / --by-duration / --from-file part of a reset, parsed. */
final class ResetTarget {
  enum Kind {
    EARLIEST,
    LATEST,
    CURRENT,
    OFFSET,
    SHIFT,
    TIME,
    FILE
  }

  final Kind kind;
  final long value;
  final Map<String, Map<TopicPartition, Long>> fromFile;

  private ResetTarget(Kind kind, long value, Map<String, Map<TopicPartition, Long>> fromFile) {
    this.kind = kind;
    this.value = value;
    this.fromFile = fromFile;
  }

  static ResetTarget of(ResetOptions r, List<String> groups) {
    if (r.toEarliest) {
      return new ResetTarget(Kind.EARLIEST, 0, null);
    }
    if (r.toLatest) {
      return new ResetTarget(Kind.LATEST, 0, null);
    }
    if (r.toCurrent) {
      return new ResetTarget(Kind.CURRENT, 0, null);
    }
    if (r.toOffset != null) {
      return new ResetTarget(Kind.OFFSET, r.toOffset, null);
    }
    if (r.shiftBy != null) {
      return new ResetTarget(Kind.SHIFT, r.shiftBy, null);
    }
    if (r.toDatetime != null) {
      return new ResetTarget(Kind.TIME, dateTime(r.toDatetime), null);
    }
    if (r.byDuration != null) {
      try {
        Duration back = Duration.parse(r.byDuration);
        return new ResetTarget(Kind.TIME, Instant.now().minus(back).toEpochMilli(), null);
      } catch (DateTimeParseException e) {
        throw usage(
            "--by-duration takes an ISO-8601 duration such as PT15M or P1DT2H, not '"
                + r.byDuration
                + "'");
      }
    }
    return new ResetTarget(Kind.FILE, 0, csv(r, groups));
  }

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX][X]");

  /** YYYY-MM-DDTHH:mm:SS.sss, in UTC unless it names a zone (Z, +02:00, +0200, +02), as Apache. */
  static long dateTime(String text) {
    try {
      TemporalAccessor parsed = DATE_TIME.parse(text.trim());
      LocalDateTime local = LocalDateTime.from(parsed);
      ZoneOffset offset =
          parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
      return local.toInstant(offset).toEpochMilli();
    } catch (DateTimeException e) {
      throw usage(
          "--to-datetime takes YYYY-MM-DDTHH:mm:SS.sss, in UTC or with a zone (Z, +02:00), not '"
              + text
              + "'");
    }
  }

  /**
   * The CSV --export writes: {@code topic,partition,offset} or {@code
   * group,topic,partition,offset}.
   */
  private static Map<String, Map<TopicPartition, Long>> csv(ResetOptions r, List<String> groups) {
    List<String> lines;
    try {
      lines = Files.readAllLines(r.fromFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw usage("The file " + r.fromFile + " does not exist.");
    } catch (IOException e) {
      throw new KafkitException("Cannot read " + r.fromFile + ": " + e.getMessage(), e);
    }
    Map<String, Map<TopicPartition, Long>> plan = new HashMap<>();
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      // Apache's reader (jackson's CSV parser, on its record classes) trims the numbers, so
      // "orders, 0, 3" is read, and keeps a name's spaces, which then names no group or topic
      String[] f = Csv.fields(line);
      try {
        if (f.length == 3 && groups.size() == 1) {
          plan.computeIfAbsent(groups.get(0), g -> new HashMap<>())
              .put(
                  new TopicPartition(f[0], Integer.parseInt(f[1].trim())),
                  Long.parseLong(f[2].trim()));
        } else if (f.length == 4) {
          plan.computeIfAbsent(f[0], g -> new HashMap<>())
              .put(
                  new TopicPartition(f[1], Integer.parseInt(f[2].trim())),
                  Long.parseLong(f[3].trim()));
        } else {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw usage(
            r.fromFile
                + " line "
                + number
                + ": expected topic,partition,offset (one --group) or group,topic,partition,offset,"
                + " not '"
                + line
                + "'");
      }
    }
    if (plan.isEmpty()) {
      // Apache's tool fails on an empty file too, with a parser's stack trace
      throw new KafkitException(
          "The file " + r.fromFile + " is empty: it has no offsets to reset.",
          ExitCodes.FAILED,
          null);
    }
    return plan;
  }

  private static KafkitException usage(String message) {
    return new KafkitException(message, ExitCodes.USAGE, null);
  }
}
