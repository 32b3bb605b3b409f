package io.kafkit.groups;

import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * kafka-share-groups.sh's layouts: a blank line, then the offsets, members or state table of each
 * group (the name columns at least 15 wide and as wide as their widest value, the others printf
 * widths that a longer value overflows, "-" where there is no value), after its notes on stderr for
 * a missing group, and for an empty one where Apache has one (the members and state views).
 */
final class ShareGroupsText {
  private ShareGroupsText() {}

  static void list(ShareGroups.Listing listing, PrintWriter out) {
    if (!listing.showState()) {
      listing.groups().forEach(g -> out.println(g.group()));
      return;
    }
    Table table = new Table("GROUP", "STATE").minWidths(15);
    listing.groups().forEach(g -> table.row(g.group(), g.state()));
    table.print(out);
  }

  static void describe(
      ShareGroups.View view, GroupsRequest request, PrintWriter out, PrintWriter err) {
    for (ShareGroups.Group g : view.groups()) {
      if (!g.exists()) {
        err.println();
        err.println("Error: " + g.missing());
        err.flush();
        continue;
      }
      boolean empty = g.state().equals("Empty");
      if (empty && request.view() != GroupsRequest.View.OFFSETS) { // Apache's offsets view has none
        err.println();
        err.println("Share group '" + g.group() + "' has no active members.");
        err.flush();
      }
      switch (request.view()) {
        case OFFSETS -> offsets(g, request.verbose(), out);
        case MEMBERS -> {
          if (!empty) {
            members(g, request.verbose(), out);
          }
        }
        case STATE -> state(g, request.verbose(), out);
      }
    }
  }

  static void offsets(ShareGroups.Group g, boolean verbose, PrintWriter out) {
    if (g.partitions().isEmpty()) {
      out.println();
      out.println("Share group '" + g.group() + "' has no offset information.");
      return;
    }
    List<String> headers = new ArrayList<>(List.of("GROUP", "TOPIC", "PARTITION"));
    if (verbose) {
      headers.add("LEADER-EPOCH");
    }
    headers.addAll(List.of("START-OFFSET", "LAG"));
    Table table =
        new Table(headers.toArray(String[]::new)).minWidths(15, 15, 10, 13, 13).fixed(2, 3);
    if (verbose) {
      table.fixed(4);
    }
    for (ShareGroups.PartitionOffsets p : g.partitions()) {
      List<Object> cells = new ArrayList<>(List.of(g.group(), p.topic(), p.partition()));
      if (verbose) {
        cells.add(dash(p.leaderEpoch()));
      }
      cells.add(dash(p.startOffset()));
      cells.add(dash(p.lag()));
      table.row(cells.toArray());
    }
    out.println();
    table.print(out);
  }

  static void members(ShareGroups.Group g, boolean verbose, PrintWriter out) {
    List<String> headers =
        new ArrayList<>(List.of("GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS"));
    if (verbose) {
      headers.add("MEMBER-EPOCH");
    }
    headers.add("ASSIGNMENT");
    Table table =
        new Table(headers.toArray(String[]::new)).minWidths(15, 15, 15, 15, 12, 13).fixed(4);
    if (verbose) {
      table.fixed(5);
    }
    for (ShareGroups.Member m : g.members()) {
      List<Object> cells =
          new ArrayList<>(
              List.of(g.group(), m.consumerId(), m.host(), m.clientId(), m.partitions()));
      if (verbose) {
        cells.add(m.memberEpoch());
      }
      cells.add(m.assignment());
      table.row(cells.toArray());
    }
    out.println();
    table.print(out);
  }

  static void state(ShareGroups.Group g, boolean verbose, PrintWriter out) {
    List<String> headers = new ArrayList<>(List.of("GROUP", "COORDINATOR (ID)", "STATE"));
    List<Object> row = new ArrayList<>(List.of(g.group(), g.coordinator(), g.state()));
    if (verbose) {
      headers.addAll(List.of("GROUP-EPOCH", "ASSIGNMENT-EPOCH"));
      row.addAll(List.of(dash(g.groupEpoch()), dash(g.assignmentEpoch())));
    }
    headers.add("#MEMBERS");
    row.add(g.members().size());
    Table table =
        new Table(headers.toArray(String[]::new))
            .minWidths(15, 25, 15, 12, 17)
            .fixed(2)
            .row(row.toArray());
    if (verbose) {
      table.fixed(3, 4);
    }
    out.println();
    table.print(out);
  }

  private static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
