package io.kafkit.common.cli;

import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.connect.KafkaClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Small commands wired as the real ones are, to test the wiring in cli-common itself. */
final class TestCommands {
  private TestCommands() {}

  record Run(int exitCode, String out, String err) {}

  static Run run(Object command, Map<String, String> env, Path home, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = CommandLines.create(command, Environment.of(env, home));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = CommandLines.execute(cmd, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Prints where it would connect: bootstrap servers, their source, and the properties. */
  @Command(name = "where", mixinStandardHelpOptions = true)
  static final class Where implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin ConnectionOptions connection;
    @Mixin Verbosity verbosity;

    @Option(names = "--broker-list", hidden = true)
    void brokerList(String servers) {
      connection.bootstrapServer(servers);
    }

    @Option(names = "--create")
    boolean create;

    @Option(names = "--partitions")
    Integer partitions;

    @Override
    public Integer call() {
      ConnectionSettings s = connection.resolve();
      PrintWriter out = spec.commandLine().getOut();
      out.println(s.bootstrapServers() + " from " + s.source());
      s.properties().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .sorted()
          .forEach(out::println);
      if (create) {
        out.println("create partitions=" + partitions);
      }
      return ExitCodes.OK;
    }
  }

  /** {@link Where} with argparse4j's rules, as the producer perf test has them. */
  @Command(name = "where-argparse", mixinStandardHelpOptions = true)
  static final class WhereArgparse implements Callable<Integer>, ArgparseRules {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin ConnectionOptions connection;

    @Option(names = "--payload-file")
    String payloadFile;

    @Option(names = "--payload-delimiter")
    String payloadDelimiter;

    @Override
    public Integer call() {
      spec.commandLine()
          .getOut()
          .println(connection.resolve().bootstrapServers() + " payload " + payloadFile);
      return ExitCodes.OK;
    }
  }

  /** Lists topics through the client factory, to see how an unreachable cluster is reported. */
  @Command(name = "list")
  static final class ListTopics implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Mixin Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
      try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
        admin.listTopics().names().get();
      }
      return ExitCodes.OK;
    }
  }
}
