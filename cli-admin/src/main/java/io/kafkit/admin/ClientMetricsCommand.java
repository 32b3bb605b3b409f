package io.kafkit.admin;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit client-metrics}: kafka-client-metrics.sh, the client metrics subscriptions
 * (KIP-714) a cluster pushes to its clients: list, describe, alter, delete.
 */
@Command(
    name = "client-metrics",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "This tool helps to manipulate and describe client metrics configurations.")
public final class ClientMetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(names = "--list", description = "List the client metrics resources.")
  boolean list;

  @Option(names = "--describe", description = "List the configuration of the resources.")
  boolean describe;

  @Option(names = "--alter", description = "Alter (or create) a client metrics resource.")
  boolean alter;

  @Option(names = "--delete", description = "Delete a client metrics resource.")
  boolean delete;

  @Option(names = "--name", paramLabel = "NAME", description = "The resource's name.")
  String name;

  @Option(names = "--generate-name", description = "With --alter: a new random name.")
  boolean generateName;

  @Option(
      names = "--interval",
      paramLabel = "MS",
      description = "The metrics push interval in ms (100 to 3600000); empty to reset it.")
  String interval;

  @Option(
      names = "--metrics",
      split = ",",
      paramLabel = "PREFIX",
      description = "Telemetry metric name prefixes, m1,m2; empty to reset them.")
  List<String> metrics;

  @Option(
      names = "--match",
      split = ",",
      paramLabel = "KEY=VALUE",
      description =
          "Which clients: client_id, client_instance_id, client_software_name,"
              + " client_software_version, client_source_address, client_source_port, as"
              + " k1=v1,k2=v2 (values are regular expressions); empty to match every client.")
  List<String> match;

  private static final String CLIENT_METRICS_KEYS = "interval.ms, match, metrics";

  /** A resource and its configuration, in the broker's order. */
  record Resource(String name, Map<String, String> configs) {}

  record Listing(List<String> names) {}

  record View(List<Resource> resources) {}

  @Override
  public Integer call() throws Exception {
    check();
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      if (list) {
        output.print(
            new Listing(names(admin)), (v, w) -> w.println(String.join("\n", v.names())), out);
      } else if (describe) {
        describe(admin, out);
      } else if (alter) {
        output.refuseJson("--alter");
        String resource = generateName ? Uuid.randomUuid().toString() : name;
        alter(admin, resource);
        out.println("Altered client metrics config for " + resource + ".");
      } else {
        output.refuseJson("--delete");
        if (!names(admin).contains(name)) {
          throw missing(name);
        }
        deleteAll(admin, name);
        out.println("Deleted client metrics config for " + name + ".");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Apache's checks, in its order, with its words; each one a usage error. */
  private void check() {
    int actions = (list ? 1 : 0) + (describe ? 1 : 0) + (alter ? 1 : 0) + (delete ? 1 : 0);
    if (actions != 1) {
      throw usage(
          "Command must include exactly one action: --alter, --delete, --describe or --list.");
    }
    Map<String, Boolean> settings = new LinkedHashMap<>();
    settings.put("name", list && name != null); // --describe takes --name, --list does not
    settings.put("generate-name", generateName);
    settings.put("interval", interval != null);
    settings.put("match", match != null);
    settings.put("metrics", metrics != null);
    String action = delete ? "delete" : describe ? "describe" : list ? "list" : null;
    if (action != null) {
      settings.entrySet().stream()
          .filter(Map.Entry::getValue)
          .findFirst()
          .ifPresent(
              e -> {
                throw usage(
                    "Option \"["
                        + action
                        + "]\" can't be used with option \"["
                        + e.getKey()
                        + "]\"");
              });
    }
    if (alter) {
      if ((name != null) == generateName) {
        throw usage("One of --name or --generate-name must be specified with --alter.");
      }
      if (interval != null && !interval.isEmpty()) {
        try {
          Integer.parseInt(interval);
        } catch (NumberFormatException e) {
          throw usage("Invalid interval value. Enter an integer, or leave empty to reset.");
        }
      }
      if (interval == null && metrics == null && match == null) {
        throw usage("Nothing to alter: give --interval, --metrics or --match.");
      }
    }
    if (delete && name == null) {
      throw usage("A client metrics resource name must be specified with --delete.");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static KafkitException missing(String name) {
    return new KafkitException(
        "The client metrics resource "
            + name
            + " does not exist. List them with 'kafkit"
            + " client-metrics --list'.");
  }

  /** The resources' names, in the broker's order. */
  private static List<String> names(Admin admin) throws Exception {
    return ConfigEntityLookup.configResourceNames(admin, ConfigResource.Type.CLIENT_METRICS);
  }

  private void describe(Admin admin, PrintWriter out) throws Exception {
    List<String> names = names(admin);
    if (name != null) {
      if (!names.contains(name)) {
        throw missing(name);
      }
      names = List.of(name);
    }
    List<Resource> resources = new ArrayList<>();
    for (String n : names) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.CLIENT_METRICS, n);
      Map<String, String> configs = new LinkedHashMap<>();
      admin
          .describeConfigs(Set.of(resource))
          .all()
          .get()
          .get(resource)
          .entries()
          .forEach(e -> configs.put(e.name(), e.value()));
      resources.add(new Resource(n, configs));
    }
    output.print(
        new View(resources),
        (v, w) ->
            v.resources()
                .forEach(
                    r -> {
                      w.println("Client metrics configs for " + r.name() + " are:");
                      r.configs().forEach((k, value) -> w.println("  " + k + "=" + value));
                    }),
        out);
  }

  /** Sets each given key, and deletes each given empty (Apache: an empty value resets). */
  private void alter(Admin admin, String resource) throws Exception {
    Map<String, String> configs = new LinkedHashMap<>();
    if (interval != null) {
      configs.put("interval.ms", interval);
    }
    if (metrics != null) {
      configs.put("metrics", String.join(",", metrics));
    }
    if (match != null) {
      configs.put("match", String.join(",", match));
    }
    List<AlterConfigOp> ops = new ArrayList<>();
    configs.forEach(
        (k, v) ->
            ops.add(
                new AlterConfigOp(
                    new ConfigEntry(k, v),
                    v.isEmpty() ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET)));
    admin
        .incrementalAlterConfigs(
            Map.of(new ConfigResource(ConfigResource.Type.CLIENT_METRICS, resource), ops),
            new AlterConfigsOptions())
        .all()
        .get();
  }

  private static void deleteAll(Admin admin, String name) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.CLIENT_METRICS, name);
    List<AlterConfigOp> ops = new ArrayList<>();
    for (String key : CLIENT_METRICS_KEYS.split(", ")) {
      ops.add(new AlterConfigOp(new ConfigEntry(key, ""), AlterConfigOp.OpType.DELETE));
    }
    admin.incrementalAlterConfigs(Map.of(resource, ops), new AlterConfigsOptions()).all().get();
  }
}
