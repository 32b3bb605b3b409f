package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The completion scripts and man pages the distribution carries, loaded as a shell and man would.
 */
class CompletionDistIT {
  final DistRunner dist = new DistRunner();

  /** What bash's completion function offers for these words (the last one being completed). */
  List<String> complete(String... words) throws IOException, InterruptedException {
    Path script = dist.home().resolve("completion/kafkit.bash");
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append('\'');
    }
    String bash =
        "PATH="
            + dist.home().resolve("bin")
            + ":$PATH; source "
            + script
            + " || exit 3\n"
            + "COMP_WORDS=("
            + array
            + "); COMP_CWORD="
            + (words.length - 1)
            + "\n"
            + "_kafkit; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void bashCompletesCommandsOptionsValuesAndNamesFromTheCluster() throws Exception {
    assertTrue(
        complete("kafkit", "con")
            .containsAll(
                List.of(
                    "console-producer",
                    "console-consumer",
                    "consumer-groups",
                    "consumer-perf-test")));
    assertEquals(List.of("--bootstrap-server"), complete("kafkit", "topics", "--bootstrap-"));
    assertTrue(
        complete("kafka-topics.sh", "--cre").contains("--create"),
        "drop-ins complete as their command");
    assertEquals(
        List.of("json", "text"),
        complete("kafkit", "topics", "--output", "").stream().sorted().toList());
    assertEquals(
        List.of("start", "status", "stop"),
        complete("kafkit", "broker", "st").stream().sorted().toList());
    KafkaCluster cluster = KafkaCluster.single();
    String topic = cluster.createTopic("completion-" + System.nanoTime() % 100000, 1);
    List<String> topics =
        complete(
            "kafkit",
            "console-consumer",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--topic",
            "completion-");
    assertTrue(topics.contains(topic), topics.toString());
    assertEquals(
        List.of(),
        complete("kafkit", "console-consumer", "--bootstrap-server", "127.0.0.1:1", "--topic", "x"),
        "an unreachable cluster offers nothing, quietly");
  }

  @Test
  void theScriptsAreWhatTheCommandPrints() throws Exception {
    CliResult bash = dist.run("kafkit", "completion", "bash");
    assertEquals(0, bash.exitCode(), bash.toString());
    assertEquals(Files.readString(dist.home().resolve("completion/kafkit.bash")), bash.out());
    CliResult zsh = dist.run("kafkit", "completion", "zsh");
    assertEquals(Files.readString(dist.home().resolve("completion/_kafkit")), zsh.out());
    assertTrue(zsh.out().contains("bashcompinit"), zsh.out());
    assertEquals(2, dist.run("kafkit", "completion", "fish").exitCode());
  }

  @Test
  void aManPageForEverySubcommand() throws Exception {
    for (String name :
        List.of(
            "kafkit",
            "kafkit-topics",
            "kafkit-console-producer",
            "kafkit-console-consumer",
            "kafkit-consumer-groups",
            "kafkit-producer-perf-test",
            "kafkit-consumer-perf-test",
            "kafkit-dump-log",
            "kafkit-broker",
            "kafkit-profile",
            "kafkit-completion")) {
      Path page = dist.home().resolve("man/man1/" + name + ".1");
      String text = Files.readString(page);
      assertTrue(text.startsWith(".TH \"" + name.toUpperCase() + "\" \"1\""), text);
      assertTrue(text.contains(".SH OPTIONS\n") && text.contains(".SH EXIT STATUS\n"), text);
    }
    String consumer = Files.readString(dist.home().resolve("man/man1/kafkit-console-consumer.1"));
    assertTrue(consumer.contains("kcat\\-style format string, e.g. '%k=%s"), "picocli's %% undone");
    assertTrue(consumer.contains("\\fBkafka\\-console\\-consumer.sh\\fR"), "names its drop-in");
  }
}
