package io.kafkit.common.cli;

/**
 * The failure of a tool whose module has not been written yet: it says so plainly, with the issue
 * that will build it and the Apache script to use meanwhile, and exits 1. Nothing pretends to work.
 */
public final class Unbuilt {
  private Unbuilt() {}

  public static KafkitException tool(String name, int issue, String apacheScript) {
    return new KafkitException(
        "kafkit "
            + name
            + " is not built yet (issue #"
            + issue
            + "); use Apache's "
            + apacheScript
            + " meanwhile.");
  }
}
