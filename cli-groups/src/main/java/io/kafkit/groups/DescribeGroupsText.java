package io.kafkit.groups;

import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
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
        if (g.type().equals("Share") || g.type().equals("Streams")) {
          String tool = g.type().equals("Share") ? "share-groups" : "streams-groups";
          err.println(
              "Error: '"
                  + g.group()
                  + "' is a "
                  + g.type().toLowerCase(java.util.Locale.ROOT)
                  + " group, not a consumer group: describe it with 'kafkit "
                  + tool
                  + " --describe --group "
                  + g.group()
                  + "'.");
          err.flush();
          continue;
        }
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
    // Apache's layout; --verbose adds LEADER-EPOCH, another 15-wide column, after PARTITION
    List<String> headers =
        new ArrayList<>(
            List.of(
                "GROUP",
                "TOPIC",
                "PARTITION",
                "CURRENT-OFFSET",
                "LOG-END-OFFSET",
                "LAG",
                "CONSUMER-ID",
                "HOST",
                "CLIENT-ID"));
    if (verbose) {
      headers.add(3, "LEADER-EPOCH");
    }
    int[] widths = new int[headers.size() - 1];
    Arrays.fill(widths, 15);
    widths[2] = 10;
    Table table = new Table(headers.toArray(String[]::new)).minWidths(widths);
    int fixedUpTo = verbose ? 6 : 5; // PARTITION to LAG keep their widths
    for (int column = 2; column <= fixedUpTo; column++) {
      table.fixed(column);
    }
    for (GroupsView.PartitionOffsets p : g.partitions()) {
      List<Object> cells = new ArrayList<>(List.of(g.group(), p.topic(), p.partition()));
      if (verbose) {
        cells.add(dash(p.leaderEpoch()));
      }
      cells.addAll(
          Arrays.asList(
              dash(p.currentOffset()),
              dash(p.logEndOffset()),
              dash(p.lag()),
              dash(p.consumerId()),
              dash(p.host()),
              dash(p.clientId())));
      table.row(cells.toArray());
    }
    out.println();
    table.print(out);
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
    boolean instances = g.members().stream().anyMatch(m -> m.groupInstanceId() != null);
    List<String> headers = new ArrayList<>(List.of("GROUP", "CONSUMER-ID"));
    List<Integer> widths = new ArrayList<>(List.of(15, 15));
    if (instances) {
      headers.add("GROUP-INSTANCE-ID");
      widths.add(17);
    }
    headers.addAll(List.of("HOST", "CLIENT-ID", "#PARTITIONS"));
    widths.addAll(List.of(15, 15, 15));
    int partitions = headers.size() - 1;
    if (verbose) {
      headers.addAll(
          List.of("CURRENT-EPOCH", "CURRENT-ASSIGNMENT", "TARGET-EPOCH", "TARGET-ASSIGNMENT"));
      widths.addAll(List.of(15, 20, 15, 20));
    }
    Table table =
        new Table(headers.toArray(String[]::new))
            .minWidths(widths.stream().mapToInt(Integer::intValue).toArray())
            // Apache ends the line after the last column's padding, and a space more without
            // --verbose, whose last column is #PARTITIONS
            .padLast(verbose ? "" : " ");
    table.fixed(partitions);
    if (verbose) {
      table.fixed(partitions + 1, partitions + 3);
    }
    for (GroupsView.Member m : g.members()) {
      table.row(memberCells(g, m, instances, verbose));
    }
    out.println();
    table.print(out);
  }

  private static Object[] memberCells(
      GroupsView.Group g, GroupsView.Member m, boolean instances, boolean verbose) {
    List<Object> cells = new ArrayList<>(List.of(g.group(), m.consumerId()));
    if (instances) {
      cells.add(m.groupInstanceId() == null ? "" : m.groupInstanceId());
    }
    cells.addAll(List.of(m.host(), m.clientId(), m.partitions()));
    if (verbose) {
      cells.add(dash(m.currentEpoch()));
      cells.add(dashIfEmpty(m.currentAssignment()));
      cells.add(dash(m.targetEpoch()));
      cells.add(dashIfEmpty(m.targetAssignment()));
    }
    return cells.toArray();
  }

  static void state(GroupsView.Group g, boolean verbose, PrintWriter out) {
    List<String> headers =
        new ArrayList<>(List.of("GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE"));
    List<Object> row =
        new ArrayList<>(List.of(g.group(), g.coordinator(), g.assignmentStrategy(), g.state()));
    if (verbose) {
      headers.addAll(List.of("GROUP-EPOCH", "TARGET-ASSIGNMENT-EPOCH"));
      row.addAll(List.of(dash(g.groupEpoch()), dash(g.targetAssignmentEpoch())));
    }
    headers.add("#MEMBERS");
    row.add(g.members().size());
    Table table =
        new Table(headers.toArray(String[]::new))
            .minWidths(15, 25, 20, 20, 15, 25)
            .fixed(2, 3)
            .row(row.toArray());
    if (verbose) {
      table.fixed(4, 5);
    }
    out.println();
    table.print(out);
  }

  static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }

  /** Apache's "-" for an assignment without partitions, as for one that is not known. */
  private static String dashIfEmpty(Object value) {
    return value == null || value.toString().isEmpty() ? "-" : value.toString();
  }
}
