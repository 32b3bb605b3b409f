package io.kafkit.common.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exit-code policy of every kafkit command. Apache's tools exit 1 for usage errors and
 * sometimes 0 after a failure; kafkit never does.
 */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The operation failed: the topic does not exist, the broker cannot be reached, ... */
  public static final int FAILED = 1;

  /** The command line was wrong: an unknown option, a missing or malformed argument. */
  public static final int USAGE = 2;

  /** Interrupted (Ctrl-C), as a shell reports SIGINT. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}

  /** The list printed under "Exit codes:" in every {@code --help}. */
  public static Map<String, String> helpList() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(OK + "", "success");
    codes.put(FAILED + "", "the operation failed");
    codes.put(USAGE + "", "usage error (unknown option, missing or invalid argument)");
    codes.put(INTERRUPTED + "", "interrupted");
    return codes;
  }
}
