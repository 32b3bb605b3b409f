package io.kafkit.broker;

import static java.util.stream.Collectors.joining;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.convert.DurationConverter;
import io.kafkit.common.convert.KeyValue;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit broker start}: formats on first use, starts every node (or one), waits until they
 * answer.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Start the local broker, or the nodes of a local cluster, and wait until every node answers;"
          + " print the bootstrap servers on stdout. The node count, ports and overrides are"
          + " remembered for the next start."
    })
final class StartBroker implements Callable<Integer> {
  static final int MAX_NODES = 9;

  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin BrokerOptions options;

  @Option(
      names = "--nodes",
      paramLabel = "N",
      description =
          "How many nodes a new cluster has (default: 1, at most 9): each a process of its own on"
              + " consecutive ports, the first three KRaft controllers too.")
  Integer nodes;

  @Option(
      names = "--node",
      paramLabel = "ID",
      description = "Start only this node of the cluster (after a 'kafkit broker stop --node').")
  Integer node;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "The first node's client port (default: 9092); node N listens on PORT+N-1.")
  Integer port;

  @Option(
      names = "--controller-port",
      paramLabel = "PORT",
      description = "The first controller's port (default: the port after the last client port).")
  Integer controllerPort;

  @Option(
      names = "--override",
      paramLabel = "KEY=VALUE",
      description = "A broker configuration property, as kafka-server-start.sh --override.")
  List<String> overrides = List.of();

  @Option(
      names = "--foreground",
      description = "Run attached to this terminal; Ctrl-C stops the nodes.")
  boolean foreground;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = DurationConverter.Positive.class,
      defaultValue = "120s",
      description = "How long to wait for the nodes to answer (default: ${DEFAULT-VALUE}).")
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
    if (nodes != null && (nodes < 1 || nodes > MAX_NODES)) {
      throw usage("--nodes " + nodes + ": give a node count from 1 to " + MAX_NODES + ".");
    }
    if (nodes != null && node != null) {
      throw usage("--node starts one node of an existing cluster: leave --nodes out.");
    }
    Properties state = home.state();
    Properties before = home.state();
    boolean fresh = !state.containsKey("cluster.id");
    int count = fresh ? (nodes != null ? nodes : 1) : BrokerHome.nodeCount(state);
    if (!fresh && nodes != null && nodes != count) {
      throw usage(
          home.dir()
              + " holds a "
              + count
              + "-node "
              + (count == 1 ? "broker" : "cluster")
              + ", which cannot become one of "
              + nodes
              + ": use another --data-dir, or stop it and delete the directory to start afresh.");
    }
    if (node != null) {
      if (fresh) {
        throw new KafkitException(
            "No cluster in "
                + home.dir()
                + " yet: start all its nodes first with 'kafkit broker start --nodes N'.");
      }
      if (node < 1 || node > count) {
        throw usage(
            "--node "
                + node
                + ": the "
                + (count == 1 ? "broker" : "cluster")
                + " in "
                + home.dir()
                + " has "
                + (count == 1 ? "node 1 only." : "nodes 1 to " + count + "."));
      }
    }
    List<NodeHome> all = home.nodes(count);
    List<NodeHome> targets = node == null ? all : List.of(home.node(node, count));
    List<NodeHome> up = all.stream().filter(n -> n.running().isPresent()).toList();
    if (up.containsAll(targets)) {
      err.println(alreadyRunning(targets, count));
      out.println(BrokerHome.bootstrap(state));
      return ExitCodes.OK;
    }
    if (!up.isEmpty() && (port != null || controllerPort != null || !overrides.isEmpty())) {
      throw usage(
          "Node"
              + (up.size() == 1 ? " " : "s ")
              + ids(up)
              + (up.size() == 1 ? " runs" : " run")
              + ": stop the cluster with 'kafkit broker stop' before changing its ports or"
              + " overrides.");
    }
    home.checkBelongsToUs(count);
    int clientPort = port != null ? port : Integer.parseInt(state.getProperty("port", "9092"));
    int ctrlPort =
        controllerPort != null
            ? controllerPort
            : (port != null
                ? port + count
                : Integer.parseInt(
                    state.getProperty("controller.port", "" + (clientPort + count))));
    int controllers = Math.min(count, BrokerHome.MAX_CONTROLLERS);
    checkRange(clientPort, count, "--port");
    checkRange(ctrlPort, controllers, "--controller-port");
    if (clientPort < ctrlPort + controllers && ctrlPort < clientPort + count) {
      throw usage(
          count == 1
              ? "The client port and the controller port are both " + clientPort + ": choose two."
              : "The client ports "
                  + range(clientPort, count)
                  + " and the controller ports "
                  + range(ctrlPort, controllers)
                  + " overlap: choose another --port or --controller-port.");
    }
    state.setProperty("port", Integer.toString(clientPort));
    state.setProperty("controller.port", Integer.toString(ctrlPort));
    state.setProperty("nodes", Integer.toString(count));
    state.putIfAbsent("cluster.id", Uuid.randomUuid().toString());
    for (String override : overrides) {
      Map.Entry<String, String> kv = KeyValue.parse(override);
      state.setProperty("override." + kv.getKey(), kv.getValue());
    }
    List<NodeHome> toStart = targets.stream().filter(n -> !up.contains(n)).toList();
    for (NodeHome n : toStart) {
      BrokerProcess.checkPortFree(BrokerHome.clientPort(state, n.id()), "the client port");
      if (BrokerHome.isController(n.id())) {
        BrokerProcess.checkPortFree(
            BrokerHome.controllerPort(state, n.id()), "the controller port");
      }
    }
    for (NodeHome n : toStart) {
      Files.createDirectories(n.logDir());
    }
    home.saveState(state);
    try {
      return start(home, state, count, toStart, out, err);
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
      int count,
      List<NodeHome> toStart,
      PrintWriter out,
      PrintWriter err)
      throws IOException, InterruptedException {
    Map<NodeHome, Process> started = new LinkedHashMap<>();
    for (NodeHome n : toStart) {
      BrokerProcess.writeServerProperties(home, state, n);
      ProcessBuilder builder =
          new ProcessBuilder(
              BrokerProcess.command(environment, n, count, state.getProperty("cluster.id")));
      if (foreground && count == 1) {
        builder.inheritIO();
      } else {
        builder.redirectErrorStream(true);
        builder.redirectOutput(n.outFile().toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      }
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        stopAll(started);
        throw e;
      }
      n.writePid(process.pid());
      started.put(n, process);
    }
    if (foreground) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> stopAll(started), "kafkit-broker-stop"));
    }
    awaitReady(started, BrokerHome.bootstrap(state), count);
    String pids = started.values().stream().map(p -> Long.toString(p.pid())).collect(joining(", "));
    String version = "Kafka " + VersionProvider.kafkaVersion();
    if (count == 1) {
      NodeHome only = toStart.get(0);
      err.println(
          version
              + " broker is running (pid "
              + pids
              + "), data in "
              + home.dir()
              + ", log in "
              + only.logFile());
    } else if (node == null) {
      err.println(
          version
              + " cluster of "
              + count
              + " nodes is running (pids "
              + pids
              + "), data in "
              + home.dir()
              + ", logs in "
              + home.dir().resolve("node-N").resolve("logs"));
    } else {
      err.println(
          "Node "
              + node
              + " of the "
              + version
              + " cluster is running (pid "
              + pids
              + "), log in "
              + toStart.get(0).logFile());
    }
    String dataDir = options.dataDir == null ? "" : " --data-dir " + home.dir();
    err.println(
        foreground
            ? "Press Ctrl-C to stop " + (count == 1 ? "it." : "them.")
            : count == 1
                ? "Stop it with 'kafkit broker stop" + dataDir + "'."
                : "Stop a node with 'kafkit broker stop --node ID"
                    + dataDir
                    + "', all of them with 'kafkit broker stop"
                    + dataDir
                    + "'.");
    out.println(BrokerHome.bootstrap(state));
    out.flush();
    err.flush();
    if (foreground) {
      boolean clean = true;
      for (Map.Entry<NodeHome, Process> e : started.entrySet()) {
        int code = e.getValue().waitFor();
        e.getKey().deletePid();
        clean &= code == 0 || code == 130 || code == 143;
      }
      return clean ? ExitCodes.OK : ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }

  private static String alreadyRunning(List<NodeHome> targets, int count) {
    String pids =
        targets.stream()
            .map(n -> n.running().map(p -> Long.toString(p.pid())).orElse("?"))
            .collect(joining(", "));
    if (count == 1) {
      return "The broker is already running (pid " + pids + ").";
    }
    return (targets.size() == 1 ? "Node " : "Every node (")
        + ids(targets)
        + (targets.size() == 1 ? " is" : ") is")
        + " already running (pid"
        + (targets.size() == 1 ? " " : "s ")
        + pids
        + ").";
  }

  private static String ids(List<NodeHome> nodes) {
    return nodes.stream().map(n -> Integer.toString(n.id())).collect(joining(", "));
  }

  private static String range(int first, int count) {
    return count == 1 ? Integer.toString(first) : first + "-" + (first + count - 1);
  }

  private static KafkitException usage(String message) {
    return new KafkitException(message, ExitCodes.USAGE, null);
  }

  private void checkPort(Integer value, String option) {
    if (value != null && (value < 1 || value > 65535)) {
      throw usage(option + " " + value + " is not a port: give one from 1 to 65535.");
    }
  }

  private static void checkRange(int first, int count, String option) {
    if (first + count - 1 > 65535) {
      throw usage(
          option
              + " "
              + first
              + ": the "
              + count
              + " ports from it go past 65535; give a lower one.");
    }
  }

  /** Waits until every started node is a live broker of the cluster; stops them if one dies. */
  private void awaitReady(Map<NodeHome, Process> started, String bootstrap, int count)
      throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(wait);
    Set<Integer> ids =
        started.keySet().stream().map(NodeHome::id).collect(java.util.stream.Collectors.toSet());
    try (BrokerProbe probe = new BrokerProbe(bootstrap)) {
      while (Instant.now().isBefore(deadline)) {
        for (Map.Entry<NodeHome, Process> e : started.entrySet()) {
          Process process = e.getValue();
          if (!process.isAlive()) {
            NodeHome dead = e.getKey();
            process.waitFor();
            stopAll(started);
            String why =
                dead.startupFailure()
                    .map(cause -> ": " + cause + ". Its log: " + dead.outFile())
                    .orElseGet(
                        () ->
                            " (exit code "
                                + process.exitValue()
                                + "). Last lines of its log:\n  "
                                + String.join("\n  ", dead.lastLogLines(8)));
            throw new KafkitException(
                (count == 1 ? "The broker" : "Node " + dead.id())
                    + " stopped during start-up"
                    + why);
          }
        }
        if (probe
            .liveNodes(Duration.ofSeconds(1))
            .filter(live -> live.containsAll(ids))
            .isPresent()) {
          return;
        }
        Thread.sleep(200);
      }
    }
    stopAll(started);
    throw new KafkitException(
        (count == 1 ? "The broker did not answer" : "The nodes did not all answer")
            + " within "
            + DurationConverter.format(wait)
            + " and "
            + (started.size() == 1 ? "was" : "were")
            + " stopped; see "
            + (started.size() == 1 ? "its log in " : "their logs, such as ")
            + started.keySet().iterator().next().logFile());
  }

  /** Stops the processes together (a controller quorum stops best as a whole) and waits. */
  private static void stopAll(Map<NodeHome, Process> started) {
    started.values().forEach(Process::destroy);
    for (Map.Entry<NodeHome, Process> e : started.entrySet()) {
      try {
        if (!e.getValue().waitFor(60, TimeUnit.SECONDS)) {
          e.getValue().destroyForcibly();
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        e.getValue().destroyForcibly();
      }
      e.getKey().deletePid();
    }
  }
}
