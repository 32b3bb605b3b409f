package io.kafkit.cluster;

import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.QuorumInfo.ReplicaState;
import org.apache.kafka.clients.admin.RaftVoterEndpoint;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.VoterNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit metadata-quorum}: kafka-metadata-quorum.sh's describe, add-controller and
 * remove-controller, Apache's lines, kafkit's errors.
 */
@Command(
    name = "metadata-quorum",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "This tool describes kraft metadata quorum status. The connection options come before the"
            + " subcommand, as in Apache's tool.",
    subcommands = {
      MetadataQuorumCommand.Describe.class,
      MetadataQuorumCommand.AddController.class,
      MetadataQuorumCommand.RemoveController.class
    })
public final class MetadataQuorumCommand extends ConnectedParent {
  /** How long a replica that lags may go without catching up before it is called behind. */
  static final long BEHIND_AFTER_MS = 5_000;

  @Override
  String subcommands() {
    return "describe, add-controller or remove-controller";
  }

  /** {@code describe --status | --replication [--human-readable]}. */
  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Describe the metadata quorum info: --status or --replication.")
  static final class Describe implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand MetadataQuorumCommand parent;
    @Mixin OutputOptions output;

    @Option(names = "--status", description = "A short summary of the quorum status.")
    boolean status;

    @Option(
        names = "--replication",
        description = "Detailed information about the status of replication.")
    boolean replication;

    @Option(names = "--human-readable", description = "With --replication: times as how long ago.")
    boolean humanReadable;

    /** A voter or observer; the times are epoch milliseconds, null when unknown. */
    record Replica(
        int nodeId,
        String directoryId,
        long logEndOffset,
        long lag,
        Long lastFetchTimestamp,
        Long lastCaughtUpTimestamp,
        String status,
        List<String> endpoints,
        boolean behind) {}

    /** --status: the quorum's summary; --replication: its replicas. */
    record View(
        String clusterId,
        int leaderId,
        long leaderEpoch,
        long highWatermark,
        long maxFollowerLag,
        long maxFollowerLagTimeMs,
        List<Replica> voters,
        List<Replica> observers) {}

