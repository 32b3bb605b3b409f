package io.kafkit.topics;

import io.kafkit.common.cli.ErrorPrefix;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kafkit topics}: kafka-topics.sh's options and output. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "This tool helps to create, delete, describe, or change a topic.")
public final class TopicsCommand implements Callable<Integer>, ErrorPrefix {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin io.kafkit.common.cli.Verbosity verbosity;

  @Option(names = "--list", required = true, description = "List all available topics.")
  boolean list;

  @Option(
      names = "--exclude-internal",
      description = "Exclude internal topics when running list or describe command.")
  boolean excludeInternal;

  @Override
  public Integer call() throws Exception {
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      var names = ListTopics.names(admin, null, excludeInternal);
      output.print(names, ListTopics::text, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }

  @Override
  public String errorPrefix() {
    return "Error while executing topic command : ";
  }
}
