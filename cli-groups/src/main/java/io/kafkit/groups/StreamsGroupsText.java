package io.kafkit.groups;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.common.Node;

/**
 * kafka-streams-groups.sh's layouts: each group's table with its own header and no line between
 * groups, name columns at least 15 wide and as wide as their widest value; its notes (an empty
 * group, a missing one, a topology not stored) on stderr, where Apache prints them among the
 * tables.
 */
final class StreamsGroupsText {
  private StreamsGroupsText() {}

  static void list(StreamsGroups.Listing listing, PrintWriter out) {
    if (!listing.showState()) {
      listing.groups().forEach(g -> out.println(g.group()));
      return;
    }
    int w = 15;
    for (StreamsGroups.Listed g : listing.groups()) {
      w = Math.max(w, g.group().length());
    }
    String fmt = "%-" + w + "s %s%n";
    out.printf(fmt, "GROUP", "STATE");
    listing.groups().forEach(g -> out.printf(fmt, g.group(), g.state()));
  }

  static void describe(
      StreamsGroups.View view, StreamsGroupsRequest request, PrintWriter out, PrintWriter err) {
    for (StreamsGroups.Group g : view.groups()) {
      out.flush();
      if (!g.exists()) {
        err.println("Error: " + g.missing());
        err.flush();
        continue;
      }
      boolean active = !g.members().isEmpty();
      switch (request.view()) {
        case OFFSETS -> {
          if (active) {
            offsets(g, request.verbose(), out);
          } else {
            noMembers(g, err);
          }
        }
        case MEMBERS -> {
          if (active) {
            members(g, request.verbose(), out);
          } else {
            noMembers(g, err);
          }
        }
        case STATE -> {
          if (g.state().equals("Empty")) {
            noMembers(g, err);
          }
          state(g, request.verbose(), out);
        }
        case TOPOLOGY -> topology(g, out, err);
      }
    }
  }

  private static void noMembers(StreamsGroups.Group g, PrintWriter err) {
    err.println("Streams group '" + g.group() + "' has no active members.");
    err.flush();
  }

  static void offsets(StreamsGroups.Group g, boolean verbose, PrintWriter out) {
    int gw = Math.max(15, g.group().length());
    int tw = 15;
    for (StreamsGroups.PartitionOffsets p : g.partitions()) {
      tw = Math.max(tw, p.topic().length());
    }
    if (!verbose) {
      String fmt = "%-" + gw + "s %-" + tw + "s %-10s %s%n";
      out.printf(fmt, "GROUP", "TOPIC", "PARTITION", "OFFSET-LAG");
      for (StreamsGroups.PartitionOffsets p : g.partitions()) {
        out.printf(fmt, g.group(), p.topic(), p.partition(), p.lag());
      }
      return;
    }
    String fmt = "%-" + gw + "s %-" + tw + "s %-10s %-15s %-15s %-15s %-15s%n";
    out.printf(
        fmt,
        "GROUP",
        "TOPIC",
        "PARTITION",
        "CURRENT-OFFSET",
        "LEADER-EPOCH",
        "LOG-END-OFFSET",
        "OFFSET-LAG");
    for (StreamsGroups.PartitionOffsets p : g.partitions()) {
      out.printf(
          fmt,
          g.group(),
          p.topic(),
          p.partition(),
          dash(p.currentOffset()),
          dash(p.leaderEpoch()),
          p.logEndOffset(),
          p.lag());
    }
  }

