package io.kafkit.common.convert;

import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.io.Reader;
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
   * @throws KafkitException naming the file, when it is missing or unreadable
   */
  public static Properties read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties loaded = new Properties();
      loaded.load(in);
      return loaded;
    } catch (NoSuchFileException e) {
      throw new KafkitException("The config file " + file + " does not exist.");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new KafkitException("The config file " + file + " is not UTF-8 text.", e);
    } catch (IllegalArgumentException e) {
      throw new KafkitException(
          "The config file " + file + " is not a properties file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new KafkitException("Cannot read the config file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file's settings as strings, in no particular order. */
  public static Map<String, String> readMap(Path file) {
    Map<String, String> map = new LinkedHashMap<>();
    read(file).forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }
}
