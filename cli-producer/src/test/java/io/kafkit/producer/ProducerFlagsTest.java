package io.kafkit.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Apache's precedence: a flag beats a client property, which beats the tool's default. */
class ProducerFlagsTest {
  static ProducerFlags flags(String... args) {
    ConsoleProducerCommand command =
        new ConsoleProducerCommand(Environment.of(Map.of(), Path.of(".")));
    CommandLine cl = CommandLines.create(command);
    cl.parseArgs(args);
    return command.flags;
  }

  @Test
  void defaultsKeepDeliverySafeAndPipesFast() {
    Map<String, Object> pipe = flags("--topic", "t").overrides(new Properties(), false);
    assertEquals("-1", pipe.get("acks"));
    assertEquals("524288", pipe.get("batch.size"));
    assertEquals("5", pipe.get("linger.ms"));
    assertEquals("console-producer", pipe.get("client.id"));
    assertFalse(pipe.containsKey("retries"), "Kafka's unlimited retries, not Apache's 3");
    assertFalse(pipe.containsKey("request.timeout.ms"));
    Map<String, Object> prompt = flags("--topic", "t").overrides(new Properties(), true);
    assertEquals("0", prompt.get("linger.ms"));
    assertEquals("16384", prompt.get("batch.size"));
  }

  @Test
  void flagBeatsPropertyBeatsDefault() {
    Properties given = new Properties();
    given.put("linger.ms", "50");
    given.put("acks", "1");
    Map<String, Object> s = flags("--topic", "t", "--timeout", "7").overrides(given, false);
    assertEquals("7", s.get("linger.ms"));
    assertFalse(s.containsKey("acks"), "the property's acks=1 stays");
  }

  @Test
  void bareCompressionCodecMeansGzipAndMaxPartitionMemoryWins() {
    Map<String, Object> s =
        flags(
                "--compression-codec",
                "--topic",
                "t",
                "--batch-size",
                "100",
                "--max-partition-memory-bytes",
                "200")
            .overrides(new Properties(), false);
    assertEquals("gzip", s.get("compression.type"));
    assertEquals("200", s.get("batch.size"));
    assertEquals(
        "gzip",
        flags("--topic", "t", "--compression-codec=")
            .overrides(new Properties(), false)
            .get("compression.type"),
        "an empty codec is gzip, as in Apache");
    assertEquals(
        "zstd",
        flags("--topic", "t", "--compression-codec", "ZSTD")
            .overrides(new Properties(), false)
            .get("compression.type"));
  }
}
