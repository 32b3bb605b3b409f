package io.kafkit.common.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesFilesTest {
  @TempDir Path dir;

  private Properties read(byte[] bytes) throws Exception {
    Path file = dir.resolve("client.properties");
    Files.write(file, bytes);
    return PropertiesFiles.read(file);
  }

  @Test
  void utf8TextIsReadAsUtf8() throws Exception {
    Properties p = read("# für\nmatch=client_id=café.*\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("client_id=café.*", p.getProperty("match"));
  }

  @Test
  void latin1TextIsReadAsApachesToolsReadIt() throws Exception {
    Properties p =
        read(
            "# Konfiguration für den Client\nsecurity.protocol=PLAINTEXT\nowner=Jürgen\n"
                .getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("PLAINTEXT", p.getProperty("security.protocol"));
    assertEquals("Jürgen", p.getProperty("owner"));
  }
}
