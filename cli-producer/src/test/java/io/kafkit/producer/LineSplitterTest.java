package io.kafkit.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines end where BufferedReader.readLine ends them, whatever the chunks the input arrives in. */
class LineSplitterTest {

  static List<String> split(String input, int bufferSize, int chunk) throws IOException {
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    InputStream in =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
          }
        };
    LineSplitter splitter = new LineSplitter(in, bufferSize);
    List<String> lines = new ArrayList<>();
    LineSplitter.Lines sink =
        (buffer, start, end) ->
            lines.add(new String(buffer, start, end - start, StandardCharsets.UTF_8));
    while (splitter.fill()) {
      splitter.drain(sink);
    }
    splitter.drain(sink);
    return lines;
  }

  static List<String> readLines(String input) throws IOException {
    BufferedReader reader = new BufferedReader(new StringReader(input));
    List<String> lines = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lines.add(line);
    }
    return lines;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "a\n",
        "a\nb",
        "\n\n",
        "a\r\nb\r\n",
        "a\rb\r",
        "a\r\r\nb",
        "a\r",
        "\r\n",
        "long line that crosses many buffers\nshort\r\nx",
        "tab\tinside\nend"
      })
  void splitsAsReadLine(String input) throws IOException {
    for (int chunk : new int[] {1, 2, 3, 7, 1000}) {
      for (int buffer : new int[] {1, 4, 16, 1 << 16}) {
        assertEquals(readLines(input), split(input, buffer, chunk), "chunk " + chunk);
      }
    }
  }

  @Test
  void splitsRandomInputAsReadLine() throws IOException {
    Random random = new Random(42);
    String[] pieces = {"a", "bc", "\n", "\r", "\r\n", "\u00e9", "\t"};
    for (int round = 0; round < 500; round++) {
      StringBuilder input = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) {
        input.append(pieces[random.nextInt(pieces.length)]);
      }
      int chunk = 1 + random.nextInt(9);
      int buffer = 1 + random.nextInt(12);
      assertEquals(
          readLines(input.toString()),
          split(input.toString(), buffer, chunk),
          "input " + input.toString().replace("\r", "\\r").replace("\n", "\\n"));
    }
  }
}
