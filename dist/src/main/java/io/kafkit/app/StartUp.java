package io.kafkit.app;

import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * What the launcher does before the command line is read, to shorten every command's start-up. Each
 * line here was measured with async-profiler on the self-contained image (see docs/ARCHITECTURE.md,
 * "Start-up").
 */
final class StartUp {
  private static final Set<String> HELP = Set.of("--help", "-h", "--version", "-V");

  private StartUp() {}

  static void prepare(String[] args) {
    // picocli looks for Groovy's Closure class, and SLF4J for its providers, by searching every jar
    // of the class path: kafkit has no Groovy, and exactly one SLF4J provider.
    System.getProperties().putIfAbsent("picocli.disable.closures", "true");
    System.getProperties().putIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    System.getProperties().putIfAbsent("slf4j.internal.verbosity", "WARN");
    // Every Kafka client registers an app-info MBean, and the platform's MBean server it needs
    // takes 25 ms to start: start it on another thread while the command line is parsed.
    if (args.length > 0 && makesClients(args[0]) && !asksForHelp(args)) {
      Thread jmx = new Thread(StartUp::startMBeanServer, "kafkit-mbean-server");
      jmx.setDaemon(true);
      jmx.start();
    }
  }

  private static void startMBeanServer() {
    try {
      ManagementFactory.getPlatformMBeanServer();
    } catch (RuntimeException e) {
      // Not this thread's to report: the client meets the same failure, and says it as an error.
    }
  }

  private static boolean makesClients(String tool) {
    return Tools.named(tool).map(Tools.Tool::makesClients).orElse(false);
  }

  private static boolean asksForHelp(String[] args) {
    for (String arg : args) {
      if (HELP.contains(arg)) {
        return true;
      }
    }
    return false;
  }
}
