package io.kafkit.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.TestCommands.Run;
import io.kafkit.common.cli.TestCommands.Where;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionResolutionTest {
  @TempDir Path home;

  private Run where(Map<String, String> env, String... args) {
    return TestCommands.run(new Where(), env, home, args);
  }

  private void profile(String name, String content) throws IOException {
    Path dir = home.resolve(".config/kafkit");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".properties"), content);
  }

  @Test
  void defaultIsLocalhost() {
    Run run = where(Map.of());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("localhost:9092 from the default\n"), run.out());
  }

  @Test
  void flagWinsOverEverything() throws IOException {
    profile("prod", "bootstrap.servers=prod:9092\n");
    Run run =
        where(
            Map.of("KAFKIT_BOOTSTRAP_SERVER", "env:9092", "KAFKIT_PROFILE", "prod"),
            "--bootstrap-server",
            "flag:9092");
    assertTrue(run.out().startsWith("flag:9092 from --bootstrap-server\n"), run.out());
  }

  @Test
  void environmentWinsOverProfile() throws IOException {
    profile("prod", "bootstrap.servers=prod:9092\n");
    Run run = where(Map.of("KAFKIT_BOOTSTRAP_SERVER", "env:9092", "KAFKIT_PROFILE", "prod"));
    assertTrue(run.out().startsWith("env:9092 from $KAFKIT_BOOTSTRAP_SERVER\n"), run.out());
  }

  @Test
  void profileFromFlagOrEnvironmentGivesServersAndProperties() throws IOException {
    profile("prod", "bootstrap.servers=prod:9092\nsecurity.protocol=SASL_SSL\n");
    profile("other", "bootstrap.servers=other:9092\n");
    Run byEnv = where(Map.of("KAFKIT_PROFILE", "prod"));
    assertTrue(byEnv.out().startsWith("prod:9092 from profile 'prod'\n"), byEnv.out());
    assertTrue(byEnv.out().contains("security.protocol=SASL_SSL\n"), byEnv.out());
    Run byFlag = where(Map.of("KAFKIT_PROFILE", "prod"), "--profile", "other");
    assertTrue(byFlag.out().startsWith("other:9092 from profile 'other'\n"), byFlag.out());
  }

  @Test
  void configFileAndPropertiesLayerOverTheProfile() throws IOException {
    profile("prod", "bootstrap.servers=prod:9092\nacks=1\nclient.id=p\n");
    Path config = home.resolve("client.properties");
    Files.writeString(config, "acks=all\nlinger.ms=5\n");
    Run run =
        where(
            Map.of(),
            "--profile=prod",
            "--command-config",
            config.toString(),
            "--command-property",
            "linger.ms=7",
            "--command-property",
            "empty");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("acks=all\n"), run.out());
    assertTrue(run.out().contains("client.id=p\n"), run.out());
    assertTrue(run.out().contains("linger.ms=7\n"), run.out());
    assertTrue(run.out().contains("empty=\n"), "a property without '=' is empty, as Apache's");
  }

  @Test
  void bootstrapServersInTheConfigFileWinOverEnvironment() throws IOException {
    Path config = home.resolve("client.properties");
    Files.writeString(config, "bootstrap.servers=file:9092\n");
    Run run =
        where(Map.of("KAFKIT_BOOTSTRAP_SERVER", "env:9092"), "--command-config", config.toString());
    assertTrue(run.out().startsWith("file:9092 from bootstrap.servers"), run.out());
  }

  @Test
  void hiddenAliasFeedsTheSameSetting() {
    Run run = where(Map.of(), "--broker-list", "old:9092");
    assertTrue(run.out().startsWith("old:9092 from --bootstrap-server\n"), run.out());
  }

  @Test
  void missingProfileIsOneLineAndExitOne() {
    Run run = where(Map.of(), "--profile", "nope");
    assertEquals(ExitCodes.FAILED, run.exitCode());
    assertTrue(run.err().startsWith("Error: There is no profile 'nope'"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void missingConfigFileIsOneLineAndExitOne() {
    Run run = where(Map.of(), "--command-config", home.resolve("nope.properties").toString());
    assertEquals(ExitCodes.FAILED, run.exitCode());
    assertTrue(run.err().contains("does not exist"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void malformedBootstrapServerIsAUsageError() {
    Run run = where(Map.of(), "--bootstrap-server", "localhost");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("HOST:PORT"), run.err());
  }
}
