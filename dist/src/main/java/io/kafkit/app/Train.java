package io.kafkit.app;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the self-contained image's ahead-of-time cache (JDK 25+): runs the commands
 * people run, so that the classes they load are in the cache, loaded and linked (build-image.sh
 * says why without the profiles of their code). With a broker's address (build-image.sh starts one
 * from the image), the commands do real work: create, list and describe a topic, pipe lines in,
 * read them back as a group, describe and reset the group. Without one, they run against an address
 * where nothing listens. Run at build time, never by users; build-image.sh throws its output away,
 * and the JVM writes the cache as it exits.
 */
public final class Train {
  private static final String NOWHERE = "127.0.0.1:9";
  private static final int LINES = 200_000;

  private Train() {}

  public static void main(String[] args) {
    // The launcher's own classes, so that they are in the cache too.
    StartUp.prepare(new String[] {"topics"});
    Main.class.getName();
    InputStream stdin = System.in;
    String bs = args.length > 0 ? args[0] : NOWHERE;
    for (String[] run : runs(bs)) {
      if (run[0].equals("console-producer")) {
        boolean schema = List.of(run).contains("--value-schema-file");
        System.setIn(new ByteArrayInputStream(schema ? jsonLines() : lines()));
      }
      Kafkit.execute(run);
      System.setIn(stdin);
    }
  }

  private static List<String[]> runs(String bs) {
    String timeout = "--connect-timeout=" + (bs.equals(NOWHERE) ? "300ms" : "10s");
    List<String[]> runs = new ArrayList<>();
    runs.add(new String[] {"--help"});
    runs.add(new String[] {"--version"});
    runs.add(new String[] {"topics", "--help"});
    runs.add(args("topics --create --topic train --partitions 3", bs, timeout));
    runs.add(args("topics --list", bs, timeout));
    runs.add(args("topics --describe --topic train", bs, timeout));
    runs.add(args("console-producer --topic train", bs, timeout));
    runs.add(
        args(
            "console-producer --topic train --reader-property parse.key=true"
                + " --reader-property ignore.error=true",
            bs,
            timeout));
    runs.add(
        args(
            "console-consumer --topic train --from-beginning --group train"
                + " --max-messages "
                + LINES,
            bs,
            timeout));
    runs.add(
        args(
            "console-consumer --topic train --from-beginning --exit-at-end"
                + " --formatter-property print.key=true",
            bs,
            timeout));
    // Avro, Protobuf and JSON Schema: their libraries' classes, and the registry client's
    for (String schema :
        List.of(
            schemaFile(
                ".avsc",
                "{\"type\":\"record\",\"name\":\"Train\",\"fields\":[{\"name\":\"id\","
                    + "\"type\":\"long\"},{\"name\":\"item\",\"type\":\"string\"},"
                    + "{\"name\":\"qty\",\"type\":[\"null\",\"int\"],\"default\":null}]}"),
            schemaFile(
                ".proto",
                "syntax = \"proto3\"; message Train { int64 id = 1; string item = 2;"
                    + " optional int32 qty = 3; }"),
            schemaFile(
                ".json", "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}"))) {
      String topic = "train-" + schema.substring(schema.lastIndexOf('.') + 1);
      runs.add(args("topics --create --topic " + topic + " --partitions 1", bs, timeout));
      runs.add(
          args(
              "console-producer --topic " + topic + " --value-schema-file " + schema, bs, timeout));
      runs.add(
          args(
              "console-consumer --topic "
                  + topic
                  + " --from-beginning --exit-at-end --value-schema-file "
                  + schema,
              bs,
              timeout));
    }
    runs.add(
        new String[] {
          "registry",
          "subjects",
          "--schema-registry",
          "http://" + NOWHERE,
          "--command-property",
          "schema.registry.request.timeout.ms=300"
        });
    runs.add(args("consumer-groups --list", bs, timeout));
    runs.add(args("consumer-groups --describe --group train", bs, timeout));
    runs.add(args("consumer-groups --describe --all-groups --members", bs, timeout));
    runs.add(
        args(
            "consumer-groups --group train --reset-offsets --to-earliest --all-topics"
                + " --dry-run",
            bs,
            timeout));
    runs.add(
        args(
            "console-share-consumer --topic train --group train --max-messages 1 --timeout-ms 500",
            bs,
            timeout));
    runs.add(args("share-groups --list", bs, timeout));
    runs.add(args("share-groups --describe --group train", bs, timeout));
    runs.add(args("streams-groups --list", bs, timeout));
    runs.add(args("streams-groups --describe --group train", bs, timeout));
    runs.add(
        args(
            "streams-application-reset --application-id train --input-topics train --dry-run",
            bs,
            timeout));
    runs.add(args("get-offsets --topic train --time earliest", bs, timeout));
    runs.add(args("delete-records --topic train --before-offset 1 --dry-run", bs, timeout));
    runs.add(args("delete-records --topic train --partition 0 --before-offset 1", bs, timeout));
    runs.add(
        args(
            "delete-records --dry-run --offset-json-file "
                + jsonFile(
                    "{\"partitions\": [{\"topic\": \"train\", \"partition\": 1, \"offset\":"
                        + " 0}], \"version\": 1}"),
            bs,
            timeout));
    runs.add(args("get-offsets --topic train --output json", bs, timeout));
    runs.add(args("log-dirs --describe --topic-list train", bs, timeout));
    runs.add(
        args(
            "leader-election --election-type preferred --all-topic-partitions --dry-run",
            bs,
            timeout));
    runs.add(
        args("leader-election --election-type preferred --topic train --partition 0", bs, timeout));
    runs.add(args("reassign-partitions --list", bs, timeout));
    runs.add(
        args(
            "reassign-partitions --generate --broker-list 1 --topics-to-move-json-file "
                + jsonFile("{\"topics\": [{\"topic\": \"train\"}], \"version\": 1}"),
            bs,
            timeout));
    runs.add(
        args(
            "reassign-partitions --verify --reassignment-json-file "
                + jsonFile(
                    "{\"partitions\": [{\"topic\": \"train\", \"partition\": 0,"
                        + " \"replicas\": [1]}], \"version\": 1}"),
            bs,
            timeout));
    String inPlace =
        jsonFile(
                "{\"partitions\": [{\"topic\": \"train\", \"partition\": 0, \"replicas\": [1]}],"
                    + " \"version\": 1}")
            .toString();
    runs.add(
        args("reassign-partitions --execute --reassignment-json-file " + inPlace, bs, timeout));
    runs.add(args("reassign-partitions --cancel --reassignment-json-file " + inPlace, bs, timeout));
    runs.add(args("cluster cluster-id", bs, timeout));
    runs.add(args("cluster api-versions", bs, timeout));
    runs.add(args("broker-api-versions", bs, timeout));
    runs.add(prefixed("features", bs, timeout, "describe"));
    runs.add(new String[] {"features", "version-mapping"});
    runs.add(prefixed("metadata-quorum", bs, timeout, "describe --status"));
    runs.add(prefixed("transactions", bs, timeout, "list"));
    runs.add(args("client-metrics --list", bs, timeout));
    runs.add(args("configs --describe --topic train", bs, timeout));
    runs.add(args("configs --alter --topic train --add-config retention.ms=86400000", bs, timeout));
    runs.add(
        args("configs --alter --topic train --delete-config retention.ms --dry-run", bs, timeout));
    runs.add(args("configs --describe --entity-type brokers --output json", bs, timeout));
    runs.add(args("topics --delete --topic train", bs, timeout));
    runs.add(new String[] {"profile", "list"});
    return runs;
  }

