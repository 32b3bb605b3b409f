package io.kafkit.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.TestCommands.Run;
import io.kafkit.common.cli.TestCommands.Where;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLinesTest {
  @TempDir Path home;

  private Run where(String... args) {
    return TestCommands.run(new Where(), Map.of(), home, args);
  }

  @Test
  void unknownOptionIsShortUsageErrorWithSuggestion() {
    Run run = where("--bootstrap-servr", "x:1");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("Error: Unknown options: '--bootstrap-servr'"), run.err());
    assertTrue(
        run.err().contains("Possible solutions: --bootstrap-server"),
        "suggests the right option: " + run.err());
    assertTrue(run.err().contains("Try 'where --help' for more information."), run.err());
    assertFalse(run.err().contains("--command-config=FILE  "), "no full usage dump");
  }

  @Test
  void missingArgumentIsUsageError() {
    Run run = where("--bootstrap-server");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("Missing required parameter"), run.err());
  }

  @Test
  void singleDashLongOptionsAsApacheAccepts() {
    Run run = where("-create", "-partitions", "2", "-bootstrap-server", "one:9092");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("one:9092 from --bootstrap-server"), run.out());
    assertTrue(run.out().contains("create partitions=2"), run.out());
  }

  @Test
  void uniquePrefixOfALongOption() {
    Run run = where("--bootstrap", "pre:9092", "--partitions=3", "--create");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("pre:9092"), run.out());
  }

  @Test
  void helpListsExitCodes() {
    Run run = where("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertTrue(run.out().contains("130   interrupted"), run.out());
  }
}
