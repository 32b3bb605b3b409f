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
import java.util.HashMap;
import java.util.Iterator;
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
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The configs of topics, brokers, broker loggers, client-metrics resources and groups: read and
 * changed through DescribeConfigs and IncrementalAlterConfigs, as kafka-configs does.
 */
final class ResourceConfigs {
  private ResourceConfigs() {}

  /** The name Apache gives the brokers' default entity. */
  static final String DEFAULT_BROKER = "";

  /**
   * One entity's configs, as described; or, for a named one that is not there, Apache's line
   * ({@code missing}).
   */
  record Described(
      String entityType,
      String entityName,
      boolean all,
      List<ConfigEntry> entries,
      String missing) {
    Described(String entityType, String entityName, boolean all, List<ConfigEntry> entries) {
      this(entityType, entityName, all, entries, null);
    }

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
   * each broker's to that broker); an entity's failure surfaces when its turn comes, a topic that
   * does not exist by its name.
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
      Config config;
      try {
        config = answers.get(resource).get();
      } catch (ExecutionException e) {
        if (entityType.equals(TOPICS) && e.getCause() instanceof UnknownTopicOrPartitionException) {
          throw new KafkitException("The topic '" + resource.name() + "' does not exist.");
        }
        throw e;
      }
      entries.add(
          config.entries().stream()
              .filter(e -> filter.isEmpty() || e.source() == filter.get())
              .sorted(Comparator.comparing(ConfigEntry::name))
              .toList());
    }
    return entries;
  }

  /**
   * Describes the named entities in turn, or every entity of the type when none is named. Without
   * {@code all} each named one is looked up first, as Apache does: one that is not there has
   * Apache's line in its turn.
   */
  static List<Described> describe(Admin admin, String entityType, List<String> names, boolean all)
      throws Exception {
    List<String> chosen = names.isEmpty() ? ConfigEntityLookup.every(admin, entityType) : names;
    Map<String, String> missing = new HashMap<>();
    if (!all) {
      for (String name : names) {
        ConfigEntityLookup.missing(admin, entityType, name)
            .ifPresent(line -> missing.put(name, line));
      }
    }
    List<String> present = chosen.stream().filter(n -> !missing.containsKey(n)).toList();
    Iterator<List<ConfigEntry>> entries = entries(admin, entityType, present, true, all).iterator();
    List<Described> described = new ArrayList<>();
    for (String name : chosen) {
      described.add(
          missing.containsKey(name)
              ? new Described(entityType, name, all, List.of(), missing.get(name))
              : new Described(entityType, name, all, entries.next()));
    }
    return described;
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
