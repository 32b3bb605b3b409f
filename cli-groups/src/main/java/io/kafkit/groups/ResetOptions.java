package io.kafkit.groups;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** kafka-consumer-groups.sh's reset specifications and modes. */
final class ResetOptions {
  @Option(names = "--to-earliest", description = "Reset to the earliest offset.")
  boolean toEarliest;

  @Option(names = "--to-latest", description = "Reset to the latest offset.")
  boolean toLatest;

  @Option(names = "--to-current", description = "Reset to the current (committed) offset.")
  boolean toCurrent;

  @Option(names = "--to-offset", paramLabel = "OFFSET", description = "Reset to this offset.")
  Long toOffset;

  @Option(
      names = "--shift-by",
      paramLabel = "N",
      description = "Move the committed offset by N (negative: back).")
  Long shiftBy;

  @Option(
      names = "--to-datetime",
      paramLabel = "DATETIME",
      description =
          "Reset to the first offset at or after YYYY-MM-DDTHH:mm:SS.sss (UTC, or with"
              + " a zone such as +02:00 or Z).")
  String toDatetime;

  @Option(
      names = "--by-duration",
      paramLabel = "DURATION",
      description = "Reset to the first offset at or after this long ago: ISO-8601, PnDTnHnMnS.")
  String byDuration;

  @Option(
      names = "--from-file",
      paramLabel = "CSV",
      description = "Reset to the offsets in this CSV file (as --export writes it).")
  Path fromFile;

  @Option(names = "--dry-run", description = "Show the new offsets only (the default).")
  boolean dryRun;

  @Option(names = "--execute", description = "Reset the offsets.")
  boolean execute;

  @Option(names = "--export", description = "Print the new offsets as CSV, for --from-file.")
  boolean export;

  int specCount() {
    int n = 0;
    for (boolean b :
        new boolean[] {
          toEarliest,
          toLatest,
          toCurrent,
          toOffset != null,
          shiftBy != null,
          toDatetime != null,
          byDuration != null,
          fromFile != null
        }) {
      n += b ? 1 : 0;
    }
    return n;
  }
}
