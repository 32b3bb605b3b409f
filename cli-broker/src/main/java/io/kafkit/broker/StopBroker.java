package io.kafkit.broker;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.convert.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kafkit broker stop}: a graceful shutdown of every node (or one), waited for. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Stop the local broker, or every node of the local cluster, gracefully and wait until they"
            + " have exited; the data is kept.")
final class StopBroker implements Callable<Integer> {
  private static final Duration QUORUM_GRACE = Duration.ofSeconds(5);

  @Spec CommandSpec spec;
  @Mixin BrokerOptions options;

  @Option(
      names = "--node",
      paramLabel = "ID",
      description = "Stop only this node of the cluster; 'kafkit broker start --node' restarts it.")
  Integer node;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = DurationConverter.Positive.class,
      defaultValue = "60s",
      description =
          "How long to wait for a graceful stop before killing a node (default: ${DEFAULT-VALUE}).")
  Duration wait;

  @Override
  public Integer call() throws Exception {
    BrokerHome home = options.home();
    PrintWriter err = spec.commandLine().getErr();
    int count = BrokerHome.nodeCount(home.state());
    if (node != null && (node < 1 || node > count)) {
      throw new KafkitException(
          "--node "
              + node
              + ": the "
              + (count == 1 ? "broker" : "cluster")
              + " in "
              + home.dir()
              + " has "
              + (count == 1 ? "node 1 only." : "nodes 1 to " + count + "."),
          ExitCodes.USAGE,
          null);
    }
    List<NodeHome> targets = node == null ? home.nodes(count) : List.of(home.node(node, count));
    Map<NodeHome, ProcessHandle> running = new LinkedHashMap<>();
    for (NodeHome n : targets) {
      Optional<ProcessHandle> process = n.running();
      if (process.isPresent()) {
        running.put(n, process.get());
      } else {
        n.deletePid();
      }
    }
    if (running.isEmpty()) {
      err.println(
          (count == 1
                  ? "No broker is running from "
                  : node == null
                      ? "No node is running from "
                      : "Node " + node + " is not running from ")
              + home.dir()
              + ".");
      return ExitCodes.OK;
    }
    // All at once: the nodes of a cluster shut down while a controller quorum still stands.
    running.values().forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + wait.toNanos();
    // A node's broker asks the controller quorum to let it go before it stops. Once most of the
    // controllers have exited, the nodes still running cannot be answered and would wait out
    // their own five minutes: they are given a few seconds to finish what they are doing, then
    // killed. Nothing acknowledged is lost; the next start recovers their logs.
    long quorumGone = 0;
    while (running.values().stream().anyMatch(ProcessHandle::isAlive)
        && System.nanoTime() < deadline) {
      if (quorumGone == 0 && count > 1 && controllersGone(running, count)) {
        quorumGone = System.nanoTime();
      }
      if (quorumGone != 0 && System.nanoTime() - quorumGone > QUORUM_GRACE.toNanos()) {
        break;
      }
      Thread.sleep(50);
    }
    for (Map.Entry<NodeHome, ProcessHandle> e : running.entrySet()) {
      ProcessHandle process = e.getValue();
      String what =
          count == 1
              ? "the broker (pid " + process.pid() + ")"
              : "node " + e.getKey().id() + " (pid " + process.pid() + ")";
      if (!process.isAlive()) {
        err.println("Stopped " + what + ".");
      } else {
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
        err.println(
            quorumGone != 0
                ? "Stopped "
                    + what
                    + ": killed "
                    + DurationConverter.format(QUORUM_GRACE)
                    + " after most controllers had exited, as its graceful stop needs them."
                : Character.toUpperCase(what.charAt(0))
                    + what.substring(1)
                    + " did not stop within "
                    + DurationConverter.format(wait)
                    + " and was killed.");
      }
      e.getKey().deletePid();
    }
    return ExitCodes.OK;
  }

  /**
   * Whether most of the cluster's controllers are among the nodes stopped that have exited (a
   * controller not being stopped counts as standing).
   */
  private static boolean controllersGone(Map<NodeHome, ProcessHandle> stopping, int count) {
    int controllers = Math.min(count, BrokerHome.MAX_CONTROLLERS);
    long exited =
        stopping.entrySet().stream()
            .filter(e -> BrokerHome.isController(e.getKey().id()) && !e.getValue().isAlive())
            .count();
    return exited > controllers / 2;
  }
}