    @Override
    public Integer call() throws Exception {
      if (status && replication) {
        throw usage(
            "Only one of --status or --replication should be specified with describe sub-command");
      }
      if (status && humanReadable) {
        throw usage("The option --human-readable is only supported along with --replication");
      }
      if (!status && !replication) {
        throw usage("One of --status or --replication must be specified with describe sub-command");
      }
      String clusterId = null;
      QuorumInfo quorum;
      try (Admin admin = parent.admin()) {
        if (status) {
          clusterId = admin.describeCluster().clusterId().get();
        }
        quorum = admin.describeMetadataQuorum().quorumInfo().get();
      }
      View view = view(clusterId, quorum);
      PrintWriter out = spec.commandLine().getOut();
      if (status) {
        output.print(view, Describe::statusText, out);
      } else {
        output.print(view, this::replicationText, out);
      }
      if (!output.json()) {
        behind(view, spec.commandLine().getErr());
      }
      return ExitCodes.OK;
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Beyond Apache: a note on stderr for each replica that is behind the leader and has not caught
     * up for a while (a follower one fetch behind is normal).
     */
    private static void behind(View view, PrintWriter err) {
      List<Replica> all = new ArrayList<>(view.voters());
      all.addAll(view.observers());
      long now = System.currentTimeMillis();
      for (Replica r : all) {
        if (r.behind()) {
          err.println(
              "Note: "
                  + (r.status().equals("Observer") ? "observer " : "voter ")
                  + r.nodeId()
                  + " is behind the leader by "
                  + r.lag()
                  + (r.lag() == 1 ? " record" : " records")
                  + (r.lastCaughtUpTimestamp() == null
                      ? " and has never caught up."
                      : "; it last caught up " + (now - r.lastCaughtUpTimestamp()) + " ms ago."));
        }
      }
      err.flush();
    }

    private static View view(String clusterId, QuorumInfo quorum) {
      ReplicaState leader =
          quorum.voters().stream()
              .filter(v -> v.replicaId() == quorum.leaderId())
              .findFirst()
              .orElseThrow(
                  () ->
                      new KafkitException(
                          "The quorum has no leader among its voters (leader id "
                              + quorum.leaderId()
                              + "): an election may be under way; try again."));
      // Apache's choice: the first voter with the lowest log end offset
      ReplicaState slowest =
          quorum.voters().stream()
              .min(Comparator.comparingLong(ReplicaState::logEndOffset))
              .orElseThrow();
      long lagTimeMs;
      if (slowest == leader) {
        lagTimeMs = 0;
      } else if (leader.lastCaughtUpTimestamp().isPresent()
          && slowest.lastCaughtUpTimestamp().isPresent()) {
        lagTimeMs =
            leader.lastCaughtUpTimestamp().getAsLong()
                - slowest.lastCaughtUpTimestamp().getAsLong();
      } else {
        lagTimeMs = -1;
      }
      List<Replica> voters = new ArrayList<>();
      List<Replica> observers = new ArrayList<>();
      quorum
          .voters()
          .forEach(
              v -> voters.add(replica(quorum, leader, v, v == leader ? "Leader" : "Follower")));
      quorum.observers().forEach(o -> observers.add(replica(quorum, leader, o, "Observer")));
      return new View(
          clusterId,
          quorum.leaderId(),
          quorum.leaderEpoch(),
          quorum.highWatermark(),
          leader.logEndOffset() - slowest.logEndOffset(),
          lagTimeMs,
          voters,
          observers);
    }

    private static Replica replica(
        QuorumInfo quorum, ReplicaState leader, ReplicaState r, String status) {
      QuorumInfo.Node node = quorum.nodes().get(r.replicaId());
      List<String> endpoints =
          node == null
              ? List.of()
              : node.endpoints().stream().map(RaftVoterEndpoint::toString).toList();
      long lag = leader.logEndOffset() - r.logEndOffset();
      OptionalLong caughtUp = r.lastCaughtUpTimestamp();
      boolean behind =
          r != leader
              && lag > 0
              && (caughtUp.isEmpty()
                  || System.currentTimeMillis() - caughtUp.getAsLong() > BEHIND_AFTER_MS);
      return new Replica(
          r.replicaId(),
          r.replicaDirectoryId().toString(),
          r.logEndOffset(),
          lag,
          boxed(r.lastFetchTimestamp()),
          boxed(r.lastCaughtUpTimestamp()),
          status,
          endpoints,
          behind);
    }

    private static Long boxed(OptionalLong value) {
      return value.isPresent() ? value.getAsLong() : null;
    }

    /** The voters in the order the quorum lists them, as Apache prints them. */
    private static void statusText(View v, PrintWriter out) {
      out.print(
          "ClusterId:              "
              + v.clusterId()
              + "\nLeaderId:               "
              + v.leaderId()
              + "\nLeaderEpoch:            "
              + v.leaderEpoch()
              + "\nHighWatermark:          "
              + v.highWatermark()
              + "\nMaxFollowerLag:         "
              + v.maxFollowerLag()
              + "\nMaxFollowerLagTimeMs:   "
              + v.maxFollowerLagTimeMs()
              + "\nCurrentVoters:          "
              + replicas(v.voters())
              + "\nCurrentObservers:       "
              + replicas(v.observers())
              + "\n");
    }

    private static String replicas(List<Replica> replicas) {
      return replicas.stream()
          .map(
              r -> {
                StringBuilder s = new StringBuilder("{\"id\": ").append(r.nodeId());
                if (!r.directoryId().equals(Uuid.ZERO_UUID.toString())) {
                  s.append(", \"directoryId\": \"").append(r.directoryId()).append('"');
                }
                if (!r.endpoints().isEmpty()) {
                  s.append(", \"endpoints\": [")
                      .append(
                          r.endpoints().stream()
                              .map(e -> "\"" + e + "\"")
                              .collect(Collectors.joining(", ")))
                      .append(']');
                }
                return s.append('}').toString();
              })
          .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Apache's table: each cell padded to its column's width and followed by a tab. */
    private void replicationText(View v, PrintWriter out) {
      Table table =
          new Table(
                  "NodeId",
                  "DirectoryId",
                  "LogEndOffset",
                  "Lag",
                  "LastFetchTimestamp",
                  "LastCaughtUpTimestamp",
                  "Status")
              .separator("\t")
              .padLast("\t");
      // the leader first, then the other voters, then the observers
      List<Replica> all = new ArrayList<>();
      v.voters().stream().filter(r -> r.status().equals("Leader")).forEach(all::add);
      v.voters().stream().filter(r -> !r.status().equals("Leader")).forEach(all::add);
      all.addAll(v.observers());
      for (Replica r : all) {
        table.row(
            r.nodeId(),
            r.directoryId(),
            r.logEndOffset(),
            r.lag(),
            time(r.lastFetchTimestamp()),
            time(r.lastCaughtUpTimestamp()),
            r.status());
      }
      table.print(out);
    }

    private String time(Long epochMs) {
      if (epochMs == null) {
        return "-1";
      }
      if (!humanReadable) {
        return Long.toString(epochMs);
      }
      long ago = Instant.now().toEpochMilli() - epochMs;
      return Math.max(ago, 0) + " ms ago";
    }
  }

  /**
   * {@code add-controller [--dry-run]}, with the new controller's properties in --command-config.
   */
  @Command(
      name = "add-controller",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Add a controller to the KRaft controller cluster; --command-config names the new"
              + " controller's properties file.")
  static final class AddController implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand MetadataQuorumCommand parent;

    @Option(names = "--dry-run", description = "Print what would be done, but do not do it.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
      ConnectionOptions connection = parent.connection;
      if (!connection.hasConfigFile()) {
        throw new ParameterException(
            spec.commandLine(),
            "You must supply the configuration file of the controller you are adding when using"
                + " add-controller.");
      }
      NewController controller = NewController.of(connection.resolve().clientProperties());
      if (!dryRun) {
        try (Admin admin = parent.admin()) {
          admin
              .addRaftVoter(controller.id(), controller.directoryId(), controller.endpoints())
              .all()
              .get();
        }
      }
      spec.commandLine()
          .getOut()
          .println(
              (dryRun ? "DRY RUN of adding" : "Added")
                  + " controller "
                  + controller.id()
                  + " with directory id "
                  + controller.directoryId()
                  + " and endpoints: "
                  + controller.endpoints().stream()
                      .map(NewController::endpoint)
                      .collect(Collectors.joining(", ")));
      return ExitCodes.OK;
    }
  }

