package io.kafkit.admin;

import io.kafkit.admin.ReassignmentJson.Move;
import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.Json;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.TopicPartitionReplica;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit reassign-partitions}: kafka-reassign-partitions.sh's options, files and lines;
 * following a reassignment to its end, and plans that move few replicas.
 */
@Command(
    name = "reassign-partitions",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "This tool helps to move topic partitions between replicas.")
public final class ReassignPartitionsCommand implements Callable<Integer> {

  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--bootstrap-controller",
      paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "The KRaft controllers to connect to instead; with --cancel and --list only.")
  void bootstrapController(String controllers) {
    connection.bootstrapController(controllers);
  }

  @Option(names = "--generate", description = "Generate a candidate reassignment; moves nothing.")
  boolean generate;

  @Option(names = "--execute", description = "Start the reassignment of --reassignment-json-file.")
  boolean execute;

  @Option(
      names = "--verify",
      description =
          "Say whether the reassignment of --reassignment-json-file is done; once all is done,"
              + " remove the throttles.")
  boolean verify;

  @Option(names = "--cancel", description = "Cancel the reassignments of --reassignment-json-file.")
  boolean cancel;

  @Option(names = "--list", description = "List the reassignments in progress.")
  boolean list;

  @Option(
      names = "--reassignment-json-file",
      paramLabel = "FILE",
      description =
          "The plan: {\"partitions\": [{\"topic\": \"foo\", \"partition\": 1, \"replicas\":"
              + " [1,2,3], \"log_dirs\": [\"any\",\"any\",\"any\"]}], \"version\": 1};"
              + " log_dirs is optional.")
  Path reassignmentFile;

  @Option(
      names = "--topics-to-move-json-file",
      paramLabel = "FILE",
      description =
          "With --generate: the topics, as {\"topics\": [{\"topic\": \"foo\"}], \"version\": 1}.")
  Path topicsFile;

  @Option(
      names = "--broker-list",
      paramLabel = "ID[,ID...]",
      description = "With --generate: the brokers to place the replicas on, as 0,1,2.")
  String brokerList;

  @Option(names = "--disable-rack-aware", description = "With --generate: ignore racks.")
  boolean disableRackAware;

  @Option(
      names = "--throttle",
      paramLabel = "BYTES/S",
      defaultValue = "-1",
      description =
          "With --execute: throttle the moves between brokers to this rate; with --additional,"
              + " change the rate of the reassignment in progress.")
  long throttle;

  @Option(
      names = "--replica-alter-log-dirs-throttle",
      paramLabel = "BYTES/S",
      defaultValue = "-1",
      description = "With --execute: throttle moves between log directories of a broker.")
  long logDirThrottle;

  @Option(
      names = "--timeout",
      paramLabel = "MS",
      defaultValue = "10000",
      description =
          "How long to wait for log directory moves to begin (default: ${DEFAULT-VALUE} ms).")
  long timeoutMs;

  @Option(
      names = "--additional",
      description = "With --execute: start it beside the reassignments in progress.")
  boolean additional;

  @Option(
      names = "--preserve-throttles",
      description = "With --verify and --cancel: leave the throttles as they are.")
  boolean preserveThrottles;

  @Option(
      names = "--disallow-replication-factor-change",
      description = "With --execute: refuse a plan that changes a partition's replica count.")
  boolean disallowReplicationFactorChange;

  @Option(
      names = "--wait",
      description =
          "With --execute or --verify: follow the reassignment to its end, then verify it;"
              + " Ctrl-C stops following, not the reassignment.")
  boolean waitForEnd;

  @Option(
      names = "--minimal-moves",
      description =
          "With --generate: a balanced plan (replicas and preferred leaders) that moves as few"
              + " replicas as it can, instead of a fresh layout.")
  boolean minimalMoves;

  public ReassignPartitionsCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    String action = validate();
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      Reassignments cluster = new Reassignments(admin);
      switch (action) {
        case "--generate" -> generate(cluster, out);
        case "--execute" -> execute(cluster, out);
        case "--verify" -> {
          return verify(cluster, out);
        }
        case "--cancel" -> cancel(cluster, out);
        default -> list(cluster, out);
      }
    }
    return ExitCodes.OK;
  }

  // ---- --generate

  private void generate(Reassignments cluster, PrintWriter out) throws Exception {
    List<Integer> brokerIds = parseBrokerList();
    List<String> topics =
        ReassignmentJson.parseTopics(JsonFiles.read(topicsFile), topicsFile.toString());
    PrintWriter err = spec.commandLine().getErr();
    ReassignmentPlanner.Plan plan =
        new ReassignmentPlanner(cluster, err)
            .plan(topics, brokerIds, !disableRackAware, minimalMoves);
    if (output.json()) {
      Json.print(plan.view(), out);
      return;
    }
    out.printf(
        "Current partition replica assignment%n%s%n%nProposed partition reassignment"
            + " configuration%n%s%n",
        plan.current(), plan.proposed());
    if (minimalMoves) {
      err.println(
          "The plan moves "
              + plan.moves()
              + " of "
              + plan.replicas()
              + " replicas (a fresh layout, as without --minimal-moves, would move "
              + plan.freshMoves()
              + ").");
    }
  }

  private List<Integer> parseBrokerList() {
    List<Integer> ids = new ArrayList<>();
    for (String part : brokerList.split(",")) {
      try {
        ids.add(Integer.parseInt(part));
      } catch (NumberFormatException e) {
        throw usage(
            "--broker-list "
                + brokerList
                + ": '"
                + part
                + "' is not a broker id; give ids separated by commas, as 1,2,3.");
      }
    }
    Set<Integer> twice = new java.util.TreeSet<>(); // Apache's order: a HashSet of small ints
    for (int id : ids) {
      if (ids.indexOf(id) != ids.lastIndexOf(id)) {
        twice.add(id);
      }
    }
    if (!twice.isEmpty()) {
      throw usage("Broker list contains duplicate entries: " + twice);
    }
    return ids;
  }

  // ---- --execute

  private void execute(Reassignments cluster, PrintWriter out) throws Exception {
    output.refuseJson("--execute");
    String file = reassignmentFile.toString();
    List<Move> plan = ReassignmentJson.parsePlan(JsonFiles.read(reassignmentFile), file);
    ReassignmentJson.checkExecutable(plan, file);
    var options =
        new Reassignments.ExecuteOptions(
            additional, throttle, logDirThrottle, timeoutMs, !disallowReplicationFactorChange);
    Map<TopicPartition, PartitionReassignment> ongoing = cluster.ongoing(null);
    Map<TopicPartition, TopicPartitionInfo> current = cluster.checkPlan(plan, options, ongoing);
    out.println(
        "Current partition replica assignment\n\n"
            + cluster.currentJson(current)
            + "\n\nSave this to use as the --reassignment-json-file option during rollback");
    new ReassignmentThrottles(cluster.admin()).set(plan, options, ongoing, current, out);
    cluster.submit(plan, options.allowReplicationFactorChange(), out);
    Map<TopicPartitionReplica, String> logDirs = Reassignments.logDirTargets(plan);
    if (!logDirs.isEmpty()) {
      cluster.moveLogDirs(logDirs, timeoutMs, out);
    }
    out.flush();
    if (waitForEnd) {
      new ReassignmentFollower(cluster, spec.commandLine().getErr(), environment.stdoutTerminal())
          .follow(plan);
      report(cluster, plan, out);
    }
  }

  // ---- --verify

  /** What --verify --output json prints. */
  record Verification(
      List<ReassignmentStates.PartitionState> partitions,
      List<ReassignmentStates.LogDirState> logDirs,
      boolean throttlesCleared) {}

  private int verify(Reassignments cluster, PrintWriter out) throws Exception {
    List<Move> plan =
        ReassignmentJson.parsePlan(JsonFiles.read(reassignmentFile), reassignmentFile.toString());
    if (waitForEnd) {
      new ReassignmentFollower(cluster, spec.commandLine().getErr(), environment.stdoutTerminal())
          .follow(plan);
    }
    return report(cluster, plan, out);
  }

  /** --verify's report (and removal of the throttles once all is done). */
  private int report(Reassignments cluster, List<Move> plan, PrintWriter out) throws Exception {
    // the brokers (for the throttles' removal) and the topics asked for side by side
    cluster.askForBrokers();
    ReassignmentStates reader = new ReassignmentStates(cluster.admin());
    Set<String> topics = new HashSet<>();
    plan.forEach(m -> topics.add(m.partition().topic()));
    var described = reader.describe(topics);
    Map<TopicPartition, PartitionReassignment> ongoing = cluster.ongoing(null);
    List<ReassignmentStates.PartitionState> states =
        reader.partitionStates(plan, ongoing, described);
    Map<TopicPartitionReplica, String> targets = Reassignments.logDirTargets(plan);
    List<ReassignmentStates.LogDirState> dirs =
        new ReassignmentStates(cluster.admin()).logDirStates(targets);
    boolean clear =
        ongoing.isEmpty()
            && dirs.stream().allMatch(ReassignmentStates.LogDirState::done)
            && !preserveThrottles;
    if (output.json()) {
      if (clear) {
        new ReassignmentThrottles(cluster.admin()).clear(plan, cluster.brokers().keySet(), null);
      }
      Json.print(new Verification(states, dirs, clear), out);
    } else {
      out.println("Status of partition reassignment:");
      states.forEach(s -> out.println(s.line()));
      out.println(
          String.join("\n", dirs.stream().map(ReassignmentStates.LogDirState::line).toList()));
      if (clear) {
        new ReassignmentThrottles(cluster.admin()).clear(plan, cluster.brokers().keySet(), out);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  // ---- --cancel

  private void cancel(Reassignments cluster, PrintWriter out) throws Exception {
    output.refuseJson("--cancel");
    List<Move> plan =
        ReassignmentJson.parsePlan(JsonFiles.read(reassignmentFile), reassignmentFile.toString());
    cluster.askForBrokers(); // for the throttles' removal, side by side with the cancel
    Set<TopicPartition> cancelled = cluster.cancel(plan);
    if (cancelled.isEmpty()) {
      out.println("None of the specified partition reassignments are active.");
    } else {
      out.printf(
          "Successfully cancelled partition reassignment%s for: %s%n",
          cancelled.size() == 1 ? "" : "s", ReassignmentJson.partitions(cancelled));
    }
    Map<TopicPartitionReplica, String> back =
        cluster.activeLogDirMoves(Reassignments.logDirTargets(plan));
    if (back.isEmpty()) {
      // Apache prints this without a line end: its next line follows on the same line
      out.print("None of the specified partition moves are active.");
    } else {
      cluster.moveLogDirs(back, timeoutMs, out);
    }
    if (!preserveThrottles) {
      new ReassignmentThrottles(cluster.admin()).clear(plan, cluster.brokers().keySet(), out);
    }
    out.flush();
  }

  // ---- --list

  /** A reassignment in progress, for --list --output json. */
  record Ongoing(
      String partition, List<Integer> replicas, List<Integer> adding, List<Integer> removing) {}

  private void list(Reassignments cluster, PrintWriter out) throws Exception {
    Map<TopicPartition, PartitionReassignment> ongoing = cluster.ongoing(null);
    List<Ongoing> views =
        ongoing.keySet().stream()
            .sorted(ReassignmentJson.BY_TOPIC_AND_PARTITION)
            .map(
                tp -> {
                  PartitionReassignment r = ongoing.get(tp);
                  return new Ongoing(
                      tp.toString(), r.replicas(), r.addingReplicas(), r.removingReplicas());
                })
            .toList();
    output.print(views, ReassignPartitionsCommand::printList, out);
  }

  private static void printList(List<Ongoing> ongoing, PrintWriter out) {
    if (ongoing.isEmpty()) {
      out.println("No partition reassignments found.");
      return;
    }
    out.println(
        "Current partition reassignments:\n"
            + String.join(
                "\n",
                ongoing.stream()
                    .map(
                        o ->
                            o.partition()
                                + ": replicas: "
                                + Reassignments.join(o.replicas())
                                + "."
                                + (o.adding().isEmpty()
                                    ? ""
                                    : " adding: " + Reassignments.join(o.adding()) + ".")
                                + (o.removing().isEmpty()
                                    ? ""
                                    : " removing: " + Reassignments.join(o.removing()) + "."))
                    .toList()));
  }

  // ---- the command line

  /** Apache's rules, then kafkit's; the action. */
  private String validate() {
    String action;
    try {
      action = ReassignUsage.action(spec.commandLine().getParseResult());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (waitForEnd && !"--execute".equals(action) && !"--verify".equals(action)) {
      throw usage("--wait follows a reassignment: use it with --execute or --verify.");
    }
    if (minimalMoves && !"--generate".equals(action)) {
      throw usage("--minimal-moves makes a plan: use it with --generate.");
    }
    if (output.json() && !List.of("--generate", "--verify", "--list").contains(action)) {
      output.refuseJson(action);
    }
    return action;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
