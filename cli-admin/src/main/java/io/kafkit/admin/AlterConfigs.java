package io.kafkit.admin;

import static io.kafkit.admin.ConfigEntities.BROKERS;
import static io.kafkit.admin.ConfigEntities.BROKER_LOGGERS;
import static io.kafkit.admin.ConfigEntities.IPS;

import io.kafkit.common.output.Json;
import io.kafkit.common.output.TextRenderer;
import java.io.PrintWriter;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * configs' {@code --alter}: the configs of topics, brokers, broker loggers, client-metrics
 * resources and groups, users' and clients' quotas, users' SCRAM credentials; with {@code
 * --dry-run} what would change, and nothing changed.
 */
final class AlterConfigs {
  private AlterConfigs() {}

  /** The first line of a dry run the broker validated. */
  private static final String VALIDATED = "Dry run: the change is valid; nothing was altered.";

  /**
   * Alters the first entity (Apache's), then prints Apache's line, or what a dry run found.
   *
   * @param controllers whether the cluster is reached through its controllers, whose ids the broker
   *     ids then are
   */
  static void run(
      Admin admin,
      ConfigEntities entities,
      ConfigChanges changes,
      boolean dryRun,
      boolean json,
      boolean controllers,
      PrintWriter out)
      throws Exception {
    String type = entities.type();
    if (type.equals(BROKERS) || type.equals(BROKER_LOGGERS)) {
      ConfigEntityLookup.requireRunning(admin, entities.names(), controllers);
    }
    Report report = new Report(entities, dryRun, json, out);
    if (type.equals(BROKER_LOGGERS)) {
      report.print(
          ResourceConfigs.alterLoggers(admin, entities.name(), changes, dryRun),
          ConfigViews::printChanges,
          VALIDATED);
    } else if (!entities.isQuotaType()) {
      report.print(
          ResourceConfigs.alter(admin, type, entities.name(), changes, dryRun),
          ConfigViews::printChanges,
          VALIDATED);
    } else if (QuotaConfigs.isScram(changes) && !type.equals(IPS)) {
      report.print(
          QuotaConfigs.alterScram(admin, entities.name(), changes, dryRun),
          ConfigViews::printCredentials,
          "Dry run: checked here, not by the broker (it has no dry run for credentials);"
              + " nothing was altered.");
    } else {
      report.print(
          QuotaConfigs.alterQuotas(admin, entities, changes, dryRun),
          ConfigViews::printQuotas,
          VALIDATED);
    }
    out.flush();
  }

  /** After an --alter: Apache's line, or with --dry-run what would change (as text or JSON). */
  private record Report(ConfigEntities entities, boolean dryRun, boolean json, PrintWriter out) {
    <T> void print(List<T> plan, TextRenderer<List<T>> text, String heading) {
      if (dryRun) {
        if (json) {
          Json.print(new ConfigViews.DryRunView(true, plan), out);
        } else {
          out.println(heading);
          text.render(plan, out);
        }
        return;
      }
      String type = entities.type();
      String name = entities.name();
      out.println(
          name.isEmpty()
              ? "Completed updating default config for " + type + " in the cluster."
              : "Completed updating config for "
                  + ConfigEntities.singular(type)
                  + " "
                  + name
                  + ".");
    }
  }
}