  /** {@code remove-controller -i ID -d DIRECTORY_ID [--dry-run] [--unregister]}. */
  @Command(
      name = "remove-controller",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Remove a controller from the KRaft controller cluster.")
  static final class RemoveController implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand MetadataQuorumCommand parent;

    @Option(
        names = {"--controller-id", "-i"},
        required = true,
        paramLabel = "ID",
        description = "The id of the controller to remove.")
    int id;

    @Option(
        names = {"--controller-directory-id", "-d"},
        required = true,
        paramLabel = "DIRECTORY_ID",
        description = "The directory ID of the controller to remove.")
    String directoryId;

    @Option(names = "--dry-run", description = "Print what would be done, but do not do it.")
    boolean dryRun;

    @Option(
        names = "--unregister",
        description = "Also unregister the controller after removing it from the voter set.")
    boolean unregister;

    @Override
    public Integer call() throws Exception {
      if (id < 0) {
        throw new ParameterException(spec.commandLine(), "Invalid negative --controller-id: " + id);
      }
      Uuid uuid;
      try {
        uuid = Uuid.fromString(directoryId);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "Failed to parse --controller-directory-id: " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      String rerun =
          ". To unregister the controller from the cluster, run `kafkit cluster"
              + " unregister-controller --id "
              + id
              + "`.";
      try (Admin admin = dryRun ? null : parent.admin()) {
        if (!dryRun) {
          try {
            admin.removeRaftVoter(id, uuid).all().get();
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (unregister
                && (cause instanceof UnsupportedVersionException
                    || cause instanceof VoterNotFoundException)) {
              throw new KafkitException(
                  "Failed to remove KRaft voter " + id + ": " + cause.getMessage() + rerun, e);
            }
            throw e;
          }
        }
        out.printf(
            "%sKRaft controller %d with directory id %s%n",
            dryRun ? "DRY RUN of removing " : "Removed ", id, uuid);
        out.flush();
        if (unregister) {
          if (!dryRun) {
            try {
              admin.unregisterController(id).all().get();
            } catch (ExecutionException e) {
              Throwable cause = e.getCause() != null ? e.getCause() : e;
              throw new KafkitException(
                  "Failed to unregister controller " + id + ": " + cause.getMessage() + rerun, e);
            }
          }
          out.printf(
              "%sKRaft controller %d%n",
              dryRun ? "DRY RUN of unregistering " : "Unregistered ", id);
        }
      }
      return ExitCodes.OK;
    }
  }
}
