package io.kafkit.app;

/** The launcher's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    StartUp.prepare(args);
    System.exit(Kafkit.execute(args));
  }
}
