package io.kafkit.common.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProfileCommandTest {
  @TempDir Path home;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = CommandLines.create(new ProfileCommand(), Environment.of(Map.of(), home));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = CommandLines.execute(cmd, args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void setListShowDelete() {
    assertEquals(
        "0",
        run(
            "set",
            "prod",
            "--bootstrap-server",
            "k1:9093",
            "--property",
            "sasl.jaas.config=secret stuff",
            "--property",
            "security.protocol=SASL_SSL")[0]);
    assertEquals("0", run("set", "dev", "--bootstrap-server", "localhost:9092")[0]);
    assertEquals("dev\nprod\n", run("list")[1]);
    String shown = run("show", "prod")[1];
    assertTrue(shown.contains("bootstrap.servers=k1:9093\n"), shown);
    assertTrue(shown.contains("security.protocol=SASL_SSL\n"), shown);
    assertTrue(shown.contains("sasl.jaas.config=******\n"), shown);
    assertFalse(shown.contains("secret stuff"), shown);
    String json = run("show", "prod", "--output", "json")[1];
    assertTrue(json.contains("\"sasl.jaas.config\" : \"******\""), json);
    assertFalse(json.contains("secret stuff"), json);
    assertEquals("0", run("delete", "dev")[0]);
    assertEquals("prod\n", run("list")[1]);
    String[] missing = run("delete", "dev");
    assertEquals("1", missing[0]);
    assertTrue(missing[2].contains("There is no profile 'dev'"), missing[2]);
  }
}