  static void members(StreamsGroups.Group g, boolean verbose, PrintWriter out) {
    int gw = Math.max(15, g.group().length());
    int mw = 15;
    int pw = 15;
    int cw = 15;
    for (StreamsGroups.Member m : g.members()) {
      mw = Math.max(mw, m.memberId().length());
      pw = Math.max(pw, m.processId().length());
      cw = Math.max(cw, m.clientId().length());
    }
    if (!verbose) {
      String fmt = "%-" + gw + "s %-" + mw + "s %-" + pw + "s %-" + cw + "s %s%n";
      out.printf(fmt, "GROUP", "MEMBER", "PROCESS", "CLIENT-ID", "ASSIGNMENTS");
      for (StreamsGroups.Member m : g.members()) {
        out.printf(
            fmt, g.group(), m.memberId(), m.processId(), m.clientId(), tasks(m.assignment(), ""));
      }
      return;
    }
    // no space between TOPOLOGY-EPOCH and MEMBER, as in Apache's layout
    String fmt =
        "%-" + gw + "s %-25s %-15s%-" + mw + "s %-15s %-15s %-" + pw + "s %-" + cw + "s %s%n";
    out.printf(
        fmt,
        "GROUP",
        "TARGET-ASSIGNMENT-EPOCH",
        "TOPOLOGY-EPOCH",
        "MEMBER",
        "MEMBER-PROTOCOL",
        "MEMBER-EPOCH",
        "PROCESS",
        "CLIENT-ID",
        "ASSIGNMENTS");
    for (StreamsGroups.Member m : g.members()) {
      out.printf(
          fmt,
          g.group(),
          g.targetAssignmentEpoch(),
          g.topologyEpoch(),
          m.memberId(),
          m.protocol(),
          m.memberEpoch(),
          m.processId(),
          m.clientId(),
          tasks(m.assignment(), "") + tasks(m.targetAssignment(), "TARGET-"));
    }
  }

  /** {@code ACTIVE: 0:[0,1]; 1:[0,1]; STANDBY: ...}: each kind that has tasks. */
  static String tasks(StreamsGroups.Tasks tasks, String prefix) {
    return kind(tasks.active(), prefix + "ACTIVE")
        + kind(tasks.standby(), prefix + "STANDBY")
        + kind(tasks.warmup(), prefix + "WARMUP");
  }

  private static String kind(List<StreamsGroups.TaskIds> tasks, String label) {
    if (tasks.isEmpty()) {
      return "";
    }
    return label
        + ": "
        + tasks.stream()
            .map(
                t ->
                    t.subtopology()
                        + ":["
                        + t.partitions().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(","))
                        + "]; ")
            .collect(Collectors.joining());
  }

  static void state(StreamsGroups.Group g, boolean verbose, PrintWriter out) {
    int gw = Math.max(15, g.group().length());
    int cw = Math.max(25, g.coordinator().length());
    int aw = Math.max(15, g.assignor().length());
    if (!verbose) {
      String fmt = "%-" + gw + "s %-" + cw + "s %-" + aw + "s %-25s %s%n";
      out.printf(fmt, "GROUP", "COORDINATOR (ID)", "ASSIGNOR", "STATE", "#MEMBERS");
      out.printf(fmt, g.group(), g.coordinator(), g.assignor(), g.state(), g.members().size());
      return;
    }
    String fmt = "%-" + gw + "s %-" + cw + "s %-" + aw + "s %-25s %-15s %-25s %s%n";
    out.printf(
        fmt,
        "GROUP",
        "COORDINATOR (ID)",
        "ASSIGNOR",
        "STATE",
        "GROUP-EPOCH",
        "TARGET-ASSIGNMENT-EPOCH",
        "#MEMBERS");
    out.printf(
        fmt,
        g.group(),
        g.coordinator(),
        g.assignor(),
        g.state(),
        g.groupEpoch(),
        g.targetAssignmentEpoch(),
        g.members().size());
  }

  static void topology(StreamsGroups.Group g, PrintWriter out, PrintWriter err) {
    if (g.topology() != null) {
      out.println(g.topology());
      return;
    }
    String why =
        switch (g.topologyStatus()) {
          case "NOT_STORED" ->
              "No topology description is stored for streams group '" + g.group() + "'.";
          case "ERROR" ->
              "The broker failed to fetch the topology description for streams group '"
                  + g.group()
                  + "'. See the broker logs for details.";
          default ->
              "No topology description is available for streams group '"
                  + g.group()
                  + "' (status: "
                  + g.topologyStatus()
                  + ").";
        };
    err.println("Error: " + why);
    err.flush();
  }

  /** {@code host:port (id)}, as Apache's streams tool writes a coordinator. */
  static String coordinator(StreamsGroupDescription d) {
    Node node = d.coordinator();
    return node == null ? "-" : node.host() + ":" + node.port() + " (" + node.idString() + ")";
  }

  private static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
