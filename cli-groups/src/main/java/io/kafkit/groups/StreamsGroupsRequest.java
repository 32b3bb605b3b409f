package io.kafkit.groups;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.GroupState;
import picocli.CommandLine.ParameterException;

/**
 * kafka-streams-groups.sh's option rules, in its order and words, made into a request: the groups
 * request the shared reset planner reads, and what only streams groups have (the topology view,
 * internal topics).
 */
record StreamsGroupsRequest(
    GroupsRequest base,
    View view,
    boolean deleteAllInternalTopics,
    List<String> deleteInternalTopics) {

  enum View {
    OFFSETS,
    MEMBERS,
    STATE,
    TOPOLOGY
  }

  List<String> groups() {
    return base.groups();
  }

  boolean allGroups() {
    return base.allGroups();
  }

  boolean verbose() {
    return base.verbose();
  }

  boolean showState() {
    return base.showState();
  }

  Set<GroupState> states() {
    return base.states();
  }

  static StreamsGroupsRequest of(StreamsGroupsCommand c) {
    StreamsGroupsCommand.Action a = c.action;
    ResetOptions r = c.reset;
    boolean group = !c.groups.isEmpty();
    boolean topic = !c.inputTopics.isEmpty();
    // jopt-simple's availableIf, at parse time in Apache's tool
    if (!a.describe) {
      require(
          c,
          !c.members && !c.offsets && !c.topology && !c.verbose,
          "Options [members], [offsets], [topology] and [verbose] can only be used with"
              + " [describe].");
      require(
          c,
          c.state == null || a.list,
          "Option [state] can only be used with [describe] or [list].");
    }
    if (a.describe) {
      require(
          c,
          group || c.allGroups,
          "Option [describe] takes one of these options: [all-groups], [group]");
      int views =
          (c.members ? 1 : 0)
              + (c.offsets ? 1 : 0)
              + (c.state != null ? 1 : 0)
              + (c.topology ? 1 : 0);
      require(
          c,
          views <= 1,
          "Option [describe] takes at most one of these options: [members], [offsets], [state],"
              + " [topology]");
      require(
          c,
          c.state == null || c.state.isEmpty(),
          "Option [describe] does not take a value for [state]");
    }
    if (a.delete) {
      require(
          c,
          group || c.allGroups,
          "Option [delete] takes one of these options: [all-groups], [group]");
      require(
          c,
          !topic && !c.allInputTopics,
          "Kafka Streams does not support topic-specific offset deletion from a streams group.");
    }
    if (a.deleteOffsets) {
      require(
          c,
          group && (topic || c.allInputTopics),
          "Option [delete-offsets] takes the [group] and one of these options: [all-input-topics],"
              + " [input-topic]");
      require(
          c,
          c.groups.size() == 1,
          "Option [delete-offsets] supports only one [group] at a time, but found: " + c.groups);
    }
    if (a.resetOffsets) {
      require(
          c,
          !(r.dryRun && r.execute),
          "Option [reset-offsets] only accepts one of [execute] and [dry-run]");
      require(
          c,
          r.dryRun || r.execute,
          "Option [reset-offsets] takes the option: [execute] or [dry-run]");
      require(
          c,
          group || c.allGroups,
          "Option [reset-offsets] takes one of these options: [all-groups], [group]");
      exclusive(
          c,
          List.of(
              r.toOffset != null,
              r.toDatetime != null,
              r.byDuration != null,
              r.toEarliest,
              r.toLatest,
              r.toCurrent,
              r.shiftBy != null,
              r.fromFile != null),
          List.of(
              "to-offset",
              "to-datetime",
              "by-duration",
              "to-earliest",
              "to-latest",
              "to-current",
              "shift-by",
              "from-file"));
      require(
          c,
          r.specCount() > 0,
          "Option [reset-offsets] takes one of these options: [by-duration], [from-file],"
              + " [shift-by], [to-current], [to-datetime], [to-earliest], [to-latest], [to-offset]");
      require(
          c,
          topic || c.allInputTopics || r.fromFile != null,
          "One of the reset scopes should be defined: --all-input-topics, --input-topic.");
      require(
          c,
          !(topic && c.allInputTopics),
          "Option \"[input-topic]\" can't be used with option \"[all-input-topics]\"");
    } else if (r.specCount() > 0 || r.export) {
      fail(c, "The reset options can only be used with [reset-offsets].");
    }
    if (c.deleteAllInternalTopics) {
      require(
          c,
          a.resetOffsets || a.delete,
          "Option [delete-all-internal-topics] takes one of these options: [delete],"
              + " [reset-offsets]");
      require(
          c,
          !a.resetOffsets || r.execute,
          "Option [delete-all-internal-topics] takes [execute] when [reset-offsets] is used.");
    } else if (!c.deleteInternalTopics.isEmpty()) {
      require(
          c,
          a.resetOffsets && r.execute,
          "Option [delete-internal-topic] takes [reset-offsets] when [execute] is used.");
    }
    if ((r.dryRun || r.execute) && !a.resetOffsets) {
      fail(c, "Only Option [reset-offsets] accepts [execute] or [dry-run]");
    }
    if (group && c.allGroups) {
      fail(c, "Option \"[group]\" can't be used with option \"[all-groups]\"");
    }
    if (group && a.list) {
      fail(c, "Option \"[group]\" can't be used with option \"[list]\"");
    }
    if (topic && (a.list || a.describe)) {
      fail(
          c,
          "Option \"[input-topic]\" can't be used with option \"["
              + (a.list ? "list" : "describe")
              + "]\"");
    }
    if (c.allInputTopics && (a.list || a.describe)) {
      fail(
          c,
          "Option [all-input-topics] can only be used with [reset-offsets] or [delete-offsets].");
    }
    List<GroupsRequest.TopicSpec> topics = new ArrayList<>();
    try {
      c.inputTopics.forEach(t -> topics.add(GroupsRequest.TopicSpec.parse(t)));
      Set<GroupState> states =
          a.list
              ? GroupsRequest.states(c.state, org.apache.kafka.common.GroupType.STREAMS)
              : Set.of();
      View view =
          c.members
              ? View.MEMBERS
              : c.topology
                  ? View.TOPOLOGY
                  : c.state != null && a.describe ? View.STATE : View.OFFSETS;
      GroupsRequest base =
          new GroupsRequest(
              List.copyOf(new LinkedHashSet<>(c.groups)),
              c.allGroups,
              List.copyOf(topics),
              c.allInputTopics,
              view == View.MEMBERS
                  ? GroupsRequest.View.MEMBERS
                  : view == View.STATE ? GroupsRequest.View.STATE : GroupsRequest.View.OFFSETS,
              c.verbose,
              c.state != null,
              states,
              false,
              Set.of(),
              r);
      return new StreamsGroupsRequest(
          base,
          view,
          c.deleteAllInternalTopics,
          List.copyOf(new LinkedHashSet<>(c.deleteInternalTopics)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(c.spec.commandLine(), e.getMessage());
    }
  }

  /** jopt-simple's checkInvalidArgs: the first option given, against each later one given. */
  private static void exclusive(StreamsGroupsCommand c, List<Boolean> given, List<String> names) {
    for (int i = 0; i < given.size(); i++) {
      for (int j = 0; j < given.size() && given.get(i); j++) {
        if (i != j && given.get(j)) {
          fail(
              c,
              "Option \"["
                  + names.get(i)
                  + "]\" can't be used with option \"["
                  + names.get(j)
                  + "]\"");
        }
      }
    }
  }

  private static void require(StreamsGroupsCommand c, boolean ok, String message) {
    if (!ok) {
      fail(c, message);
    }
  }

  private static void fail(StreamsGroupsCommand c, String message) {
    throw new ParameterException(c.spec.commandLine(), message);
  }
}
