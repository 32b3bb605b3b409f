package io.kafkit.dumplog;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Kafka's file names say: a segment's base offset, its sibling files, a snapshot's id. */
final class SegmentFiles {
  private static final Pattern CHECKPOINT = Pattern.compile("(\\d{20})-(\\d{10})\\.checkpoint");
  static final String BOOTSTRAP_CHECKPOINT = "bootstrap.checkpoint";

  private SegmentFiles() {}

  /** The suffix from the last dot (".log"), or "" when the name has none. */
  static String suffix(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }

  /** The base offset in a segment file's name (the part before the first dot), if it is one. */
  static OptionalLong baseOffset(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    try {
      return OptionalLong.of(Long.parseLong(dot < 0 ? name : name.substring(0, dot)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The file of the same segment with another suffix: 00000000000000000000.index → .log. */
  static Path sibling(Path file, String suffix) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    return file.toAbsolutePath().resolveSibling((dot < 0 ? name : name.substring(0, dot)) + suffix);
  }

  /** "Snapshot end offset: N, epoch: E" for a KRaft snapshot, as Apache prints its name. */
  static String checkpointHeader(Path file) {
    String name = file.getFileName().toString();
    if (name.equals(BOOTSTRAP_CHECKPOINT)) {
      return "KRaft bootstrap snapshot";
    }
    Matcher m = CHECKPOINT.matcher(name);
    if (!m.matches()) {
      return null;
    }
    return "Snapshot end offset: "
        + Long.parseLong(m.group(1))
        + ", epoch: "
        + Integer.parseInt(m.group(2));
  }
}
