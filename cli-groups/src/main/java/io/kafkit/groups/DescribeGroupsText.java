package io.kafkit.groups;

import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kafka-consumer-groups.sh's --describe layouts: a blank line, then the offsets, members or state
 * table of each group (columns at least 15 wide, growing to their widest value, "-" where there is
 * no value), after Apache's notes on stderr for an empty, rebalancing or missing group.
 */
final class DescribeGroupsText {
  private DescribeGroupsText() {}

  static void render(GroupsView view, GroupsRequest request, PrintWriter out, PrintWriter err) {
    for (GroupsView.Group g : view.groups()) {
      if (!g.exists()) {
        err.println();
        err.println("Error: Consumer group '" + g.group() + "' does not exist.");
        err.flush();
        continue;
      }
      if (g.state().equals("Empty")) {
        err.println();
        err.println("Consumer group '" + g.group() + "' has no active members.");
        err.flush();
      } else if (g.rebalancing()) {
        err.println();
        err.println("Warning: Consumer group '" + g.group() + "' is rebalancing.");
        err.flush();
      }
      switch (request.view()) {
        case OFFSETS -> offsets(g, request.verbose(), out);
        case MEMBERS -> members(g, request.verbose(), out);
        case STATE -> state(g, request.verbose(), out);
      }
    }
  }

  static void offsets(GroupsView.Group g, boolean verbose, PrintWriter out) {
    if (g.partitions().isEmpty()) {
      return; // as Apache: nothing at all, after the note on stderr
    }
    int group = Math.max(15, g.group().length());
    int topic = 15;
    int consumer = 15;
    int host = 15;
    for (GroupsView.PartitionOffsets p : g.partitions()) {
      topic = Math.max(topic, p.topic().length());
      consumer = Math.max(consumer, dash(p.consumerId()).length());
      host = Math.max(host, dash(p.host()).length());
    }
    String format =
        "%-"
            + group
            + "s %-"
            + topic
            + "s %-10s "
            + (verbose ? "%-15s " : "%s")
            + "%-15s %-15s %-15s %-"
            + consumer
            + "s %-"
            + host
            + "s %s";
    out.println();
    if (verbose) {
      out.println(
          String.format(
              format,
              "GROUP",
              "TOPIC",
              "PARTITION",
              "LEADER-EPOCH",
              "CURRENT-OFFSET",
              "LOG-END-OFFSET",
              "LAG",
              "CONSUMER-ID",
              "HOST",
              "CLIENT-ID"));
    } else {
      out.println(
          String.format(
              format,
              "GROUP",
              "TOPIC",
              "PARTITION",
              "",
              "CURRENT-OFFSET",
              "LOG-END-OFFSET",
              "LAG",
              "CONSUMER-ID",
              "HOST",
              "CLIENT-ID"));
    }
    for (GroupsView.PartitionOffsets p : g.partitions()) {
      out.println(
          String.format(
              format,
              g.group(),
              p.topic(),
              p.partition(),
              verbose ? dash(p.leaderEpoch()) : "",
              dash(p.currentOffset()),
              dash(p.logEndOffset()),
              dash(p.lag()),
              dash(p.consumerId()),
              dash(p.host()),
              dash(p.clientId())));
    }
    if (verbose && !g.partitions().isEmpty()) {
      lagTotals(g, out);
    }
  }

  /** kafkit's addition under --verbose: the lag of each topic, and of the whole group. */
  private static void lagTotals(GroupsView.Group g, PrintWriter out) {
    Map<String, Long> byTopic = new LinkedHashMap<>();
    long total = 0;
    for (GroupsView.PartitionOffsets p : g.partitions()) {
      long lag = p.lag() == null ? 0 : p.lag();
      byTopic.merge(p.topic(), lag, Long::sum);
      total += lag;
    }
    Table table = new Table("GROUP", "TOPIC", "TOTAL-LAG").minWidths(15, 15);
    byTopic.forEach((topic, lag) -> table.row(g.group(), topic, lag));
    table.row(g.group(), "*", total);
    out.println();
    table.print(out);
  }

  static void members(GroupsView.Group g, boolean verbose, PrintWriter out) {
    // Apache widens the GROUP column for the rows only: a group without members keeps 15.
    int group = g.members().isEmpty() ? 15 : Math.max(15, g.group().length());
    int consumer = 15;
    int instance = 17;
    int host = 15;
    int client = 15;
    int current = 20;
    int target = 20;
    boolean instances = false;
    for (GroupsView.Member m : g.members()) {
      consumer = Math.max(consumer, m.consumerId().length());
      host = Math.max(host, m.host().length());
      client = Math.max(client, m.clientId().length());
      current = Math.max(current, dash(m.currentAssignment()).length());
      target = Math.max(target, dash(m.targetAssignment()).length());
      if (m.groupInstanceId() != null) {
        instances = true;
        instance = Math.max(instance, m.groupInstanceId().length());
      }
    }
    StringBuilder format = new StringBuilder("%-" + group + "s %-" + consumer + "s ");
    if (instances) {
      format.append("%-").append(instance).append("s ");
    }
    format.append("%-").append(host).append("s %-").append(client).append("s %-15s ");
    if (verbose) {
      format.append("%-15s %-").append(current).append("s %-15s %-").append(target).append("s");
    }
    out.println();
    out.println(String.format(format.toString(), memberCells(g, null, instances, verbose)));
    for (GroupsView.Member m : g.members()) {
      out.println(String.format(format.toString(), memberCells(g, m, instances, verbose)));
    }
  }

  private static Object[] memberCells(
      GroupsView.Group g, GroupsView.Member m, boolean instances, boolean verbose) {
    List<Object> cells = new ArrayList<>();
    cells.add(m == null ? "GROUP" : g.group());
    cells.add(m == null ? "CONSUMER-ID" : m.consumerId());
    if (instances) {
      cells.add(
          m == null ? "GROUP-INSTANCE-ID" : m.groupInstanceId() == null ? "" : m.groupInstanceId());
    }
    cells.add(m == null ? "HOST" : m.host());
    cells.add(m == null ? "CLIENT-ID" : m.clientId());
    cells.add(m == null ? "#PARTITIONS" : m.partitions());
    if (verbose) {
      cells.add(m == null ? "CURRENT-EPOCH" : dash(m.currentEpoch()));
      cells.add(m == null ? "CURRENT-ASSIGNMENT" : dash(m.currentAssignment()));
      cells.add(m == null ? "TARGET-EPOCH" : dash(m.targetEpoch()));
      cells.add(m == null ? "TARGET-ASSIGNMENT" : dash(m.targetAssignment()));
    }
    return cells.toArray();
  }

  static void state(GroupsView.Group g, boolean verbose, PrintWriter out) {
    int group = Math.max(15, g.group().length());
    int coordinator = Math.max(25, g.coordinator().length());
    String format =
        "%-"
            + group
            + "s %-"
            + coordinator
            + "s %-20s %-20s "
            + (verbose ? "%-15s %-25s " : "")
            + "%s";
    List<Object> header =
        new ArrayList<>(List.of("GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE"));
    List<Object> row =
        new ArrayList<>(List.of(g.group(), g.coordinator(), g.assignmentStrategy(), g.state()));
    if (verbose) {
      header.addAll(List.of("GROUP-EPOCH", "TARGET-ASSIGNMENT-EPOCH"));
      row.addAll(List.of(dash(g.groupEpoch()), dash(g.targetAssignmentEpoch())));
    }
    header.add("#MEMBERS");
    row.add(g.members().size());
    out.println();
    out.println(String.format(format, header.toArray()));
    out.println(String.format(format, row.toArray()));
  }

  static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
