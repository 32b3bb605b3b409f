package io.kafkit.dumplog;

import io.kafkit.common.cli.Unbuilt;
import io.kafkit.common.cli.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code kafkit dump-log}: Print the contents of Kafka's log segments and index files. */
@Command(
    name = "dump-log",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print the contents of Kafka's log segments and index files. (Not built yet.)")
public final class DumpLogCommand implements Callable<Integer> {
  @Unmatched List<String> arguments = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    throw Unbuilt.tool("dump-log", 8, "kafka-dump-log.sh");
  }
}
