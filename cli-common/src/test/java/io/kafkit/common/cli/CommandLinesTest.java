package io.kafkit.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    assertEquals(
        "Error: Unknown options: '--bootstrap-servr', 'x:1'. Possible solutions: --bootstrap-server\n"
            + "Try 'where --help' for more information.\n",
        run.err());
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
  void anAbbreviationIsRefusedAsJoptSimpleRefusesIt() {
    Run run = where("--bootstrap", "pre:9092", "--partitions=3", "--create");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.out());
    assertTrue(
        run.err().startsWith("Error: Unknown options: '--bootstrap', 'pre:9092'"), run.err());
    assertTrue(run.err().contains("Possible solutions: --bootstrap-server"), run.err());
    assertEquals(2, run.err().lines().count(), run.err());
  }

  @Test
  void aRepeatedFlagIsTakenOnceAsJoptSimpleTakesIt() {
    Run run =
        where(
            "--create",
            "-create",
            "--partitions",
            "2",
            "--create",
            "--bootstrap-server",
            "one:9092");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("create partitions=2"), run.out());
  }

  @Test
  void aRepeatedOptionIsRefusedAsJoptSimpleRefusesIt() {
    Run run = where("--partitions=3", "--partitions=4", "--create");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.out());
    assertTrue(run.err().startsWith("Error: option '--partitions' "), run.err());
  }

  @Test
  void argparseToolsTakeAUniquePrefixAndTheLastValue() {
    Run run =
        TestCommands.run(
            new TestCommands.WhereArgparse(),
            Map.of(),
            home,
            "--bootstrap",
            "pre:9092",
            "--payload-f",
            "a.txt",
            "--payload-file",
            "b.txt");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("pre:9092 payload b.txt\n", run.out());
  }

  @Test
  void anAmbiguousPrefixNamesTheCandidates() {
    Run run = TestCommands.run(new TestCommands.WhereArgparse(), Map.of(), home, "--payload", "x");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.out());
    assertEquals(
        "Error: '--payload' is not unique: it matches '--payload-file', '--payload-delimiter'\n"
            + "Try 'where-argparse --help' for more information.\n",
        run.err());
  }

  @Test
  void helpListsExitCodes() {
    Run run = where("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertTrue(run.out().contains("130   interrupted"), run.out());
  }
}
