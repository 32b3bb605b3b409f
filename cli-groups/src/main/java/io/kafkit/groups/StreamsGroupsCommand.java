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

/** {@code kafkit streams-groups}: kafka-streams-groups.sh's options and output, made safe. */
@Command(
    name = "streams-groups",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "This tool helps to list, describe, delete and manage the offsets of streams groups.",
      "A reset changes nothing without --execute; a group with members is never reset or deleted."
    })
public final class StreamsGroupsCommand implements Callable<Integer>, ErrorPrefix {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Actions (exactly one):%n")
  Action action;

  static final class Action {
    @Option(names = "--list", description = "List the streams groups.")
    boolean list;

    @Option(
        names = "--describe",
        description =
            "Describe groups: offsets and lag (default), --members, --state or --topology.")
    boolean describe;

    @Option(
        names = "--delete",
        description =
            "Delete groups (only groups with no members), and with --delete-all-internal-topics"
                + " their internal topics.")
    boolean delete;

    @Option(
        names = "--reset-offsets",
        description =
            "Reset a group's committed offsets of its input topics (--dry-run or --execute);"
                + " --execute also deletes the group's internal topics.")
    boolean resetOffsets;

    @Option(
        names = "--delete-offsets",
        description = "Delete a group's offsets of --input-topic or --all-input-topics.")
    boolean deleteOffsets;
  }

  @Option(names = "--group", paramLabel = "GROUP", description = "A streams group; repeatable.")
  List<String> groups = new ArrayList<>();

  @Option(names = "--all-groups", description = "Every streams group.")
  boolean allGroups;

  @Option(
      names = "--input-topic",
      paramLabel = "TOPIC[:P,P...]",
      description = "An input topic (and partitions) to reset or delete offsets of; repeatable.")
  List<String> inputTopics = new ArrayList<>();

  @Option(
      names = "--all-input-topics",
      description = "With --reset-offsets or --delete-offsets: every input topic of the topology.")
  boolean allInputTopics;

  @Option(names = "--offsets", description = "With --describe: offsets and lag (default).")
  boolean offsets;

  @Option(names = "--members", description = "With --describe: the members and their tasks.")
  boolean members;

  @Option(
      names = "--state",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "STATES",
      description =
          "With --describe: the group's state. With --list: show each group's state, or only"
              + " groups in these states (Empty,NotReady,Stable,Assigning,Reconciling,Dead).")
  String state;

  @Option(
      names = "--topology",
      description = "With --describe: the topology, as the broker's description plugin stored it.")
  boolean topology;

  @Option(
      names = "--verbose",
      description = "With --describe: epochs, target assignments and leader epochs.")
  boolean verbose;

  @Option(
      names = "--delete-all-internal-topics",
      description = "With --delete, or --reset-offsets --execute: delete every internal topic.")
  boolean deleteAllInternalTopics;

  @Option(
      names = "--delete-internal-topic",
      paramLabel = "TOPIC",
      description = "With --reset-offsets --execute: delete this internal topic; repeatable.")
  List<String> deleteInternalTopics = new ArrayList<>();

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
    StreamsGroupsRequest request = StreamsGroupsRequest.of(this);
    if (action.resetOffsets && reset.export && output.json()) {
      throw new ParameterException(
          spec.commandLine(), "--export prints the plan as CSV: leave --output json out.");
    }
    int code;
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      StreamsGroups groups = new StreamsGroups(admin, request);
      if (action.list) {
        code = groups.list(output, out);
      } else if (action.describe) {
        code = groups.describe(output, out, err);
      } else if (action.delete) {
        code = StreamsGroupChanges.delete(groups, output, out, err);
      } else if (action.resetOffsets) {
        code = StreamsGroupChanges.reset(groups, output, out, err);
      } else { // --delete-offsets: the argument group guarantees exactly one action
        code = StreamsGroupChanges.deleteOffsets(groups, output, out, err);
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
