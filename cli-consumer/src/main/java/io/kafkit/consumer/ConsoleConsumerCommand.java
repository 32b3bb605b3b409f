package io.kafkit.consumer;

import io.kafkit.common.cli.Unbuilt;
import io.kafkit.common.cli.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code kafkit console-consumer}: Read messages from topics and print them. */
@Command(
    name = "console-consumer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Read messages from topics and print them. (Not built yet.)")
public final class ConsoleConsumerCommand implements Callable<Integer> {
  @Unmatched List<String> arguments = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    throw Unbuilt.tool("console-consumer", 5, "kafka-console-consumer.sh");
  }
}
