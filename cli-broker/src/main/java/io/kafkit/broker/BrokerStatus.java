package io.kafkit.broker;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kafkit broker status}: which nodes run, where, whether they answer and what they lead. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Say whether the local broker (or each node of the local cluster) runs, where, and how many"
            + " partitions each node leads; exit 0 if every node runs, 1 if not.")
final class BrokerStatus implements Callable<Integer> {
  private static final Duration PROBE = Duration.ofSeconds(3);

  @Spec CommandSpec spec;
  @Mixin BrokerOptions options;
  @Mixin OutputOptions output;

  /** What status prints: the whole and, for a cluster, its nodes. */
  record StatusView(
      boolean running,
      Long pid,
      String bootstrapServer,
      Boolean answering,
      String dataDir,
      List<NodeView> nodes) {}

  /** One node: {@code state} is up, down, or "not answering" (running, not a live broker). */
  record NodeView(
      int id,
      String roles,
      int port,
      Integer controllerPort,
      Long pid,
      String state,
      Integer leaders) {}

  @Override
  public Integer call() throws Exception {
    BrokerHome home = options.home();
    Properties state = home.state();
    int count = BrokerHome.nodeCount(state);
    List<NodeHome> nodes = home.nodes(count);
    Map<Integer, Long> pids = new LinkedHashMap<>();
    for (NodeHome n : nodes) {
      n.running().ifPresent(p -> pids.put(n.id(), p.pid()));
    }
    Set<Integer> live = Set.of();
    Map<Integer, Integer> leaders = Map.of();
    if (!pids.isEmpty()) {
      try (BrokerProbe probe = new BrokerProbe(BrokerHome.bootstrap(state))) {
        live = probe.liveNodes(PROBE).orElse(Set.of());
        if (!live.isEmpty()) {
          leaders = probe.leaderCounts(PROBE).orElse(null);
        }
      }
    }
    List<NodeView> views = new ArrayList<>();
    if (state.containsKey("port")) {
      for (NodeHome n : nodes) {
        boolean runs = pids.containsKey(n.id());
        boolean controller = BrokerHome.isController(n.id());
        views.add(
            new NodeView(
                n.id(),
                controller ? "broker,controller" : "broker",
                BrokerHome.clientPort(state, n.id()),
                controller ? BrokerHome.controllerPort(state, n.id()) : null,
                pids.get(n.id()),
                !runs ? "down" : live.contains(n.id()) ? "up" : "not answering",
                runs && leaders != null && live.contains(n.id())
                    ? leaders.getOrDefault(n.id(), 0)
                    : null));
      }
    }
    boolean all = !pids.isEmpty() && pids.size() == count;
    boolean answering = !pids.isEmpty() && live.containsAll(pids.keySet());
    StatusView view =
        new StatusView(
            all,
            count == 1 ? pids.get(1) : null,
            pids.isEmpty() ? null : BrokerHome.bootstrap(state),
            pids.isEmpty() ? null : answering,
            home.dir().toString(),
            views);
    output.print(view, BrokerStatus::text, spec.commandLine().getOut());
    return view.running() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static void text(StatusView view, PrintWriter out) {
    if (view.nodes().size() <= 1) {
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
      return;
    }
    long runs = view.nodes().stream().filter(n -> n.pid() != null).count();
    int count = view.nodes().size();
    out.println(
        (runs == 0
                ? "The cluster of " + count + " nodes is not running"
                : (runs == count ? "Every node" : runs + " of " + count + " nodes")
                    + " of the cluster "
                    + (runs == 1 ? "runs" : runs == count ? "runs" : "run")
                    + " ("
                    + view.bootstrapServer()
                    + ")")
            + "; data in "
            + view.dataDir()
            + ".");
    Table table = new Table("NODE", "ROLES", "PORT", "CONTROLLER-PORT", "PID", "STATE", "LEADERS");
    for (NodeView n : view.nodes()) {
      table.row(n.id(), n.roles(), n.port(), n.controllerPort(), n.pid(), n.state(), n.leaders());
    }
    table.print(out);
  }
}
