package io.kafkit.app;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit __complete topics|groups}: the names the completion script offers, one per line,
 * from the cluster the command line names. Quiet and quick: whatever goes wrong, it prints nothing
 * within two seconds, so that a tab press never hangs or prints an error into the prompt.
 */
@Command(name = "__complete", hidden = true)
public final class NameCompletion implements Callable<Integer> {
  private static final Duration PATIENCE = Duration.ofSeconds(2);

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @Parameters(paramLabel = "topics|groups")
  String what;

  @Override
  public Integer call() {
    connection.timeout(PATIENCE);
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      Collection<String> names =
          what.equals("groups")
              ? admin
                  .listGroups(ListGroupsOptions.forConsumerGroups())
                  .all()
                  .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                  .stream()
                  .map(GroupListing::groupId)
                  .toList()
              : admin.listTopics().names().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      new TreeSet<>(names).forEach(spec.commandLine().getOut()::println);
      spec.commandLine().getOut().flush();
    } catch (Exception e) {
      // completion offers nothing rather than an error in the middle of a prompt
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    return ExitCodes.OK;
  }
}
