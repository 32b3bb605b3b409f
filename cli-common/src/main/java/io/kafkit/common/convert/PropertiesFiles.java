package io.kafkit.common.convert;

import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Java properties files given on the command line (client, reader and formatter settings). */
public final class PropertiesFiles {
  private PropertiesFiles() {}

  /**
   * Reads the file as UTF-8 text, or, when it is not UTF-8, as ISO-8859-1, the encoding Apache's
   * tools read every properties file in (a Latin-1 comment or value works in both).
   *
   * @throws KafkitException naming the file, when it is missing or unreadable
   */
  public static Properties read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      Properties loaded = new Properties();
      loaded.load(new StringReader(text(bytes)));
      return loaded;
    } catch (NoSuchFileException e) {
      throw new KafkitException("The config file " + file + " does not exist.");
    } catch (IllegalArgumentException e) {
      throw new KafkitException(
          "The config file " + file + " is not a properties file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new KafkitException("Cannot read the config file " + file + ": " + e.getMessage(), e);
    }
  }

  static String text(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** The file's settings as strings, in no particular order. */
  public static Map<String, String> readMap(Path file) {
    Map<String, String> map = new LinkedHashMap<>();
    read(file).forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }
}
