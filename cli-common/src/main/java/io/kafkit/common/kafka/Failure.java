package io.kafkit.common.kafka;

/** What to tell the user about a failure, in one line, and the exit code that goes with it. */
public record Failure(String message, int exitCode) {}
