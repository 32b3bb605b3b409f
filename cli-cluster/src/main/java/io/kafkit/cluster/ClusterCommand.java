package io.kafkit.cluster;

import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.KafkaClients;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit cluster}: kafka-cluster.sh's subcommands, Apache's lines, kafkit's errors. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "The Kafka cluster tool: its id, its nodes' endpoints and API versions.",
    subcommands = {
      ClusterCommand.ClusterId.class,
      ClusterCommand.Unregister.class,
      ClusterCommand.UnregisterController.class,
      ClusterCommand.ListEndpoints.class,
      ClusterCommand.ApiVersions.class
    })
public final class ClusterCommand implements Callable<Integer>, ArgparseRules {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Name a subcommand: cluster-id, unregister, unregister-controller, list-endpoints or"
            + " api-versions.");
  }

  /** {@code cluster-id}. */
  @Command(
      name = "cluster-id",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Get information about the ID of a cluster.")
  static final class ClusterId extends ClusterToolOptions implements Callable<Integer> {
    record View(String clusterId) {}

    @Override
    public Integer call() throws Exception {
      applyLegacyConfig(err());
      try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
        String id = admin.describeCluster().clusterId().get();
        output.print(
            new View(id),
            (v, w) ->
                w.println(
                    v.clusterId() != null
                        ? "Cluster ID: " + v.clusterId()
                        : "No cluster ID found. The Kafka version is probably too old."),
            out());
      }
      return ExitCodes.OK;
    }
  }

  /** What unregister and unregister-controller share: the node's id, Apache's lines. */
  abstract static class UnregisterNode extends ClusterToolOptions implements Callable<Integer> {
    @Option(
        names = {"--id", "-i"},
        required = true,
        paramLabel = "ID",
        description = "The ID of the node to unregister.")
    int id;

    /** "broker" or "controller". */
    abstract String role();

    abstract KafkaFuture<Void> unregister(Admin admin);

    @Override
    public Integer call() throws Exception {
      output.refuseJson(spec.name());
      applyLegacyConfig(err());
      try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
        unregister(admin).get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnsupportedVersionException) {
          // Apache: this sentence, and exit 0
          throw new KafkitException(
              "The target cluster does not support the " + role() + " unregistration API.", e);
        }
        throw e;
      }
      String name = role().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + role().substring(1);
      out().println(name + " " + id + " is no longer registered.");
      return ExitCodes.OK;
    }
  }

  /** {@code unregister --id N}. */
  @Command(
      name = "unregister",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Unregister a broker.")
  static final class Unregister extends UnregisterNode {
    @Override
    String role() {
      return "broker";
    }

    @Override
    KafkaFuture<Void> unregister(Admin admin) {
      return admin.unregisterBroker(id).all();
    }
  }

  /** {@code unregister-controller --id N}. */
  @Command(
      name = "unregister-controller",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Unregister a controller.")
  static final class UnregisterController extends UnregisterNode {
    @Override
    String role() {
      return "controller";
    }

    @Override
    KafkaFuture<Void> unregister(Admin admin) {
      return admin.unregisterController(id).all();
    }
  }

  /** {@code list-endpoints [--include-fenced-brokers]}. */
  @Command(
      name = "list-endpoints",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "List the brokers' endpoints (or with --bootstrap-controller the controllers').")
  static final class ListEndpoints extends ClusterToolOptions implements Callable<Integer> {
    @Option(
        names = "--include-fenced-brokers",
        description = "Whether to include fenced brokers when listing broker endpoints.")
    boolean includeFenced;

    /** One node's endpoint; {@code state} is null for a controller. */
    record Endpoint(
        int id, String host, int port, String rack, String state, String endpointType) {}

    record View(List<Endpoint> endpoints) {}

    @Override
    public Integer call() throws Exception {
      applyLegacyConfig(err());
      boolean controllers = connection.resolve().source().equals("--bootstrap-controller");
      if (includeFenced && controllers) {
        throw new ParameterException(
            spec.commandLine(),
            "The option --include-fenced-brokers is only supported with --bootstrap-server option");
      }
      Collection<Node> nodes;
      try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
        nodes =
            admin
                .describeCluster(new DescribeClusterOptions().includeFencedBrokers(includeFenced))
                .nodes()
                .get();
      }
      List<Endpoint> endpoints = new ArrayList<>();
      for (Node n : nodes) {
        endpoints.add(
            new Endpoint(
                n.id(),
                n.host(),
                n.port(),
                n.rack(),
                controllers ? null : n.isFenced() ? "fenced" : "unfenced",
                controllers ? "controller" : "broker"));
      }
      output.print(new View(endpoints), (v, w) -> table(v, controllers, w), out());
      return ExitCodes.OK;
    }

    /** Apache's table: HOST and RACK as wide as their widest value (100 and 10 without one). */
    private static void table(View v, boolean controllers, PrintWriter w) {
      int host = v.endpoints().stream().mapToInt(e -> e.host().length()).max().orElse(100);
      int rack =
          v.endpoints().stream()
              .filter(e -> e.rack() != null)
              .mapToInt(e -> e.rack().length())
              .max()
              .orElse(10);
      if (controllers) {
        String fmt = "%-10s %-" + host + "s %-10s %-" + rack + "s %-15s%n";
        w.printf(fmt, "ID", "HOST", "PORT", "RACK", "ENDPOINT_TYPE");
        v.endpoints()
            .forEach(e -> w.printf(fmt, e.id(), e.host(), e.port(), e.rack(), e.endpointType()));
      } else {
        String fmt = "%-10s %-" + host + "s %-10s %-" + rack + "s %-10s %-15s%n";
        w.printf(fmt, "ID", "HOST", "PORT", "RACK", "STATE", "ENDPOINT_TYPE");
        v.endpoints()
            .forEach(
                e ->
                    w.printf(
                        fmt, e.id(), e.host(), e.port(), e.rack(), e.state(), e.endpointType()));
      }
    }
  }

  /** {@code api-versions}: each broker's (or controller's) API version ranges, by node id. */
  @Command(
      name = "api-versions",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Get information about the api versions of the brokers or controllers.")
  static final class ApiVersions extends ClusterToolOptions implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      applyLegacyConfig(err());
      try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
        Map<Node, KafkaFuture<ApiVersionsAdapter.NodeApis>> byId =
            new TreeMap<>((a, b) -> Integer.compare(a.id(), b.id()));
        admin
            .describeCluster()
            .nodes()
            .get()
            .forEach(n -> byId.put(n, ApiVersionsAdapter.request(admin, n.id())));
        return NodeApiVersionsView.print(byId, output, out(), err());
      }
    }
  }
}
