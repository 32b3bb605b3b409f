package io.kafkit.common.cli;

/**
 * A command whose error lines start with something other than {@code Error: }, to keep the wording
 * of the Apache tool it replaces.
 */
public interface ErrorPrefix {
  String errorPrefix();
}
