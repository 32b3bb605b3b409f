package io.kafkit.groups;

import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.kafka.KafkaErrors;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/**
 * The members of a Kafka Streams application's group, as streams-application-reset checks them: a
 * consumer group with members is refused unless --force removes them; a streams group with members
 * is refused.
 */
final class ApplicationMembers {
  private final Admin admin;
  private final String app;

  ApplicationMembers(Admin admin, String app) {
    this.admin = admin;
    this.app = app;
  }

  /**
   * Apache's check that the application is stopped: a consumer group with members is refused unless
   * --force removes them later. A streams group (the streams protocol) with members is refused: no
   * request removes its members.
   *
   * @return the consumer group's members, for --force
   */
  List<MemberDescription> refuseRunning(boolean force) throws Exception {
    List<MemberDescription> members = members();
    if (!members.isEmpty() && !force) {
      throw new KafkitException(
          "Consumer group '"
              + app
              + "' is still active and has "
              + count(members.size(), "member")
              + " ("
              + clients(members)
              + "). Stop every instance of the application first, or use --force to remove them.");
    }
    return members;
  }

  /**
   * With --force, removes the members found (not in a dry run), then checks that none came back.
   *
   * @return how many members were removed
   */
  int remove(List<MemberDescription> members, boolean dryRun, PrintWriter text, PrintWriter err)
      throws Exception {
    if (members.isEmpty()) {
      return 0;
    }
    if (dryRun) {
      err.println(
          "Dry run: --force would remove the "
              + count(members.size(), "member")
              + " of consumer group '"
              + app
              + "' ("
              + clients(members)
              + ").");
      err.flush();
      return 0;
    }
    text.println("Force deleting all active members in the group: " + app);
    for (int attempt = 0; ; attempt++) {
      try {
        admin
            .removeMembersFromConsumerGroup(app, new RemoveMembersFromConsumerGroupOptions())
            .all()
            .get();
        break;
      } catch (ExecutionException e) {
        if (attempt < 3 && causedBy(e, UnknownMemberIdException.class)) {
          continue; // a member left on its own meanwhile: describe and remove again
        }
        throw e;
      }
    }
    List<MemberDescription> again = members();
    if (!again.isEmpty()) {
      throw new KafkitException(
          "Consumer group '"
              + app
              + "' has members again after --force removed them ("
              + clients(again)
              + "): an instance of the application is still running. Stop it, then run again.");
    }
    return members.size();
  }

  private List<MemberDescription> members() throws Exception {
    try {
      ConsumerGroupDescription d =
          admin
              .describeConsumerGroups(List.of(app), new DescribeConsumerGroupsOptions())
              .describedGroups()
              .get(app)
              .get();
      return d.groupState() == GroupState.DEAD ? List.of() : List.copyOf(d.members());
    } catch (ExecutionException e) {
      if (!(KafkaErrors.unwrap(e) instanceof GroupIdNotFoundException)) {
        throw e;
      }
    }
    refuseRunningStreamsGroup();
    return List.of();
  }

  private void refuseRunningStreamsGroup() throws Exception {
    StreamsGroupDescription d;
    try {
      d = admin.describeStreamsGroups(List.of(app)).describedGroups().get(app).get();
    } catch (ExecutionException e) {
      Throwable cause = KafkaErrors.unwrap(e);
      if (cause instanceof GroupIdNotFoundException
          || cause instanceof org.apache.kafka.common.errors.UnsupportedVersionException) {
        return; // no group of that name yet: nothing runs
      }
      throw e;
    }
    if (d.groupState() != GroupState.DEAD && !d.members().isEmpty()) {
      throw new KafkitException(
          "'"
              + app
              + "' is a streams group (the streams rebalance protocol) with "
              + count(d.members().size(), "member")
              + ": stop every instance of the application first (--force removes members of"
              + " consumer groups only). 'kafkit streams-groups --reset-offsets' resets streams"
              + " groups too.");
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String clients(List<MemberDescription> members) {
    return "client ids: "
        + String.join(
            ", ", members.stream().map(MemberDescription::clientId).distinct().sorted().toList());
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
