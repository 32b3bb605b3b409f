package io.kafkit.broker;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.convert.DurationConverter;
import io.kafkit.common.convert.KeyValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.common.Uuid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kafkit broker start}: formats on first use, starts, waits until the broker answers. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Start the local broker and wait until it answers a metadata request; print its bootstrap"
          + " server on stdout. Port, controller port and overrides are remembered for the next"
          + " start."
    })
final class StartBroker implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin BrokerOptions options;

  @Option(names = "--port", paramLabel = "PORT", description = "The client port (default: 9092).")
  Integer port;

  @Option(
      names = "--controller-port",
      paramLabel = "PORT",
      description = "The KRaft controller port (default: the client port + 1).")
  Integer controllerPort;

  @Option(
      names = "--override",
      paramLabel = "KEY=VALUE",
      description = "A broker configuration property, as kafka-server-start.sh --override.")
  List<String> overrides = List.of();

  @Option(
      names = "--foreground",
      description = "Run attached to this terminal; Ctrl-C stops the broker.")
  boolean foreground;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = DurationConverter.Positive.class,
      defaultValue = "120s",
      description = "How long to wait for the broker to answer (default: ${DEFAULT-VALUE}).")
  Duration wait;

  StartBroker(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    BrokerHome home = options.home();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkPort(port, "--port");
    checkPort(controllerPort, "--controller-port");
    var running = home.running();
    if (running.isPresent()) {
      String bootstrap = "localhost:" + home.state().getProperty("port");
      err.println("The broker is already running (pid " + running.get().pid() + ").");
      out.println(bootstrap);
      return ExitCodes.OK;
    }
    home.checkBelongsToUs();
    Properties state = home.state();
    Properties before = home.state();
    int clientPort = port != null ? port : Integer.parseInt(state.getProperty("port", "9092"));
    int ctrlPort =
        controllerPort != null
            ? controllerPort
            : (port != null
                ? port + 1
                : Integer.parseInt(state.getProperty("controller.port", "" + (clientPort + 1))));
    checkPort(ctrlPort, "--controller-port");
    if (clientPort == ctrlPort) {
      throw new KafkitException(
          "The client port and the controller port are both " + clientPort + ": choose two.",
          ExitCodes.USAGE,
          null);
    }
    BrokerProcess.checkPortFree(clientPort, "the client port");
    BrokerProcess.checkPortFree(ctrlPort, "the controller port");

    state.setProperty("port", Integer.toString(clientPort));
    state.setProperty("controller.port", Integer.toString(ctrlPort));
    state.putIfAbsent("cluster.id", Uuid.randomUuid().toString());
    for (String override : overrides) {
      Map.Entry<String, String> kv = KeyValue.parse(override);
      state.setProperty("override." + kv.getKey(), kv.getValue());
    }
    Files.createDirectories(home.logDir());
    home.saveState(state);
    try {
      return start(home, state, clientPort, ctrlPort, out, err);
    } catch (KafkitException | IOException e) {
      // A start that failed keeps the overrides from before it: a bad --override would otherwise
      // fail every later start.
      state.stringPropertyNames().stream()
          .filter(k -> k.startsWith("override."))
          .forEach(state::remove);
      before.stringPropertyNames().stream()
          .filter(k -> k.startsWith("override."))
          .forEach(k -> state.setProperty(k, before.getProperty(k)));
      home.saveState(state);
      throw e;
    }
  }

  private Integer start(
      BrokerHome home,
      Properties state,
      int clientPort,
      int ctrlPort,
      PrintWriter out,
      PrintWriter err)
      throws IOException, InterruptedException {
    BrokerProcess.writeServerProperties(home, clientPort, ctrlPort);

    ProcessBuilder builder =
        new ProcessBuilder(
            BrokerProcess.command(environment, home, state.getProperty("cluster.id")));
    if (foreground) {
      builder.inheritIO();
    } else {
      builder.redirectErrorStream(true);
      builder.redirectOutput(home.outFile().toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process process = builder.start();
    home.writePid(process.pid());
    String bootstrap = "localhost:" + clientPort;
    if (foreground) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "kafkit-broker-stop"));
    }
    awaitReady(process, home, bootstrap);
    err.println(
        "Kafka "
            + VersionProvider.kafkaVersion()
            + " broker is running (pid "
            + process.pid()
            + "), data in "
            + home.dir()
            + ", log in "
            + home.logFile());
    err.println(
        foreground
            ? "Press Ctrl-C to stop it."
            : "Stop it with 'kafkit broker stop"
                + (options.dataDir == null ? "" : " --data-dir " + home.dir())
                + "'.");
    out.println(bootstrap);
    out.flush();
    err.flush();
    if (foreground) {
      int code = process.waitFor();
      home.deletePid();
      return code == 0 || code == 130 || code == 143 ? ExitCodes.OK : ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }

  private void checkPort(Integer value, String option) {
    if (value != null && (value < 1 || value > 65535)) {
      throw new KafkitException(
          option + " " + value + " is not a port: give one from 1 to 65535.",
          ExitCodes.USAGE,
          null);
    }
  }

  private void awaitReady(Process process, BrokerHome home, String bootstrap)
      throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(wait);
    try (BrokerProbe probe = new BrokerProbe(bootstrap)) {
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          home.deletePid();
          process.waitFor();
          String why =
              home.startupFailure()
                  .map(cause -> ": " + cause + ". Its log: " + home.outFile())
                  .orElseGet(
                      () ->
                          " (exit code "
                              + process.exitValue()
                              + "). Last lines of its log:\n  "
                              + String.join("\n  ", home.lastLogLines(8)));
          throw new KafkitException("The broker stopped during start-up" + why);
        }
        if (probe.clusterId(Duration.ofSeconds(1)).isPresent()) {
          return;
        }
        Thread.sleep(200);
      }
    }
    stop(process);
    home.deletePid();
    throw new KafkitException(
        "The broker did not answer within "
            + DurationConverter.format(wait)
            + " and was stopped; see its log in "
            + home.logFile());
  }

  private static void stop(Process process) {
    if (process.isAlive()) {
      process.destroy();
      try {
        process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }
}
