package io.kafkit.common.cli;

/**
 * Marks a command whose Apache counterpart parses with argparse4j (the producer perf test, the
 * verifiable producer, the quorum and feature tools): a unique prefix of a long option stands for
 * it ({@code --print-metric}), and an option given twice takes its last value (wrapper scripts
 * append overrides). Apache's jopt-simple tools refuse both, and so do kafkit's commands without
 * this mark.
 */
public interface ArgparseRules {}
