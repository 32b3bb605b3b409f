package io.kafkit.admin;

import static io.kafkit.admin.ConfigEntities.BROKERS;
import static io.kafkit.admin.ConfigEntities.BROKER_LOGGERS;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.output.Json;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;

/**
 * configs' {@code --describe}: the quotas and SCRAM credentials of users, clients and IPs, or the
 * configs of topics, brokers, broker loggers, client-metrics resources and groups.
 */
final class DescribeConfigs {
  private DescribeConfigs() {}

  /** How the result is printed: JSON, a table for a person at a terminal, or Apache's lines. */
  enum Format {
    JSON,
    TABLE,
    APACHE
  }

  /**
   * Describes the entities and prints them; each name given is described in turn (Apache describes
   * the first only).
   *
   * @param controllers whether the cluster is reached through its controllers, whose ids the broker
   *     ids then are
   * @return the exit code: a failure when a named entity is not there
   */
  static int run(
      Admin admin,
      ConfigEntities entities,
      boolean all,
      boolean controllers,
      Format format,
      PrintWriter out)
      throws Exception {
    if (entities.isQuotaType()) {
      return quotas(admin, entities, format == Format.JSON, out);
    }
    String type = entities.type();
    List<String> names = List.copyOf(new LinkedHashSet<>(entities.names()));
    if (all && (type.equals(BROKERS) || type.equals(BROKER_LOGGERS))) {
      // without --all Apache's check says it, in Apache's line
      ConfigEntityLookup.requireRunning(admin, names, controllers);
    }
    List<ResourceConfigs.Described> described = ResourceConfigs.describe(admin, type, names, all);
    List<String> missing =
        described.stream()
            .map(ResourceConfigs.Described::missing)
            .filter(Objects::nonNull)
            .toList();
    switch (format) {
      case JSON -> {
        if (!missing.isEmpty()) {
          throw new KafkitException(String.join(" ", missing));
        }
        Json.print(described.stream().map(ConfigViews::of).toList(), out);
      }
      case TABLE -> ConfigViews.printTables(described, out);
      case APACHE -> described.forEach(d -> ConfigViews.printApache(d, out));
    }
    out.flush();
    // Apache prints the line of an entity that is not there on stdout; it is a failure all the same
    return missing.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static int quotas(Admin admin, ConfigEntities entities, boolean json, PrintWriter out)
      throws Exception {
    QuotaConfigs.Described described = QuotaConfigs.describe(admin, entities);
    if (json) {
      Json.print(described, out);
    } else {
      described.quotas().forEach(q -> out.println(q.line()));
      described.scramCredentials().forEach(c -> out.println(c.line()));
    }
    out.flush();
    long unread = described.scramCredentials().stream().filter(c -> c.error() != null).count();
    if (unread > 0) {
      throw new KafkitException(
          "The SCRAM credentials of " + unread + " user(s) could not be read (see above).");
    }
    return ExitCodes.OK;
  }
}
