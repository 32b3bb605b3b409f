package io.kafkit.admin;

import static io.kafkit.admin.ConfigEntities.BROKERS;
import static io.kafkit.admin.ConfigEntities.BROKER_LOGGERS;
import static io.kafkit.admin.ConfigEntities.CLIENTS;
import static io.kafkit.admin.ConfigEntities.CLIENT_METRICS;
import static io.kafkit.admin.ConfigEntities.GROUPS;
import static io.kafkit.admin.ConfigEntities.IPS;
import static io.kafkit.admin.ConfigEntities.TOPICS;
import static io.kafkit.admin.ConfigEntities.USERS;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ErrorPrefix;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit configs}: kafka-configs.sh's options, checks and lines for topics, brokers, broker
 * loggers, users, clients, IPs, client-metrics resources and groups; a table with each value's
 * source at a terminal, JSON, and {@code --alter --dry-run}.
 */
@Command(
    name = "configs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description =
        "This tool helps to manipulate and describe entity config for a topic, client, user,"
            + " broker, ip, client-metrics or group")
public final class ConfigsCommand implements Callable<Integer>, ErrorPrefix {
  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--bootstrap-controller",
      paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "The KRaft controllers to connect to, instead of --bootstrap-server.")
  void bootstrapController(String controllers) {
    connection.bootstrapController(controllers);
  }

  @Option(names = "--describe", description = "List configs for the given entity.")
  boolean describe;

  @Option(
      names = "--all",
      description =
          "With --describe: every config of the entity, static and default ones included.")
  boolean all;

  @Option(names = "--alter", description = "Alter the configuration for the entity.")
  boolean alter;

  @Option(
      names = "--dry-run",
      description =
          "With --alter: have the broker validate the change and show each config's value now and"
              + " after; change nothing.")
  boolean dryRun;

  @Option(
      names = "--entity-type",
      paramLabel = "TYPE",
      description =
          "Type of entity (topics/clients/users/brokers/broker-loggers/ips/client-metrics/groups);"
              + " users and clients together for a user's clients.")
  List<String> entityTypes = new ArrayList<>();

  @Option(
      names = "--entity-name",
      paramLabel = "NAME",
      description =
          "Name of entity (topic name/client id/user principal name/broker id/ip/client"
              + " metrics/group id)")
  List<String> entityNameValues = new ArrayList<>();

  @Option(
      names = "--entity-default",
      description =
          "Default entity name for clients/users/brokers/ips (applies to corresponding entity"
              + " type)")
  boolean[] entityDefault = new boolean[0];

  @Option(
      names = "--add-config",
      paramLabel = "K=V,...",
      description =
          "Configs to add or change: 'k1=v1,k2=[v1,v2,v2],k3=v3' (square brackets group values"
              + " with commas).")
  String addConfig;

  @Option(
      names = "--add-config-file",
      paramLabel = "FILE",
      description = "A properties file with configs to add.")
  Path addConfigFile;

  @Option(
      names = "--delete-config",
      paramLabel = "K,...",
      split = ",",
      description = "Config keys to remove: 'k1,k2'.")
  List<String> deleteConfig;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "The topic's name.")
  String topic;

  @Option(names = "--client", paramLabel = "ID", description = "The client's ID.")
  String client;

  @Option(names = "--client-defaults", description = "The config defaults for all clients.")
  boolean clientDefaults;

  @Option(names = "--user", paramLabel = "PRINCIPAL", description = "The user's principal name.")
  String user;

  @Option(names = "--user-defaults", description = "The config defaults for all users.")
  boolean userDefaults;

  @Option(names = "--broker", paramLabel = "ID", description = "The broker's ID.")
  String broker;

  @Option(names = "--broker-defaults", description = "The config defaults for all brokers.")
  boolean brokerDefaults;

  @Option(
      names = "--broker-logger",
      paramLabel = "ID",
      description = "The broker's ID for its logger config.")
  String brokerLogger;

  @Option(names = "--ip", paramLabel = "IP", description = "The IP address.")
  String ip;

  @Option(names = "--ip-defaults", description = "The config defaults for all IPs.")
  boolean ipDefaults;

  @Option(names = "--group", paramLabel = "GROUP", description = "The group's ID.")
  String group;

  @Option(
      names = "--client-metrics",
      paramLabel = "NAME",
      description = "The client metrics config resource name.")
  String clientMetrics;

  public ConfigsCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public String errorPrefix() {
    return "";
  }

  @Override
  public Integer call() throws Exception {
    if ((alter ? 1 : 0) + (describe ? 1 : 0) != 1) {
      throw usage("Command must include exactly one action: --describe, --alter");
    }
    if (describe) {
      if (addConfig != null) {
        throw usage("Option \"[describe]\" can't be used with option \"[add-config]\"");
      }
      if (deleteConfig != null) {
        throw usage("Option \"[describe]\" can't be used with option \"[delete-config]\"");
      }
      if (dryRun) {
        throw usage("--dry-run goes with --alter: a --describe changes nothing.");
      }
    }
    ConfigEntities entities = entities();
    check(entities.typeProblem());
    boolean genericGiven =
        !entityTypes.isEmpty() || !entityNameValues.isEmpty() || entityDefault.length > 0;
    if (genericGiven && (!flagTypes().isEmpty() || !defaultFlagTypes().isEmpty())) {
      throw usage(
          "--entity-{type,name,default} should not be used in conjunction with specific entity"
              + " flags");
    }
    check(entities.brokerIdProblem());
    if (entities.hasName() && entities.types().contains(IPS)) {
      for (String name : entities.names()) {
        if (!name.isEmpty() && !isIp(name)) {
          throw usage(
              "The entity name for "
                  + entities.type()
                  + " must be a valid IP or resolvable host, but it is: "
                  + name);
        }
      }
    }
    check(entities.actionProblem(describe, entityDefault.length > 0));
    if (alter) {
      return alter(entities);
    }
    return describe(entities);
  }

  private int describe(ConfigEntities entities) throws Exception {
    DescribeConfigs.Format format =
        output.json()
            ? DescribeConfigs.Format.JSON
            : environment.stdoutTerminal()
                ? DescribeConfigs.Format.TABLE
                : DescribeConfigs.Format.APACHE;
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      return DescribeConfigs.run(
          admin, entities, all, throughControllers(), format, spec.commandLine().getOut());
    }
  }

  /** Whether the cluster is reached through its controllers, whose ids the broker ids are then. */
  private boolean throughControllers() {
    return connection
        .resolve()
        .properties()
        .containsKey(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG);
  }

  private int alter(ConfigEntities entities) throws Exception {
    if (addConfig != null && addConfigFile != null) {
      throw usage("Only one of --add-config or --add-config-file must be specified");
    }
    if (addConfig == null && addConfigFile == null && deleteConfig == null) {
      throw usage(
          "At least one of --add-config, --add-config-file, or --delete-config must be specified"
              + " with --alter");
    }
    if (entities.types().size() != entities.names().size()) {
      throw usage("An entity name must be specified for every entity type");
    }
    ConfigChanges changes;
    try {
      changes = ConfigChanges.parse(addConfig, addConfigFile, deleteConfig);
    } catch (ConfigChanges.Malformed e) {
      throw usage(e.getMessage());
    }
    if (entities.isQuotaType()) {
      check(QuotaConfigs.problem(entities, changes));
    }
    if (!dryRun) {
      output.refuseJson("--alter without --dry-run");
    }
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      AlterConfigs.run(
          admin,
          entities,
          changes,
          dryRun,
          output.json(),
          throughControllers(),
          spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  /** The entity types and names in Apache's order (see {@link ConfigEntities}). */
  private ConfigEntities entities() {
    List<String> types = new ArrayList<>(entityTypes);
    types.addAll(flagTypes());
    types.addAll(defaultFlagTypes());
    List<String> names = new ArrayList<>();
    Iterator<String> given = entityNameValues.iterator();
    for (ArgSpec arg : spec.commandLine().getParseResult().matchedArgs()) {
      if (arg instanceof OptionSpec option) {
        if (option.longestName().equals("--entity-name")) {
          names.add(given.next());
        } else if (option.longestName().equals("--entity-default")) {
          names.add("");
        }
      }
    }
    for (String[] flag : flags()) {
      if (flag[1] != null) {
        names.add(flag[1]);
      }
    }
    defaultFlagTypes().forEach(t -> names.add(""));
    return ConfigEntities.of(types, names);
  }

  /** The shortcut flags, in Apache's order: {type, name given or null}. */
  private String[][] flags() {
    return new String[][] {
      {TOPICS, topic},
      {CLIENTS, client},
      {USERS, user},
      {BROKERS, broker},
      {BROKER_LOGGERS, brokerLogger},
      {IPS, ip},
      {CLIENT_METRICS, clientMetrics},
      {GROUPS, group}
    };
  }

  private List<String> flagTypes() {
    List<String> types = new ArrayList<>();
    for (String[] flag : flags()) {
      if (flag[1] != null) {
        types.add(flag[0]);
      }
    }
    return types;
  }

  private List<String> defaultFlagTypes() {
    List<String> types = new ArrayList<>();
    if (clientDefaults) {
      types.add(CLIENTS);
    }
    if (userDefaults) {
      types.add(USERS);
    }
    if (brokerDefaults) {
      types.add(BROKERS);
    }
    if (ipDefaults) {
      types.add(IPS);
    }
    return types;
  }

  private static boolean isIp(String name) {
    try {
      InetAddress.getByName(name);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private void check(String problem) {
    if (problem != null) {
      throw usage(problem);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
