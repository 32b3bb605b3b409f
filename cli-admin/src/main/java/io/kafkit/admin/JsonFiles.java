package io.kafkit.admin;

import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The JSON files the admin tools read: a missing one is one line, not an exception's name. */
final class JsonFiles {
  private JsonFiles() {}

  static String read(Path file) throws IOException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new KafkitException("The JSON file " + file + " does not exist.");
    }
  }
}
