package io.kafkit.dumplog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutTest {
  static final byte[] VALUE = "a\u001b[2Jb\u009bc\td".getBytes(StandardCharsets.UTF_8);

  static String decoded(boolean terminal, FieldDecoder decoder) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Out out = new Out(bytes, terminal);
    decoder.write(ByteBuffer.wrap(VALUE), out);
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void recordBytesAreEscapedOnATerminal() {
    assertEquals("a\\x1b[2Jb\\x9bc\\x09d", decoded(true, FieldDecoder.STRING));
  }

  @Test
  void recordBytesGoRawToAPipe() {
    assertEquals(new String(VALUE, StandardCharsets.UTF_8), decoded(false, FieldDecoder.STRING));
  }

  @Test
  void hexNeedsNoEscaping() {
    assertEquals(decoded(false, FieldDecoder.HEX), decoded(true, FieldDecoder.HEX));
  }
}
