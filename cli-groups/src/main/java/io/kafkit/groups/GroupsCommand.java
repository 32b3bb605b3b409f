package io.kafkit.groups;

import io.kafkit.common.cli.ErrorPrefix;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.GroupType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit groups}: kafka-groups.sh, the groups of every type in one list. */
@Command(
    name = "groups",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "This tool helps to list groups of all types.")
public final class GroupsCommand implements Callable<Integer>, ErrorPrefix {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(names = "--list", description = "List the groups.")
  boolean list;

  @Option(
      names = "--group-type",
      paramLabel = "TYPE",
      description = "Only groups of this type: classic, consumer, share or streams.")
  String groupType;

  @Option(
      names = "--protocol",
      paramLabel = "PROTOCOL",
      description = "Only groups of this protocol type (consumer, share, streams, connect...).")
  String protocol;

  @Option(
      names = "--consumer",
      description =
          "Only consumer groups of every kind: type consumer, and type classic whose protocol"
              + " type is consumer or empty (simple consumer groups).")
  boolean consumer;

  @Option(names = "--share", description = "Only share groups.")
  boolean share;

  @Option(names = "--streams", description = "Only streams groups.")
  boolean streams;

  /** A listed group: type as Apache names it ("" where the broker did not say), and protocol. */
  record Group(String group, String type, String protocol) {}

  /** What --list prints. */
  record Listing(List<Group> groups) {}

  @Override
  public Integer call() throws Exception {
    if (!list) {
      throw usage("Command must include exactly one action: --list.");
    }
    Optional<GroupType> type = Optional.empty();
    if (groupType != null) {
      GroupType parsed = GroupType.parse(groupType);
      if (parsed == GroupType.UNKNOWN) {
        throw usage(
            "--group-type must be a valid group type: classic, consumer, share or streams, not '"
                + groupType
                + "'.");
      }
      type = Optional.of(parsed);
    }
    exclusive("consumer", consumer, share, streams);
    exclusive("share", share, consumer, streams);
    exclusive("streams", streams, consumer, share);
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      Optional<GroupType> wanted = type;
      List<Group> groups =
          admin.listGroups().all().get().stream()
              .filter(g -> matches(g, wanted))
              .sorted(Comparator.comparing(GroupListing::groupId))
              .map(
                  g ->
                      new Group(
                          g.groupId(), g.type().map(GroupType::toString).orElse(""), g.protocol()))
              .toList();
      output.print(new Listing(groups), GroupsCommand::text, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Apache's filters, all of those given. */
  private boolean matches(GroupListing g, Optional<GroupType> type) {
    Optional<GroupType> actual = g.type();
    if (type.isPresent() && !actual.equals(type)) {
      return false;
    }
    if (protocol != null && !protocol.equals(g.protocol())) {
      return false;
    }
    if (consumer) {
      boolean simple =
          actual.equals(Optional.of(GroupType.CLASSIC))
              && (g.protocol().equals("consumer") || g.protocol().isEmpty());
      if (!actual.equals(Optional.of(GroupType.CONSUMER)) && !simple) {
        return false;
      }
    }
    if (share && !actual.equals(Optional.of(GroupType.SHARE))) {
      return false;
    }
    return !streams || actual.equals(Optional.of(GroupType.STREAMS));
  }

  /**
   * Apache's layout: every cell as wide as the widest cell of the whole table (at least 20), a
   * space after each cell of a row, none after the header's last.
   */
  static void text(Listing listing, PrintWriter out) {
    int width = 20;
    for (Group g : listing.groups()) {
      width = Math.max(width, Math.max(g.group().length(), g.type().length()));
      width = Math.max(width, g.protocol().length());
    }
    String cell = "%-" + width + "s";
    out.printf(cell + " " + cell + " " + cell + "%n", "GROUP", "TYPE", "PROTOCOL");
    for (Group g : listing.groups()) {
      out.printf(cell + " " + cell + " " + cell + " %n", g.group(), g.type(), g.protocol());
    }
  }

  /** jopt-simple's checkInvalidArgs: {@code name} against the filters it excludes. */
  private void exclusive(String name, boolean given, boolean... others) {
    if (!given) {
      return;
    }
    String[] otherNames =
        switch (name) {
          case "consumer" -> new String[] {"share", "streams"};
          case "share" -> new String[] {"consumer", "streams"};
          default -> new String[] {"consumer", "share"};
        };
    if (groupType != null) {
      throw usage("Option \"[" + name + "]\" can't be used with option \"[group-type]\"");
    }
    if (protocol != null) {
      throw usage("Option \"[" + name + "]\" can't be used with option \"[protocol]\"");
    }
    for (int i = 0; i < others.length; i++) {
      if (others[i]) {
        throw usage(
            "Option \"[" + name + "]\" can't be used with option \"[" + otherNames[i] + "]\"");
      }
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  @Override
  public String errorPrefix() {
    return "Error: ";
  }
}
