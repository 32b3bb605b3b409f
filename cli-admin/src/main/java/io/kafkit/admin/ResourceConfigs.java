package io.kafkit.admin;

import static io.kafkit.admin.ConfigEntities.BROKERS;
import static io.kafkit.admin.ConfigEntities.BROKER_LOGGERS;
import static io.kafkit.admin.ConfigEntities.CLIENT_METRICS;
import static io.kafkit.admin.ConfigEntities.GROUPS;
import static io.kafkit.admin.ConfigEntities.TOPICS;

import io.kafkit.common.cli.KafkitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConfigEntry.ConfigSource;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConfigResourcesOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The configs of topics, brokers, broker loggers, client-metrics resources and groups: read and
 * changed through DescribeConfigs and IncrementalAlterConfigs, as kafka-configs does.
 */
final class ResourceConfigs {
  private ResourceConfigs() {}

  /** The name Apache gives the brokers' default entity. */
  static final String DEFAULT_BROKER = "";

  /** One entity's configs, as described. */
  record Described(String entityType, String entityName, boolean all, List<ConfigEntry> entries) {
    /** Apache's line above the entries. */
    String header() {
      if (entityName.equals(DEFAULT_BROKER)) {
        return "Default configs for " + entityType + " in the cluster are:";
      }
      return (all ? "All" : "Dynamic")
          + " configs for "
          + ConfigEntities.singular(entityType)
          + " "
          + entityName
          + " are:";
    }
  }

  static ConfigResource.Type resourceType(String entityType) {
    return switch (entityType) {
      case TOPICS -> ConfigResource.Type.TOPIC;
      case BROKERS -> ConfigResource.Type.BROKER;
      case BROKER_LOGGERS -> ConfigResource.Type.BROKER_LOGGER;
      case CLIENT_METRICS -> ConfigResource.Type.CLIENT_METRICS;
      case GROUPS -> ConfigResource.Type.GROUP;
      default -> throw new IllegalArgumentException("Invalid entity type: " + entityType);
    };
  }

  /** The source of the values that --describe shows without --all; none for broker loggers. */
  private static Optional<ConfigSource> dynamicSource(String entityType, String entityName) {
    return switch (entityType) {
      case TOPICS -> Optional.of(ConfigSource.DYNAMIC_TOPIC_CONFIG);
      case BROKERS ->
          Optional.of(
              entityName.equals(DEFAULT_BROKER)
                  ? ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG
                  : ConfigSource.DYNAMIC_BROKER_CONFIG);
      case CLIENT_METRICS -> Optional.of(ConfigSource.DYNAMIC_CLIENT_METRICS_CONFIG);
      case GROUPS -> Optional.of(ConfigSource.DYNAMIC_GROUP_CONFIG);
      default -> Optional.empty();
    };
  }

  /** An entity's entries sorted by name: every one with {@code all}, else the dynamic ones. */
  static List<ConfigEntry> entries(
      Admin admin, String entityType, String entityName, boolean synonyms, boolean all)
      throws ExecutionException, InterruptedException {
    return entries(admin, entityType, List.of(entityName), synonyms, all).get(0);
  }

  /**
   * The entries of several entities of one type, in one DescribeConfigs (the admin client sends
   * each broker's to that broker); an entity's failure surfaces when its turn comes.
   */
  static List<List<ConfigEntry>> entries(
      Admin admin, String entityType, List<String> entityNames, boolean synonyms, boolean all)
      throws ExecutionException, InterruptedException {
    List<ConfigResource> resources =
        entityNames.stream().map(n -> new ConfigResource(resourceType(entityType), n)).toList();
    Map<ConfigResource, KafkaFuture<Config>> answers =
        admin
            .describeConfigs(resources, new DescribeConfigsOptions().includeSynonyms(synonyms))
            .values();
    List<List<ConfigEntry>> entries = new ArrayList<>();
    for (ConfigResource resource : resources) {
      Optional<ConfigSource> filter =
          all ? Optional.empty() : dynamicSource(entityType, resource.name());
      entries.add(
          answers.get(resource).get().entries().stream()
              .filter(e -> filter.isEmpty() || e.source() == filter.get())
              .sorted(Comparator.comparing(ConfigEntry::name))
              .toList());
    }
    return entries;
  }

