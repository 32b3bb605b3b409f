package io.kafkit.admin;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ErrorPrefix;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit log-dirs}: kafka-log-dirs.sh's two lines and JSON document when standard output is
 * not a terminal, a table with totals when it is.
 */
@Command(
    name = "log-dirs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "This tool helps to query log directory usage on the specified brokers.")
public final class LogDirsCommand implements Callable<Integer>, ErrorPrefix {
  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--describe",
      description =
          "Describe the specified log directories on the specified brokers (required, as in"
              + " Apache).")
  boolean describe;

  @Option(
      names = "--broker-list",
      paramLabel = "ID,ID...",
      defaultValue = "",
      description = "The brokers to query, as \"0,1,2\". Default: every broker of the cluster.")
  String brokerList;

  @Option(
      names = "--topic-list",
      paramLabel = "TOPIC,TOPIC...",
      defaultValue = "",
      description = "The topics to show, as \"topic1,topic2\". Default: every topic.")
  String topicList;

  public LogDirsCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public String errorPrefix() {
    return "ERROR: ";
  }

  @Override
  public Integer call() throws Exception {
    if (!describe) {
      throw new ParameterException(spec.commandLine(), "Missing required argument \"[describe]\"");
    }
    Set<Integer> given = brokerIds();
    Set<String> topics = LogDirs.topics(topicList);
    PrintWriter out = spec.commandLine().getOut();
    boolean table = !output.json() && environment.stdoutTerminal();
    boolean apacheLines = !output.json() && !table;
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      Set<Integer> brokers = LogDirs.brokers(admin, given);
      if (apacheLines) {
        out.println("Querying brokers for log directories information");
        out.flush();
      }
      LogDirs.Answer answer = LogDirs.describe(admin, brokers);
      if (table) {
        LogDirs.printTable(answer, topics, out);
        return ExitCodes.OK;
      }
      if (apacheLines) {
        out.println("Received log directory information from brokers " + LogDirs.joined(brokers));
      }
      out.println(LogDirs.apacheJson(answer, topics));
      out.flush();
      return ExitCodes.OK;
    }
  }

  private Set<Integer> brokerIds() {
    try {
      return LogDirs.split(brokerList).map(Integer::valueOf).collect(Collectors.toSet());
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--broker-list takes broker ids as \"0,1,2\", not '" + brokerList + "'.");
    }
  }
}
