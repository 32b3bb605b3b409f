package io.kafkit.producer;

import io.kafkit.common.cli.Unbuilt;
import io.kafkit.common.cli.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code kafkit console-producer}: Read lines from standard input and send them to a topic. */
@Command(
    name = "console-producer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Read lines from standard input and send them to a topic. (Not built yet.)")
public final class ConsoleProducerCommand implements Callable<Integer> {
  @Unmatched List<String> arguments = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    throw Unbuilt.tool("console-producer", 4, "kafka-console-producer.sh");
  }
}
