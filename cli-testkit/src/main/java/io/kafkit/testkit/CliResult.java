package io.kafkit.testkit;

/** What a command run gave back: its exit code, standard output and standard error. */
public record CliResult(int exitCode, String out, String err) {

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
