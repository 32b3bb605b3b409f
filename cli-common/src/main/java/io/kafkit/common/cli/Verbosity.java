package io.kafkit.common.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v/--verbose}: stack traces on errors, and Kafka's client logs on stderr (warnings with
 * one {@code -v}, info with two, debug with three).
 */
public final class Verbosity {
  static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

  private int level;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces and the Kafka client's log (-vv, -vvv: more of it).")
  void verbose(boolean[] flags) {
    level = flags.length;
    // The client's loggers read this once, when the first Kafka class logs: parsing comes first.
    System.setProperty(LEVEL_PROPERTY, logLevel(level));
  }

  public int level() {
    return level;
  }

  static String logLevel(int level) {
    return switch (level) {
      case 0 -> "off";
      case 1 -> "warn";
      case 2 -> "info";
      default -> "debug";
    };
  }
}
