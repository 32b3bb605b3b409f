package io.kafkit.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class OldSpellingsTest {
  final CommandLine cmd = CommandLines.create(new TestCommands.Where());

  @Test
  void bothSpellingsOfOneSettingAreRefusedInOneWording() {
    OldSpellings spellings = new OldSpellings(cmd, OldSpellings.Wording.CONSOLE_PRODUCER);
    ParameterException e =
        assertThrows(
            ParameterException.class,
            () -> spellings.check("--producer.config", true, "--command-config", true));
    assertEquals(
        "Options --producer.config and --command-config cannot be specified together.",
        e.getMessage());
  }

  @Test
  void anOldSpellingAloneIsWarnedAboutInItsToolsWords() {
    OldSpellings consumer = new OldSpellings(cmd, OldSpellings.Wording.CONSOLE_CONSUMER);
    assertTrue(consumer.check("--property", true, "--formatter-property", false));
    assertFalse(consumer.check("--consumer.config", false, "--command-config", true));
    assertEquals(
        List.of(
            "Option --property is deprecated and will be removed in a future version."
                + " Use --formatter-property instead."),
        consumer.warnings());
    OldSpellings perf = new OldSpellings(cmd, OldSpellings.Wording.CONSUMER_PERF_TEST);
    perf.check("--messages", true, "--num-records", false);
    assertEquals(
        List.of("Warning: --messages is deprecated. Use --num-records instead."), perf.warnings());
    OldSpellings producerPerf = new OldSpellings(cmd, OldSpellings.Wording.PRODUCER_PERF_TEST);
    producerPerf.check("--producer-props", true, "--command-property", false);
    assertEquals(
        List.of(
            "Option --producer-props has been deprecated and will be removed in a future version."
                + " Use --command-property instead."),
        producerPerf.warnings());
  }
}
