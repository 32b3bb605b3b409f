package io.kafkit.groups;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ParameterException;

/** kafka-share-groups.sh's option rules, in its order and words, made into a groups request. */
final class ShareGroupsRequest {
  private ShareGroupsRequest() {}

  static GroupsRequest of(ShareGroupsCommand c) {
    ShareGroupsCommand.Action a = c.action;
    ResetOptions r = c.reset;
    boolean group = !c.groups.isEmpty();
    boolean topic = !c.topics.isEmpty();
    if (a.describe) {
      require(
          c,
          group || c.allGroups,
          "Option [describe] takes one of these options: [all-groups], [group]");
      int views = (c.members ? 1 : 0) + (c.offsets ? 1 : 0) + (c.state != null ? 1 : 0);
      require(
          c,
          views <= 1,
          "Option [describe] takes at most one of these options: [members], [offsets], [state]");
      require(
          c,
          c.state == null || c.state.isEmpty(),
          "Option [describe] does not take a value for [state]");
    } else {
      // jopt-simple's availableIf
      require(
          c,
          !c.members && !c.offsets && !c.verbose,
          "Options [members], [offsets] and [verbose] can only be used with [describe].");
      require(
          c,
          c.state == null || a.list,
          "Option [state] can only be used with [describe] or [list].");
    }
    if (a.delete) {
      require(
          c, group || c.allGroups, "Option [delete] takes the options [group] or [all-groups].");
      require(
          c,
          !(group && c.allGroups),
          "Option [delete] takes either [group] or [all-groups], not both.");
      require(
          c,
          !topic && !c.allTopics,
          "Option [delete] does not take the options [topic] or [all-topics].");
    }
    if (a.deleteOffsets) {
      require(
          c,
          group && topic,
          "Option [delete-offsets] takes the following options: [group], [topic]");
      // Apache's tool reads one group (jopt-simple's valueOf); kafkit used to take the first
      require(c, c.groups.size() == 1, "Option [delete-offsets] takes exactly one [group].");
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
      require(c, group, "Option [reset-offsets] takes the option: [group]");
      require(
          c,
          topic || c.allTopics || r.fromFile != null,
          "Option [reset-offsets] takes one of these options: [all-topics], [from-file], [topic]");
      exclusive(
          c,
          List.of(topic, c.allTopics, r.fromFile != null),
          List.of("topic", "all-topics", "from-file"));
      require(
          c,
          r.specCount() > 0,
          "Option [reset-offsets] takes one of these options: [from-file], [to-current],"
              + " [to-datetime], [to-earliest], [to-latest], [to-offset]");
      exclusive(
          c,
          List.of(
              r.toOffset != null,
              r.toDatetime != null,
              r.toEarliest,
              r.toLatest,
              r.toCurrent,
              r.fromFile != null,
              r.shiftBy != null,
              r.byDuration != null),
          List.of(
              "to-offset",
              "to-datetime",
              "to-earliest",
              "to-latest",
              "to-current",
              "from-file",
              "shift-by",
              "by-duration"));
    } else if (r.specCount() > 0 || r.execute || r.dryRun || r.export) {
      fail(c, "The reset options can only be used with [reset-offsets].");
    }
    if (group && c.allGroups) {
      fail(c, "Option \"[group]\" can't be used with option \"[all-groups]\"");
    }
    if (group && a.list) {
      fail(c, "Option \"[group]\" can't be used with option \"[list]\"");
    }
    if (topic && !a.deleteOffsets && !a.resetOffsets) {
      fail(
          c,
          "Option \"[topic]\" can't be used with option \"["
              + (a.list ? "list" : a.describe ? "describe" : "delete")
              + "]\"");
    }
    List<GroupsRequest.TopicSpec> topics = new ArrayList<>();
    try {
      // --delete-offsets takes topic names only, as Apache's does: in "orders:0" the ":0" is part
      // of the name (a topic that does not exist), never a partition to narrow the deletion to
      c.topics.forEach(
          t ->
              topics.add(
                  a.deleteOffsets
                      ? new GroupsRequest.TopicSpec(t, List.of())
                      : GroupsRequest.TopicSpec.parse(t)));
      return new GroupsRequest(
          List.copyOf(new LinkedHashSet<>(c.groups)),
          c.allGroups,
          List.copyOf(topics),
          c.allTopics,
          c.members
              ? GroupsRequest.View.MEMBERS
              : c.state != null && a.describe
                  ? GroupsRequest.View.STATE
                  : GroupsRequest.View.OFFSETS,
          c.verbose,
          c.state != null,
          a.list
              ? GroupsRequest.states(c.state, org.apache.kafka.common.GroupType.SHARE)
              : Set.of(),
          false,
          Set.of(),
          r);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(c.spec.commandLine(), e.getMessage());
    }
  }

  /** jopt-simple's checkInvalidArgs: the first option given, against each later one given. */
  private static void exclusive(ShareGroupsCommand c, List<Boolean> given, List<String> names) {
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

  private static void require(ShareGroupsCommand c, boolean ok, String message) {
    if (!ok) {
      fail(c, message);
    }
  }

  private static void fail(ShareGroupsCommand c, String message) {
    throw new ParameterException(c.spec.commandLine(), message);
  }
}
