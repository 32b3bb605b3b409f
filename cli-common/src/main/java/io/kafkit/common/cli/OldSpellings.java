package io.kafkit.common.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Apache's older spellings of a setting ({@code --producer.config} for {@code --command-config},
 * {@code --property} for {@code --reader-property}, {@code --messages} for {@code --num-records}
 * ...), checked the same way in every tool: an old and a current spelling of one setting given
 * together are refused (which should win?), as Apache refuses them; an old one alone is warned
 * about on stderr, in the words of the Apache tool that has it, which scripts' users know.
 */
public final class OldSpellings {
  /** How an Apache tool says that an option is deprecated: first the old name, then the new. */
  public enum Wording {
    /** kafka-console-consumer.sh */
    CONSOLE_CONSUMER(
        "Option %s is deprecated and will be removed in a future version. Use %s instead."),
    /** kafka-console-producer.sh */
    CONSOLE_PRODUCER(
        "Warning: %s is deprecated and will be removed in a future version. Use %s instead."),
    /** kafka-producer-perf-test.sh */
    PRODUCER_PERF_TEST(
        "Option %s has been deprecated and will be removed in a future version. Use %s instead."),
    /** kafka-consumer-perf-test.sh */
    CONSUMER_PERF_TEST("Warning: %s is deprecated. Use %s instead.");

    private final String format;

    Wording(String format) {
      this.format = format;
    }
  }

  private final CommandLine cmd;
  private final Wording wording;
  private final List<String> warnings = new ArrayList<>();

  public OldSpellings(CommandLine cmd, Wording wording) {
    this.cmd = cmd;
    this.wording = wording;
  }

  /**
   * Checks one setting's two spellings.
   *
   * @return whether the old spelling was given, so that the caller feeds its value in
   * @throws ParameterException when both were given
   */
  public boolean check(String old, boolean oldGiven, String current, boolean currentGiven) {
    if (oldGiven && currentGiven) {
      throw new ParameterException(
          cmd, "Options " + old + " and " + current + " cannot be specified together.");
    }
    if (oldGiven) {
      warnings.add(wording.format.formatted(old, current));
    }
    return oldGiven;
  }

  /** The warnings so far, one line each, in the order the settings were checked. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public void printWarnings(PrintWriter err) {
    warnings.forEach(err::println);
    err.flush();
  }
}