  /**
   * Whether the named entity exists, as Apache checks it before a describe without --all; Apache's
   * line for one that does not.
   */
  static Optional<String> missing(Admin admin, String entityType, String name) throws Exception {
    boolean exists =
        switch (entityType) {
          case TOPICS -> topics(admin).contains(name);
          case BROKERS, BROKER_LOGGERS ->
              name.equals(DEFAULT_BROKER) || brokerIds(admin).contains(name);
          case CLIENT_METRICS -> clientMetrics(admin).contains(name);
          case GROUPS -> groupMayExist(admin, name);
          default -> throw new IllegalArgumentException("Invalid entity type: " + entityType);
        };
    return exists
        ? Optional.empty()
        : Optional.of(
            "The "
                + ConfigEntities.singular(entityType)
                + " '"
                + name
                + "' doesn't exist and doesn't have dynamic config.");
  }

  /** Every entity of the type, in the order Apache lists them. */
  static List<String> every(Admin admin, String entityType) throws Exception {
    return switch (entityType) {
      case TOPICS -> new ArrayList<>(topics(admin));
      case BROKERS, BROKER_LOGGERS -> {
        List<String> ids = brokerIds(admin);
        ids.add(DEFAULT_BROKER);
        yield ids;
      }
      case CLIENT_METRICS -> clientMetrics(admin);
      case GROUPS -> groups(admin);
      default -> throw new IllegalArgumentException("Invalid entity type: " + entityType);
    };
  }

  private static Set<String> topics(Admin admin) throws Exception {
    return admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
  }

