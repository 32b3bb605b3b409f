package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.DistRunner;
import io.kafkit.testkit.KafkaCluster;
import io.kafkit.testkit.RunningProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/BAD-INPUT.md, row by row: each command through the distribution, with the exit code and the
 * first line on stderr the table gives, and never a stack trace. The table is the test's data, so
 * the document cannot drift from what the tools say.
 */
class BadInputIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static Path tmp;
  static Path home;
  static String topic;
  static ServerSocket notKafka;

  @BeforeAll
  static void setUp() throws Exception {
    tmp = Files.createTempDirectory("kafkit-bad-input-");
    home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(tmp.resolve("line.txt"), "abc\n");
    Files.writeString(tmp.resolve("bad.properties"), "a=b\n\\u12");
    Files.writeString(
        tmp.resolve("order.avsc"),
        "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
    Files.writeString(tmp.resolve("order-bad.jsonl"), "{\"id\":1}\n{\"id\":\"x\"}\n");
    Files.writeString(
        tmp.resolve("plan-broker-7.json"),
        "{\"partitions\":[{\"topic\":\"x\",\"partition\":0,\"replicas\":[7]}]}");
    Files.writeString(
        tmp.resolve("plan-twice.json"),
        "{\"partitions\":[{\"topic\":\"x\",\"partition\":0,\"replicas\":[0,0]}]}");
    Files.writeString(
        tmp.resolve("topics-missing.json"), "{\"topics\":[{\"topic\":\"no-such-topic\"}]}");
    Files.createDirectories(tmp.resolve("not-a-file"));
    topic = cluster.createTopic("bad-input-" + System.nanoTime() % 100000, 3);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      p.send(new ProducerRecord<>(topic, 0, null, "x".getBytes(StandardCharsets.UTF_8))).get();
    }
    byte[] segment =
        Files.readAllBytes(cluster.partitionDir(topic, 0).resolve("00000000000000000000.log"));
    Path dir = Files.createDirectories(tmp.resolve("segment"));
    Files.write(
        dir.resolve("00000000000000000000.log"),
        java.util.Arrays.copyOf(segment, segment.length - 5));
    notKafka = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread http = new Thread(BadInputIT::answerHttp, "not-kafka");
    http.setDaemon(true);
    http.start();
  }

  @AfterAll
  static void tearDown() throws IOException {
    notKafka.close();
  }

  private static void answerHttp() {
    while (!notKafka.isClosed()) {
      try (Socket s = notKafka.accept();
          OutputStream out = s.getOutputStream()) {
        out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** One row of the table. */
  record Row(String number, String command, int exit, String message) {}

  static List<Row> rows() throws IOException {
    Path doc =
        Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("BAD-INPUT.md");
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(doc)) {
      if (!line.matches("\\| \\d+ \\|.*")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|");
      rows.add(
          new Row(
              cells[0].strip(),
              code(cells[1]),
              Integer.parseInt(cells[2].strip()),
              code(cells[3])));
    }
    return rows;
  }

  private static String code(String cell) {
    String s = cell.strip();
    return s.substring(1, s.length() - 1).replace("\\|", "|");
  }

  private static String expand(String text) {
    return text.replace("$BS", cluster.bootstrapServers())
        .replace("$TOPIC", topic)
        .replace("$DEAD", "127.0.0.1:1")
        .replace("$NOTKAFKA", "127.0.0.1:" + notKafka.getLocalPort())
        .replace("$TMP", tmp.toString())
        .replace("$CONFIG", home.toString());
  }

  /** Words as a shell splits them here: on spaces, with '...' quoting. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : command.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfTheTable() throws IOException {
    List<Row> rows = rows();
    assertTrue(
        rows.size() >= 40, "the table has " + rows.size() + " rows; the issue asks for 40 or more");
    DistRunner dist =
        new DistRunner()
            .env("KAFKIT_CONFIG_DIR", home.toString())
            .without("KAFKIT_PROFILE")
            .without("KAFKIT_BOOTSTRAP_SERVER");
    return rows.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    "#" + row.number() + " " + row.command(), () -> check(dist, row)));
  }

  private static void check(DistRunner dist, Row row) throws IOException {
    String command = expand(row.command());
    String stdin = null;
    int redirect = command.indexOf(" < ");
    if (redirect >= 0) {
      stdin = Files.readString(Path.of(command.substring(redirect + 3).strip()));
      command = command.substring(0, redirect);
    }
    List<String> words = words(command);
    String[] args = words.subList(1, words.size()).toArray(String[]::new);
    CliResult r;
    if (stdin == null) {
      r = dist.run(words.get(0), args);
    } else {
      try (RunningProcess process = dist.start(words.get(0), args)) {
        process.type(stdin).closeInput();
        r = process.waitFor(Duration.ofSeconds(60));
      }
    }
    String first = r.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    assertEquals(expand(row.message()), first, "first line on stderr of: " + command + "\n" + r);
    assertEquals(row.exit(), r.exitCode(), command + "\n" + r);
    assertFalse(r.err().contains("\tat "), "a stack trace:\n" + r);
  }
}
