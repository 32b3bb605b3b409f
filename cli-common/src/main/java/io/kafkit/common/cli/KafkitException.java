package io.kafkit.common.cli;

/**
 * A failure to report to the user as one line: what went wrong and what to do. Thrown by commands;
 * turned into that line and an exit code by {@link ErrorHandler}.
 */
public class KafkitException extends RuntimeException {
  private final int exitCode;

  public KafkitException(String message) {
    this(message, ExitCodes.FAILED, null);
  }

  public KafkitException(String message, Throwable cause) {
    this(message, ExitCodes.FAILED, cause);
  }

  public KafkitException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
