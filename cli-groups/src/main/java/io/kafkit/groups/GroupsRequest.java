package io.kafkit.groups;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import picocli.CommandLine.ParameterException;

/** The command line, checked: Apache's option rules with Apache's messages. */
record GroupsRequest(
    List<String> groups,
    boolean allGroups,
    List<TopicSpec> topics,
    boolean allTopics,
    View view,
    boolean verbose,
    boolean showState,
    Set<GroupState> states,
    boolean showType,
    Set<GroupType> types,
    ResetOptions reset) {

  enum View {
    OFFSETS,
    MEMBERS,
    STATE
  }

  /** {@code topic} or {@code topic:0,1,2}. */
  record TopicSpec(String topic, List<Integer> partitions) {
    static TopicSpec parse(String text) {
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        return new TopicSpec(text, List.of());
      }
      List<Integer> partitions = new ArrayList<>();
      for (String p : text.substring(colon + 1).split(",")) {
        try {
          partitions.add(Integer.parseInt(p.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "'" + text + "' is not TOPIC or TOPIC:PARTITION,PARTITION...: '" + p + "'");
        }
      }
      return new TopicSpec(text.substring(0, colon), List.copyOf(partitions));
    }
  }

  static GroupsRequest of(ConsumerGroupsCommand c) {
    Checks check = new Checks(c);
    ConsumerGroupsCommand.Action a = c.action;
    if (a.describe || a.delete || a.resetOffsets) {
      check.require(
          !c.groups.isEmpty() || c.allGroups,
          "Option [" + name(a) + "] takes one of these options: [all-groups], [group]");
    }
    if (!c.groups.isEmpty() && c.allGroups) {
      check.fail("Options [group] and [all-groups] cannot be used together.");
    }
    int views = (c.offsets ? 1 : 0) + (c.members ? 1 : 0) + (c.state != null ? 1 : 0);
    if (a.describe) {
      check.require(
          views <= 1,
          "Option [describe] takes at most one of these options: [members], [offsets], [state]");
      check.require(
          c.state == null || c.state.isEmpty(), "Option [describe] takes --state without a value.");
    } else if (c.offsets || c.members) {
      check.fail("Options [offsets] and [members] can only be used with [describe].");
    }
    if (c.state != null && !a.describe && !a.list) {
      check.fail("Option [state] can only be used with [describe] or [list].");
    }
    if (c.type != null && !a.list) {
      check.fail("Option [type] can only be used with [list].");
    }
    if (a.list && !c.groups.isEmpty()) {
      check.fail("Option \"[group]\" can't be used with option \"[list]\"");
    }
    ResetOptions r = c.reset;
    if (a.resetOffsets) {
      check.require(
          !(r.execute && r.dryRun),
          "Option [reset-offsets] only accepts one of [execute] and [dry-run]");
      check.require(
          r.specCount() == 1,
          "Option [reset-offsets] takes exactly one of these options: [to-earliest], [to-latest],"
              + " [to-current], [to-offset], [shift-by], [to-datetime], [by-duration], [from-file]");
      check.require(
          r.fromFile != null || c.allTopics || !c.topics.isEmpty(),
          "One of the reset scopes should be defined: --all-topics, --topic.");
      check.require(
          !(c.allTopics && !c.topics.isEmpty()),
          "Options [all-topics] and [topic] cannot be used together.");
    } else if (c.allTopics || r.specCount() > 0 || r.execute || r.dryRun || r.export) {
      // Apache's tool runs the action and ignores them; so does this, saying so
      c.spec
          .commandLine()
          .getErr()
          .println("Note: the reset options apply to --reset-offsets only; they are ignored here.");
    }
    if (a.deleteOffsets) {
      check.require(
          c.groups.size() == 1 && !c.allGroups,
          "Option [delete-offsets] takes exactly one [group].");
      check.require(!c.topics.isEmpty(), "Option [delete-offsets] takes at least one [topic].");
    }
    if (!c.topics.isEmpty() && !a.resetOffsets && !a.deleteOffsets) {
      check.fail("Option [topic] can only be used with [reset-offsets] or [delete-offsets].");
    }
    List<TopicSpec> topics = new ArrayList<>();
    try {
      c.topics.forEach(t -> topics.add(TopicSpec.parse(t)));
      return new GroupsRequest(
          List.copyOf(new LinkedHashSet<>(c.groups)),
          c.allGroups,
          List.copyOf(topics),
          c.allTopics,
          c.members ? View.MEMBERS : c.state != null && a.describe ? View.STATE : View.OFFSETS,
          c.verbose,
          c.state != null,
          a.list ? states(c.state, GroupType.CLASSIC, GroupType.CONSUMER) : Set.of(),
          c.type != null,
          a.list ? types(c.type) : Set.of(),
          r);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(c.spec.commandLine(), e.getMessage());
    }
  }

  private static String name(ConsumerGroupsCommand.Action a) {
    return a.describe ? "describe" : a.delete ? "delete" : "reset-offsets";
  }

  /**
   * The states of {@code --list --state}, each one a state of a group of these types; otherwise
   * Apache's message, with the valid states in the order GroupState declares them.
   */
  static Set<GroupState> states(String text, GroupType... types) {
    Set<GroupState> valid = EnumSet.noneOf(GroupState.class);
    for (GroupType type : types) {
      valid.addAll(GroupState.groupStatesForType(type));
    }
    Set<GroupState> states = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return states;
    }
    for (String s : text.split(",")) {
      GroupState state = GroupState.parse(s.trim());
      if (!valid.contains(state)) {
        throw new IllegalArgumentException(
            "Invalid state list '"
                + text
                + "'. Valid states are: "
                + valid.stream().map(GroupState::toString).collect(Collectors.joining(", ")));
      }
      states.add(state);
    }
    return states;
  }

  static Set<GroupType> types(String text) {
    Set<GroupType> types = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return types;
    }
    for (String t : text.split(",")) {
      GroupType type = GroupType.parse(t.trim().toLowerCase(Locale.ROOT));
      if (type != GroupType.CLASSIC && type != GroupType.CONSUMER) {
        throw new IllegalArgumentException(
            "Invalid types list '" + text + "'. Valid types are: Consumer, Classic");
      }
      types.add(type);
    }
    return types;
  }

  private record Checks(ConsumerGroupsCommand c) {
    void require(boolean ok, String message) {
      if (!ok) {
        fail(message);
      }
    }

    void fail(String message) {
      throw new ParameterException(c.spec.commandLine(), message);
    }
  }
}
