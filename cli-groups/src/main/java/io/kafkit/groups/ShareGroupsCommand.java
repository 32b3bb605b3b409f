package io.kafkit.groups;

import io.kafkit.common.cli.ErrorPrefix;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit share-groups}: kafka-share-groups.sh's options and output, made safe. */
@Command(
    name = "share-groups",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "This tool helps to list, describe, delete and manage the offsets of share groups.",
      "A reset changes nothing without --execute; a group with members is never reset or deleted."
    })
public final class ShareGroupsCommand implements Callable<Integer>, ErrorPrefix {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Actions (exactly one):%n")
  Action action;

  static final class Action {
    @Option(names = "--list", description = "List the share groups.")
    boolean list;

    @Option(
        names = "--describe",
        description = "Describe groups: start offsets and lag (default), --members or --state.")
    boolean describe;

    @Option(names = "--delete", description = "Delete groups (only groups with no members).")
    boolean delete;

    @Option(
        names = "--reset-offsets",
        description = "Reset a group's start offsets (--dry-run or --execute).")
    boolean resetOffsets;

    @Option(names = "--delete-offsets", description = "Delete a group's offsets of --topic.")
    boolean deleteOffsets;
  }

  @Option(names = "--group", paramLabel = "GROUP", description = "A share group; repeatable.")
  List<String> groups = new ArrayList<>();

  @Option(names = "--all-groups", description = "Every share group.")
  boolean allGroups;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC[:P,P...]",
      description = "A topic (and partitions) to reset or delete offsets of; repeatable.")
  List<String> topics = new ArrayList<>();

  @Option(names = "--all-topics", description = "With --reset-offsets: every topic of the group.")
  boolean allTopics;

  @Option(names = "--offsets", description = "With --describe: start offsets and lag (default).")
  boolean offsets;

  @Option(names = "--members", description = "With --describe: the members.")
  boolean members;

  @Option(
      names = "--state",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "STATES",
      description =
          "With --describe: the group's state. With --list: show each group's state,"
              + " or only groups in these states (Empty,Stable,Dead).")
  String state;

  @Option(
      names = "--verbose",
      description = "With --describe: epochs (and stack traces on errors).")
  boolean verbose;

  @Mixin ResetOptions reset;

  @Option(
      names = "--timeout",
      paramLabel = "MS",
      description = "How long to wait for the cluster, in ms (default: --connect-timeout, 10 s).")
  void timeout(long millis) {
    if (millis < 1) {
      throw new ParameterException(
          spec.commandLine(), "--timeout must be greater than 0 ms, not " + millis + ".");
    }
    connection.timeout(Duration.ofMillis(millis));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GroupsRequest request = ShareGroupsRequest.of(this);
    if (action.resetOffsets && reset.export && output.json()) {
      throw new ParameterException(
          spec.commandLine(), "--export prints the plan as CSV: leave --output json out.");
    }
    int code;
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      ShareGroups groups = new ShareGroups(admin, request);
      if (action.list) {
        code = groups.list(output, out);
      } else if (action.describe) {
        code = groups.describe(output, out, err);
      } else if (action.delete) {
        code = ShareGroupChanges.delete(groups, output, out, err);
      } else if (action.resetOffsets) {
        code = ResetOffsets.run(admin, new ShareOffsets(groups), request, output, out, err);
      } else { // --delete-offsets: the argument group guarantees exactly one action
        code = ShareGroupChanges.deleteOffsets(groups, output, out, err);
      }
    }
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public String errorPrefix() {
    return "Error: ";
  }
}
