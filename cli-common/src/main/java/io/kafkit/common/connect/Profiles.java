package io.kafkit.common.connect;

import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Named connection profiles: Kafka client properties files, {@code NAME.properties} in kafkit's
 * config directory, holding bootstrap.servers and whatever security settings the cluster needs.
 */
public final class Profiles {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern SECRET =
      Pattern.compile(
          "(?i).*(password|secret|jaas\\.config|token|credentials?|\\.key|user\\.info)$");
  public static final String MASK = "******";

  private final Path directory;

  public Profiles(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  public Path file(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new KafkitException(
          "'"
              + name
              + "' is not a profile name: use letters, digits, '.', '_' and '-'"
              + " (starting with a letter or digit)");
    }
    return directory.resolve(name + ".properties");
  }

  public List<String> names() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".properties"))
          .map(f -> f.substring(0, f.length() - ".properties".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Properties load(String name) {
    Path file = file(name);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (NoSuchFileException e) {
      throw new KafkitException(
          "There is no profile '"
              + name
              + "' (no file "
              + file
              + "); 'kafkit profile list' shows the profiles there are.");
    } catch (IOException e) {
      throw new KafkitException("Cannot read profile '" + name + "' from " + file + ": " + e, e);
    }
  }

  public void save(String name, Properties properties) {
    Path file = file(name);
    try {
      Files.createDirectories(directory);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        properties.store(out, "kafkit profile " + name);
      }
    } catch (IOException e) {
      throw new KafkitException("Cannot write profile '" + name + "' to " + file + ": " + e, e);
    }
  }

  public boolean delete(String name) {
    try {
      return Files.deleteIfExists(file(name));
    } catch (IOException e) {
      throw new KafkitException("Cannot delete profile '" + name + "': " + e, e);
    }
  }

  /** True for properties whose values must never be shown: passwords, JAAS configs, secrets. */
  public static boolean isSecret(String key) {
    return SECRET.matcher(key).matches();
  }
}
