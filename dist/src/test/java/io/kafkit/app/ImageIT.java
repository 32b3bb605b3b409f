package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained image (built when a JDK 25+ is at hand): runs with no Java anywhere on the
 * machine's PATH and no JAVA_HOME, using its own runtime and ahead-of-time cache.
 */
class ImageIT {
  @TempDir Path bin;

  DistRunner image() throws Exception {
    Path home = Path.of(System.getProperty("kafkit.image.home", "none"));
    assumeTrue(
        Files.isExecutable(home.resolve("runtime/bin/java")),
        "no self-contained image was built (it needs a JDK 25+)");
    // A PATH with the few commands the launcher uses, and no java.
    for (String tool : List.of("readlink", "dirname", "sed")) {
      Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
    }
    return new DistRunner(home)
        .without("JAVA_HOME")
        .without("KAFKIT_JAVA_HOME")
        .env("PATH", bin.toString());
  }

  @Test
  void runsWithoutAnyJavaOnTheMachine() throws Exception {
    DistRunner image = image();
    CliResult version = image.run("kafkit", "--version");
    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.out().startsWith("kafkit "), version.out());
    assertEquals("", version.err(), "no JVM warning about the cache");

    KafkaCluster cluster = KafkaCluster.single();
    String topic = cluster.createTopic("image-" + System.nanoTime() % 100000, 1);
    CliResult list =
        image.run("kafka-topics.sh", "--bootstrap-server", cluster.bootstrapServers(), "--list");
    assertEquals(0, list.exitCode(), list.toString());
    assertTrue(list.out().lines().anyMatch(topic::equals), list.out());
    assertTrue(Files.size(image.home().resolve("lib/kafkit.aot")) > 0);
  }
}
