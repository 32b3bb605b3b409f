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

/** {@code kafkit consumer-groups}: kafka-consumer-groups.sh's options and output, made safe. */
@Command(
    name = "consumer-groups",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "This tool helps to list, describe, delete and manage the offsets of consumer groups.",
      "A reset changes nothing without --execute; an active group is never reset or deleted."
    })
public final class ConsumerGroupsCommand implements Callable<Integer>, ErrorPrefix {
  private final io.kafkit.common.cli.Environment environment;

  public ConsumerGroupsCommand(io.kafkit.common.cli.Environment environment) {
    this.environment = environment;
  }

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Actions (exactly one):%n")
  Action action;

  static final class Action {
    @Option(names = "--list", description = "List the consumer groups.")
    boolean list;

    @Option(
        names = "--describe",
        description = "Describe groups: offsets and lag (default)," + " --members or --state.")
    boolean describe;

    @Option(names = "--delete", description = "Delete groups (only groups with no members).")
    boolean delete;

    @Option(
        names = "--reset-offsets",
        description = "Reset a group's offsets (a dry run unless" + " --execute).")
    boolean resetOffsets;

    @Option(names = "--delete-offsets", description = "Delete a group's offsets of --topic.")
    boolean deleteOffsets;

    @Option(
        names = "--validate-regex",
        paramLabel = "REGEX",
        description =
            "Check a regular expression against the RE2 syntax that consumer groups (KIP-848)"
                + " subscribe with; exits 1 if it is invalid.")
    String validateRegex;
  }

  @Option(names = "--group", paramLabel = "GROUP", description = "A group; repeatable.")
  List<String> groups = new ArrayList<>();

  @Option(names = "--all-groups", description = "Every consumer group.")
  boolean allGroups;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC[:P,P...]",
      description = "A topic (and partitions) to reset or delete offsets of; repeatable.")
  List<String> topics = new ArrayList<>();

  @Option(names = "--all-topics", description = "With --reset-offsets: every topic of the group.")
  boolean allTopics;

  @Option(names = "--offsets", description = "With --describe: offsets and lag (the default).")
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
              + " or only groups in these states (Stable,Empty,...).")
  String state;

  @Option(
      names = "--type",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "TYPES",
      description = "With --list: show each group's type, or only these types (classic,consumer).")
  String type;

  @Option(
      names = "--verbose",
      description =
          "More columns: assignments and epochs; with --describe, lag totals per group"
              + " and topic (and stack traces on errors).")
  boolean verbose;

  @Mixin ResetOptions reset;

  @Option(
      names = "--watch",
      arity = "0..1",
      fallbackValue = "2s",
      paramLabel = "INTERVAL",
      description =
          "With --describe: refresh the offsets table every INTERVAL (default 2s; 500ms, 10s, 1m),"
              + " with each partition's lag change, until Ctrl-C; redrawn in place on a terminal.")
  String watch;

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
    if (action.validateRegex != null) {
      return ValidateRegex.run(action.validateRegex, output, out);
    }
    GroupsRequest request = GroupsRequest.of(this);
    if (action.resetOffsets && reset.export && output.json()) {
      throw new ParameterException(
          spec.commandLine(), "--export prints the plan as CSV: leave --output json out.");
    }
    Duration interval = watch == null ? null : watchInterval(request);
    int code;
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      if (interval != null) {
        // standard output as bytes: a reader that goes away (| head) is an error to see, which
        // picocli's writer would swallow
        PrintWriter stdout =
            new PrintWriter(
                new java.io.OutputStreamWriter(
                    environment.stdout(), java.nio.charset.StandardCharsets.UTF_8));
        return new WatchGroups(
                admin, request, interval, environment.stdoutTerminal(), java.time.Clock.systemUTC())
            .run(stdout, err);
      }
      if (action.list) {
        code = ListGroups.run(admin, request, output, out);
      } else if (action.describe) {
        code = DescribeGroups.run(admin, request, output, out, err);
      } else if (action.delete) {
        code = DeleteGroups.run(admin, request, output, out, err);
      } else if (action.resetOffsets) {
        code =
            ResetOffsets.run(admin, new ConsumerOffsets(admin, request), request, output, out, err);
      } else { // --delete-offsets: the argument group guarantees exactly one action
        code = DeleteOffsets.run(admin, request, output, out, err);
      }
    }
    out.flush();
    err.flush();
    return code;
  }

  private Duration watchInterval(GroupsRequest request) {
    if (!action.describe || request.view() != GroupsRequest.View.OFFSETS) {
      throw new ParameterException(
          spec.commandLine(), "--watch goes with --describe, and shows offsets and lag.");
    }
    if (output.json()) {
      throw new ParameterException(
          spec.commandLine(),
          "--watch draws a table: leave --output json out, or run --describe --output json"
              + " each time.");
    }
    Duration interval;
    try {
      interval = new io.kafkit.common.convert.DurationConverter().convert(watch);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "--watch: " + e.getMessage());
    }
    if (interval.toMillis() < 100) {
      throw new ParameterException(
          spec.commandLine(),
          "--watch " + watch + " is under 100 ms (a number alone is ms): give 500ms, 2s or more.");
    }
    return interval;
  }

  @Override
  public String errorPrefix() {
    return "Error: ";
  }
}
