package io.kafkit.admin;

import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ConfigEntry;

/** How kafkit configs prints what it read or would change. */
final class ConfigViews {
  private ConfigViews() {}

  /** One entity's configs, for JSON. */
  record EntityView(String entityType, String entityName, List<ConfigView> configs) {}

  /**
   * One config: its value (null when sensitive: the broker never sends it), where the value comes
   * from in words and in Kafka's name, and the synonyms it would fall back to.
   */
  record ConfigView(
      String name,
      String value,
      String source,
      String sourceName,
      boolean sensitive,
      boolean readOnly,
      List<SynonymView> synonyms) {}

  record SynonymView(String name, String value, String source, String sourceName) {}

  static EntityView of(ResourceConfigs.Described described) {
    return new EntityView(
        described.entityType(),
        described.entityName().isEmpty() ? null : described.entityName(),
        described.entries().stream().map(ConfigViews::config).toList());
  }

  private static ConfigView config(ConfigEntry e) {
    return new ConfigView(
        e.name(),
        e.isSensitive() ? null : e.value(),
        ConfigSources.label(e.source()),
        e.source().name(),
        e.isSensitive(),
        e.isReadOnly(),
        e.synonyms().stream()
            .map(
                s ->
                    new SynonymView(
                        s.name(),
                        e.isSensitive() ? null : s.value(),
                        ConfigSources.label(s.source()),
                        s.source().name()))
            .toList());
  }

  /**
   * Apache's lines: the header, then {@code name=value sensitive=false synonyms={...}}; or Apache's
   * line for an entity that is not there.
   */
  static void printApache(ResourceConfigs.Described described, PrintWriter out) {
    if (described.missing() != null) {
      out.println(described.missing());
      return;
    }
    out.println(described.header());
    for (ConfigEntry e : described.entries()) {
      String synonyms =
          e.synonyms().stream()
              .map(s -> s.source() + ":" + s.name() + "=" + s.value())
              .collect(Collectors.joining(", ", "{", "}"));
      out.println(
          "  "
              + e.name()
              + "="
              + e.value()
              + " sensitive="
              + e.isSensitive()
              + " synonyms="
              + synonyms);
    }
  }

  /** For a person: Apache's header, then one aligned line per config with its source. */
  static void printTables(List<ResourceConfigs.Described> described, PrintWriter out) {
    boolean first = true;
    for (ResourceConfigs.Described d : described) {
      if (!first) {
        out.println();
      }
      first = false;
      if (d.missing() != null) {
        out.println(d.missing());
        continue;
      }
      out.println(d.header());
      if (d.entries().isEmpty()) {
        out.println("  (none)");
        continue;
      }
      Table table = new Table("  CONFIG", "VALUE", "SOURCE");
      for (ConfigEntry e : d.entries()) {
        table.row(
            "  " + e.name(),
            e.isSensitive() ? ConfigSources.SENSITIVE : String.valueOf(e.value()),
            ConfigSources.label(e.source()));
      }
      table.print(out);
    }
  }

  /** What a dry run would change in configs: each one now and after, with its source. */
  static void printChanges(List<ResourceConfigs.Change> changes, PrintWriter out) {
    Table table = new Table("CONFIG", "NOW", "AFTER");
    for (ResourceConfigs.Change c : changes) {
      table.row(
          c.name(), sourced(c.current(), c.currentSource()), sourced(c.after(), c.afterSource()));
    }
    table.print(out);
  }

  /** What a dry run would change in quotas. */
  static void printQuotas(List<QuotaConfigs.Change> changes, PrintWriter out) {
    Table table = new Table("QUOTA", "NOW", "AFTER");
    for (QuotaConfigs.Change c : changes) {
      table.row(
          c.name(),
          c.current() == null ? "(not set)" : c.current().toString(),
          c.after() == null ? "(not set)" : c.after().toString());
    }
    table.print(out);
  }

  /** What a dry run would set or delete of a user's SCRAM credentials, never a password. */
  static void printCredentials(List<QuotaConfigs.ScramChange> changes, PrintWriter out) {
    for (QuotaConfigs.ScramChange c : changes) {
      out.println(
          c.action().equals("delete")
              ? c.mechanism() + ": would be deleted"
              : c.mechanism() + ": would be set, " + c.iterations() + " iterations");
    }
  }

  /** A dry run as JSON: {"dryRun": true, "changes": [...]}, in that order. */
  record DryRunView(boolean dryRun, List<?> changes) {}

  private static String sourced(String value, String source) {
    if (source == null) {
      return "(not set)";
    }
    if (value == null && source.equals("default")) {
      return "(default)";
    }
    return (value == null ? "null" : value) + " (" + source + ")";
  }
}