  private static List<String> brokerIds(Admin admin) throws Exception {
    return admin.describeCluster().nodes().get().stream()
        .map(Node::idString)
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static List<String> clientMetrics(Admin admin) throws Exception {
    return admin
        .listConfigResources(
            Set.of(ConfigResource.Type.CLIENT_METRICS), new ListConfigResourcesOptions())
        .all()
        .get()
        .stream()
        .map(ConfigResource::name)
        .toList();
  }

  /**
   * The groups the coordinators list, in their order, then those with configs but no group yet, in
   * the order the broker lists them: Apache 4.4.0's order.
   */
  private static List<String> groups(Admin admin) throws Exception {
    Set<String> ids =
        admin.listGroups().all().get().stream()
            .map(GroupListing::groupId)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    groupConfigResources(admin).ifPresent(ids::addAll);
    return new ArrayList<>(ids);
  }

  /**
   * Whether a group may exist: it is listed, or has configs; when the configs cannot be listed (an
   * older broker, no cluster rights) Apache lets the describe go on, and so does this.
   */
  private static boolean groupMayExist(Admin admin, String name) throws Exception {
    Optional<List<String>> withConfigs = groupConfigResources(admin);
    return withConfigs.isEmpty()
        || withConfigs.get().contains(name)
        || admin.listGroups().all().get().stream().anyMatch(g -> g.groupId().equals(name));
  }

  private static Optional<List<String>> groupConfigResources(Admin admin) throws Exception {
    try {
      return Optional.of(
          admin
              .listConfigResources(
                  Set.of(ConfigResource.Type.GROUP), new ListConfigResourcesOptions())
              .all()
              .get()
              .stream()
              .map(ConfigResource::name)
              .toList());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnsupportedVersionException
          || e.getCause() instanceof ClusterAuthorizationException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Describes the named entity, or every entity of the type; Apache's checks first. */
  static List<Described> describe(Admin admin, String entityType, String name, boolean all)
      throws Exception {
    if (!all && name != null) {
      Optional<String> missing = missing(admin, entityType, name);
      if (missing.isPresent()) {
        throw new Missing(missing.get());
      }
    }
    List<String> names = name != null ? List.of(name) : every(admin, entityType);
    List<List<ConfigEntry>> entries = entries(admin, entityType, names, true, all);
    List<Described> described = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      described.add(new Described(entityType, names.get(i), all, entries.get(i)));
    }
    return described;
  }

  /** A named entity that is not there: Apache's line, printed on stdout, and exit 1. */
  static final class Missing extends Exception {
    Missing(String line) {
      super(line, null, false, false);
    }
  }

  /** One config an --alter changes: its value and source now, and after. */
  record Change(
      String name, String current, String currentSource, String after, String afterSource) {}

  /**
   * Alters the configs of one topic, broker (or the brokers' default), client-metrics resource or
   * group; only validated with {@code dryRun}. Deleting a config that is not set is no error, as in
   * Apache. Returns what changes, each config's value before and after.
   */
  static List<Change> alter(
      Admin admin, String entityType, String name, ConfigChanges changes, boolean dryRun)
      throws Exception {
    // Only a dry run reads the configs first, for its table: a real change does not need them
    // (and a broker that is offline, or a user who may alter but not describe, would fail it)
    List<ConfigEntry> current = List.of();
    try {
      if (dryRun) {
        current = entries(admin, entityType, name, true, true);
      }
      apply(admin, new ConfigResource(resourceType(entityType), name), changes, dryRun);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new KafkitException("The topic '" + name + "' does not exist.");
      }
      throw e;
    }
    return dryRun ? changesOf(current, changes, dynamicSource(entityType, name)) : List.of();
  }

  /** Alters broker loggers, after checking that each one named exists, as Apache does. */
  static List<Change> alterLoggers(
      Admin admin, String broker, ConfigChanges changes, boolean dryRun) throws Exception {
    List<ConfigEntry> loggers = entries(admin, BROKER_LOGGERS, broker, true, false);
    Set<String> valid = loggers.stream().map(ConfigEntry::name).collect(Collectors.toSet());
    List<String> invalid =
        Stream.concat(changes.deleted().stream(), changes.added().keySet().stream())
            .filter(k -> !valid.contains(k))
            .toList();
    if (!invalid.isEmpty()) {
      throw new KafkitException("Invalid broker logger(s): " + String.join(",", invalid));
    }
    apply(admin, new ConfigResource(ConfigResource.Type.BROKER_LOGGER, broker), changes, dryRun);
    return changesOf(loggers, changes, Optional.empty());
  }

  private static void apply(
      Admin admin, ConfigResource resource, ConfigChanges changes, boolean dryRun)
      throws Exception {
    Collection<AlterConfigOp> ops = new ArrayList<>();
    changes
        .deleted()
        .forEach(
            k -> ops.add(new AlterConfigOp(new ConfigEntry(k, ""), AlterConfigOp.OpType.DELETE)));
    changes
        .added()
        .forEach(
            (k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
    admin
        .incrementalAlterConfigs(
            Map.of(resource, ops), new AlterConfigsOptions().timeoutMs(30000).validateOnly(dryRun))
        .all()
        .get();
  }

  /**
   * Each changed config's value now and after: a deleted one falls back to its next synonym (the
   * broker's value or its default), or to the default when the broker names none; a sensitive value
   * is never shown.
   */
  private static List<Change> changesOf(
      List<ConfigEntry> current, ConfigChanges changes, Optional<ConfigSource> dynamic) {
    Map<String, ConfigEntry> byName =
        current.stream().collect(Collectors.toMap(ConfigEntry::name, e -> e, (a, b) -> a));
    List<Change> result = new ArrayList<>();
    for (String key : changes.deleted()) {
      ConfigEntry entry = byName.get(key);
      ConfigEntry.ConfigSynonym fallback =
          entry == null
              ? null
              : entry.synonyms().stream()
                  .filter(s -> dynamic.isEmpty() || s.source() != dynamic.get())
                  .findFirst()
                  .orElse(null);
      String after = null;
      if (fallback != null) {
        String value = masked(entry, fallback.value());
        // a synonym of another name may count in other units (log.retention.hours): name it
        after = fallback.name().equals(key) ? value : fallback.name() + "=" + value;
      }
      result.add(
          new Change(
              key,
              shown(entry),
              entry == null ? null : ConfigSources.label(entry.source()),
              after,
              fallback == null ? "default" : ConfigSources.label(fallback.source())));
    }
    changes
        .added()
        .forEach(
            (key, value) -> {
              ConfigEntry entry = byName.get(key);
              boolean sensitive =
                  entry != null ? entry.isSensitive() : SECRET_NAME.matcher(key).find();
              result.add(
                  new Change(
                      key,
                      shown(entry),
                      entry == null ? null : ConfigSources.label(entry.source()),
                      sensitive ? ConfigSources.SENSITIVE : value,
                      dynamic.map(ConfigSources::label).orElse("broker logger")));
            });
    return result;
  }

  /**
   * A config the broker did not list (a listener's setting not set yet) whose name says it is a
   * secret: its new value is masked as the broker would mask it.
   */
  private static final java.util.regex.Pattern SECRET_NAME =
      java.util.regex.Pattern.compile("(?i)(password|secret|jaas|credential|\\.key$)");

  private static String shown(ConfigEntry entry) {
    if (entry == null) {
      return null;
    }
    return entry.isSensitive() ? ConfigSources.SENSITIVE : entry.value();
  }

  private static String masked(ConfigEntry entry, String value) {
    return entry.isSensitive() ? ConfigSources.SENSITIVE : value;
  }
}
