package io.kafkit.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.SchemaRegistryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kafkit registry} against a real registry (Apicurio, Confluent's API). */
class RegistryIT {
  static final SchemaRegistryServer registry = SchemaRegistryServer.shared();
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String V1 =
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
  static final String V2_COMPATIBLE =
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
          + "{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";
  static final String V2_INCOMPATIBLE =
      "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
          + "{\"name\":\"age\",\"type\":\"int\"}]}";

  @TempDir static Path dir;

  static CliResult registry(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--schema-registry");
    all.add(registry.url());
    return new CliRunner(() -> RegistryCommand.class).run(all.toArray(String[]::new));
  }

  static CliResult ok(String... args) {
    CliResult r = registry(args);
    assertEquals(0, r.exitCode(), r.toString());
    return r;
  }

  static String file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void registerListGetCheckConfigureAndDelete() throws Exception {
    String subject = "users-" + System.nanoTime() % 1_000_000;
    String v1 = file("v1.avsc", V1);
    String registered = ok("register", subject, v1).out();
    assertTrue(
        registered.startsWith("Registered under subject " + subject + " with id "), registered);
    JsonNode again = MAPPER.readTree(ok("register", subject, v1, "--output", "json").out());
    int id = again.get("id").asInt();
    assertEquals("Registered under subject " + subject + " with id " + id + ".\n", registered);

    assertTrue(ok("subjects").out().lines().anyMatch(subject::equals));
    JsonNode subjects = MAPPER.readTree(ok("subjects", "--output", "json").out());
    assertTrue(subjects.isArray());
    assertEquals("1\n", ok("versions", subject).out());

    // the schema alone, indented, ready for a file; and as JSON with where it is registered
    String text = ok("get", subject).out();
    assertEquals(MAPPER.readTree(V1), MAPPER.readTree(text));
    assertTrue(text.contains("\n  \"name\""), text);
    JsonNode byId =
        MAPPER.readTree(ok("get", "--id", Integer.toString(id), "--output", "json").out());
    assertEquals("AVRO", byId.get("schemaType").asText());
    assertEquals(MAPPER.readTree(V1), MAPPER.readTree(byId.get("schema").asText()));
    JsonNode version1 = MAPPER.readTree(ok("get", subject, "1", "--output", "json").out());
    assertEquals(id, version1.get("id").asInt());
    assertEquals(subject, version1.get("subject").asText());

    // compatibility: the subject's rule, then files checked against it
    assertEquals("BACKWARD\n", ok("config", subject, "--set", "backward").out());
    assertEquals("BACKWARD\n", ok("config", subject).out());
    String compatible = file("v2.avsc", V2_COMPATIBLE);
    assertEquals(
        compatible + " is compatible with " + subject + " version latest.\n",
        ok("check", subject, compatible).out());
    String incompatible = file("v2-bad.avsc", V2_INCOMPATIBLE);
    CliResult bad = registry("check", subject, incompatible);
    assertEquals(1, bad.exitCode(), bad.toString());
    assertTrue(
        bad.out()
            .startsWith(incompatible + " is NOT compatible with " + subject + " version latest."),
        bad.out());
    JsonNode badJson =
        MAPPER.readTree(registry("check", subject, incompatible, "--output", "json").out());
    assertEquals(false, badJson.get("compatible").asBoolean());

    ok("register", subject, compatible);
    assertEquals("1\n2\n", ok("versions", subject).out());
    assertEquals(
        "Deleted version 1 of subject " + subject + ".\n", ok("delete", subject, "1").out());
    // Apicurio still counts a version deleted softly among the subject's
    assertEquals(
        "Deleted versions 1, 2 of subject " + subject + ".\n", ok("delete", subject).out());
    assertTrue(ok("subjects").out().lines().noneMatch(subject::equals));
    assertTrue(ok("subjects", "--deleted").out().lines().anyMatch(subject::equals));
    ok("delete", subject, "--permanent");
    assertTrue(ok("subjects", "--deleted").out().lines().noneMatch(subject::equals));
  }

  @Test
  void protobufAndJsonSchemaFiles() throws Exception {
    String subject = "kinds-" + System.nanoTime() % 1_000_000;
    String proto = file("m.proto", "syntax = \"proto3\";\nmessage M { string s = 1; }\n");
    ok("register", subject + "-p", proto);
    JsonNode got = MAPPER.readTree(ok("get", subject + "-p", "--output", "json").out());
    assertEquals("PROTOBUF", got.get("schemaType").asText());
    assertEquals(
        "syntax = \"proto3\";\nmessage M { string s = 1; }\n", ok("get", subject + "-p").out());
    String json =
        file("s.json", "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\"}}}");
    ok("register", subject + "-j", json);
    assertEquals(
        "JSON",
        MAPPER
            .readTree(ok("get", subject + "-j", "--output", "json").out())
            .get("schemaType")
            .asText());
  }

  @Test
  void schemasThatReferToRegisteredOnes() throws Exception {
    String s = Long.toString(System.nanoTime() % 1_000_000);
    ok(
        "register",
        "address-" + s,
        file(
            "address.avsc",
            "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"it\","
                + "\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}"));
    String order =
        file(
            "order.avsc",
            "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"it\","
                + "\"fields\":[{\"name\":\"to\",\"type\":\"it.Address\"}]}");
    CliResult alone = registry("register", "order-" + s, order);
    assertEquals(2, alone.exitCode(), alone.toString());
    assertTrue(alone.err().contains("it.Address"), alone.err());

    ok("register", "order-" + s, order, "--reference", "it.Address=address-" + s);
    JsonNode got = MAPPER.readTree(ok("get", "order-" + s, "--output", "json").out());
    JsonNode reference = got.get("references").get(0);
    assertEquals("it.Address", reference.get("name").asText(), got.toString());
    assertEquals("address-" + s, reference.get("subject").asText());
    assertEquals(1, reference.get("version").asInt());
    assertTrue(
        ok("check", "order-" + s, order, "--reference", "it.Address=address-" + s + ":1")
            .out()
            .contains(" is compatible with order-" + s + " version latest."));

    ok(
        "register",
        "money-" + s,
        file(
            "money.proto",
            "syntax = \"proto3\";\npackage it;\nmessage Money { int64 cents = 1; }\n"));
    String wallet =
        file(
            "wallet.proto",
            "syntax = \"proto3\";\npackage it;\nimport \"money.proto\";\n"
                + "message Wallet { Money balance = 1; }\n");
    ok("register", "wallet-" + s, wallet, "--reference", "money.proto=money-" + s);

    CliResult form = registry("register", "x-" + s, order, "--reference", "it.Address");
    assertEquals(2, form.exitCode(), form.toString());
    assertEquals(
        "Error: --reference it.Address: give NAME=SUBJECT or NAME=SUBJECT:VERSION",
        form.err().lines().findFirst().orElse(""));
    CliResult unknown =
        registry("register", "x-" + s, order, "--reference", "it.Address=no-such-" + s);
    assertEquals(1, unknown.exitCode(), unknown.toString());
  }

  @Test
  void mistakesGetOneLine() throws Exception {
    CliResult unknown = registry("versions", "no-such-subject");
    assertEquals(1, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().startsWith("Error: The schema registry refused: "), unknown.err());
    assertTrue(unknown.err().strip().endsWith("(error 40401)"), unknown.err());
    assertEquals(1, unknown.err().strip().lines().count(), unknown.err());

    CliResult badFile = registry("register", "s", file("x.txt", "hello"));
    assertEquals(2, badFile.exitCode(), badFile.toString());
    assertTrue(badFile.err().startsWith("Error: Cannot tell the schema type of "), badFile.err());

    CliResult badSchema = registry("register", "s", file("bad.avsc", "{\"type\":\"recrd\"}"));
    assertEquals(2, badSchema.exitCode(), badSchema.toString());
    assertTrue(badSchema.err().contains("Not an Avro schema"), badSchema.err());

    CliResult badLevel = registry("config", "--set", "sideways");
    assertEquals(2, badLevel.exitCode(), badLevel.toString());
    CliResult badVersion = registry("get", "s", "0");
    assertEquals(2, badVersion.exitCode(), badVersion.toString());

    CliResult dead =
        new CliRunner(() -> RegistryCommand.class)
            .run("subjects", "--schema-registry", "http://127.0.0.1:1");
    assertEquals(1, dead.exitCode(), dead.toString());
    assertTrue(
        dead.err().startsWith("Error: Cannot reach the schema registry at http://127.0.0.1:1"),
        dead.err());
    CliResult none = new CliRunner(() -> RegistryCommand.class).run("subjects");
    assertEquals(2, none.exitCode(), none.toString());
    assertTrue(
        none.err().startsWith("Error: No schema registry: give --schema-registry"), none.err());
  }
}
