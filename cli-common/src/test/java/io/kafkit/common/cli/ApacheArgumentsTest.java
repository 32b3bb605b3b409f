package io.kafkit.common.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ApacheArgumentsTest {
  private final CommandLine cmd = CommandLines.create(new TestCommands.Where());

  private String[] normalize(String... args) {
    return ApacheArguments.normalize(cmd, args);
  }

  @Test
  void rewritesOnlyKnownLongOptions() {
    assertArrayEquals(
        new String[] {"--create", "--partitions", "2", "-x", "--bootstrap-server=a:1"},
        normalize("-create", "-partitions", "2", "-x", "-bootstrap-server=a:1"));
  }

  @Test
  void leavesOptionValuesShortOptionsAndNumbersAlone() {
    assertArrayEquals(
        new String[] {"--bootstrap-server", "-create", "-v", "-1"},
        normalize("--bootstrap-server", "-create", "-v", "-1"));
  }

  @Test
  void stopsAtDoubleDash() {
    assertArrayEquals(new String[] {"--", "-create"}, normalize("--", "-create"));
  }

  @Test
  void dropsAFlagGivenAgainButNotAValue() {
    assertArrayEquals(
        new String[] {"--create", "--partitions", "2", "--partitions", "--create"},
        normalize("--create", "-create", "--partitions", "2", "--partitions", "--create"));
  }

  @Test
  void dropsAnEmptyWordButNotAnEmptyValue() {
    assertArrayEquals(
        new String[] {"--create", "--partitions", ""},
        normalize("", "--create", "", "--partitions", ""));
  }
}
