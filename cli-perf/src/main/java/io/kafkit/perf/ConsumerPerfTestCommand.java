package io.kafkit.perf;

import io.kafkit.common.cli.Unbuilt;
import io.kafkit.common.cli.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code kafkit consumer-perf-test}: Measure the throughput of consuming. */
@Command(
    name = "consumer-perf-test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure the throughput of consuming. (Not built yet.)")
public final class ConsumerPerfTestCommand implements Callable<Integer> {
  @Unmatched List<String> arguments = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    throw Unbuilt.tool("consumer-perf-test", 7, "kafka-consumer-perf-test.sh");
  }
}
