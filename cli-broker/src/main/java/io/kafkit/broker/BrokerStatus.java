package io.kafkit.broker;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.output.OutputOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kafkit broker status}: is it running, where, and does it answer. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Say whether the local broker runs and where; exit 0 if it runs, 1 if not.")
final class BrokerStatus implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin BrokerOptions options;
  @Mixin OutputOptions output;

  /** What status prints. */
  record StatusView(
      boolean running, Long pid, String bootstrapServer, Boolean answering, String dataDir) {}

  @Override
  public Integer call() throws Exception {
    BrokerHome home = options.home();
    Optional<ProcessHandle> running = home.running();
    StatusView view;
    if (running.isPresent()) {
      String bootstrap = "localhost:" + home.state().getProperty("port", "9092");
      boolean answering;
      try (BrokerProbe probe = new BrokerProbe(bootstrap)) {
        answering = probe.clusterId(Duration.ofSeconds(3)).isPresent();
      }
      view = new StatusView(true, running.get().pid(), bootstrap, answering, home.dir().toString());
    } else {
      view = new StatusView(false, null, null, null, home.dir().toString());
    }
    output.print(view, BrokerStatus::text, spec.commandLine().getOut());
    return view.running() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static void text(StatusView view, java.io.PrintWriter out) {
    if (!view.running()) {
      out.println("The broker is not running (data in " + view.dataDir() + ").");
      return;
    }
    out.println(
        "The broker is running (pid "
            + view.pid()
            + ") at "
            + view.bootstrapServer()
            + (view.answering() ? "" : ", but does not answer yet")
            + "; data in "
            + view.dataDir()
            + ".");
  }
}
