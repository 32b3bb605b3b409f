package io.kafkit.perf;

import io.kafkit.common.cli.Unbuilt;
import io.kafkit.common.cli.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code kafkit producer-perf-test}: Measure the throughput and latency of producing. */
@Command(
    name = "producer-perf-test",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure the throughput and latency of producing. (Not built yet.)")
public final class ProducerPerfTestCommand implements Callable<Integer> {
  @Unmatched List<String> arguments = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    throw Unbuilt.tool("producer-perf-test", 7, "kafka-producer-perf-test.sh");
  }
}
