package io.kafkit.broker;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.convert.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kafkit broker stop}: a graceful shutdown, waited for. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Stop the local broker gracefully and wait until it has exited.")
final class StopBroker implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin BrokerOptions options;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = DurationConverter.Positive.class,
      defaultValue = "60s",
      description =
          "How long to wait for a graceful stop before killing it (default: ${DEFAULT-VALUE}).")
  Duration wait;

  @Override
  public Integer call() throws Exception {
    BrokerHome home = options.home();
    PrintWriter err = spec.commandLine().getErr();
    var running = home.running();
    if (running.isEmpty()) {
      home.deletePid();
      err.println("No broker is running from " + home.dir() + ".");
      return ExitCodes.OK;
    }
    ProcessHandle broker = running.get();
    broker.destroy();
    try {
      broker.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      err.println("Stopped the broker (pid " + broker.pid() + ").");
    } catch (TimeoutException e) {
      broker.destroyForcibly();
      broker.onExit().get(10, TimeUnit.SECONDS);
      err.println(
          "The broker (pid "
              + broker.pid()
              + ") did not stop within "
              + DurationConverter.format(wait)
              + " and was killed.");
    }
    home.deletePid();
    return ExitCodes.OK;
  }
}
