package io.kafkit.common.cli;

/**
 * A JVM shutdown hook for the length of a run (Ctrl-C during a pipe or a poll loop): registered by
 * {@link #register}, removed by {@link #close} unless the JVM is already running it.
 */
public final class ShutdownHook implements AutoCloseable {
  private final Thread thread;

  private ShutdownHook(Thread thread) {
    this.thread = thread;
  }

  public static ShutdownHook register(String name, Runnable onShutdown) {
    Thread thread = new Thread(onShutdown, name);
    Runtime.getRuntime().addShutdownHook(thread);
    return new ShutdownHook(thread);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it finishes the run
    }
  }
}
