package io.kafkit.testkit;

/**
 * What a command run gave back: its exit code, standard output and standard error, and the bytes it
 * wrote to standard output as a stream (empty for the commands that print text).
 */
public record CliResult(int exitCode, String out, String err, byte[] outBytes) {

  public CliResult(int exitCode, String out, String err) {
    this(exitCode, out, err, new byte[0]);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