  /** An offset JSON file for delete-records, so that reading one is in the cache. */
  private static java.nio.file.Path jsonFile(String content) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("kafkit-train-", ".json");
      file.toFile().deleteOnExit();
      return java.nio.file.Files.writeString(file, content);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] args(String command, String bs, String timeout) {
    List<String> all = new ArrayList<>(List.of(command.split(" ")));
    all.add("--bootstrap-server=" + bs);
    all.add(timeout);
    return all.toArray(new String[0]);
  }

  /** A tool whose connection options come before its subcommand, as in Apache's. */
  private static String[] prefixed(String tool, String bs, String timeout, String subcommand) {
    List<String> all = new ArrayList<>(List.of(tool, "--bootstrap-server=" + bs, timeout));
    all.addAll(List.of(subcommand.split(" ")));
    return all.toArray(new String[0]);
  }

  /** A schema file of the type its name's ending says. */
  private static String schemaFile(String suffix, String content) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("kafkit-train-", suffix);
      file.toFile().deleteOnExit();
      return java.nio.file.Files.writeString(file, content).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** JSON values that each of the training's schemas takes. */
  private static byte[] jsonLines() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < LINES / 10; i++) {
      text.append("{\"id\":").append(i).append(",\"item\":\"item ").append(i).append('"');
      if (i % 2 == 0) {
        text.append(",\"qty\":").append(i % 10);
      }
      text.append("}\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] lines() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      text.append("key-")
          .append(i % 100)
          .append('\t')
          .append("value ")
          .append(i)
          .append(" abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
