package io.kafkit.common.cli;

/**
 * Marks a command whose Apache counterpart parses with argparse4j, where an option given twice
 * takes its last value (wrapper scripts append overrides); jopt-simple tools refuse a repeat, and
 * so do kafkit's other commands.
 */
public interface LastValueWins {}
