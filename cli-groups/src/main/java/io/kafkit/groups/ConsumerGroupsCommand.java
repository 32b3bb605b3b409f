package io.kafkit.groups;

import io.kafkit.common.cli.Unbuilt;
import io.kafkit.common.cli.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code kafkit consumer-groups}: List, describe, delete consumer groups and reset their offsets.
 */
@Command(
    name = "consumer-groups",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "List, describe, delete consumer groups and reset their offsets. (Not built yet.)")
public final class ConsumerGroupsCommand implements Callable<Integer> {
  @Unmatched List<String> arguments = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    throw Unbuilt.tool("consumer-groups", 6, "kafka-consumer-groups.sh");
  }
}
