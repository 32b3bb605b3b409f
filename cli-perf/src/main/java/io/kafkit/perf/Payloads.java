package io.kafkit.perf;

import io.kafkit.common.cli.KafkitException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.SplittableRandom;

/**
 * The values a producer perf run sends, made as Apache's ProducerPerformance makes them, so that
 * both tools send the same bytes: random upper-case letters from the run's {@code SplittableRandom}
 * (seeded by --random-seed, 0 by default, and shared with the keys, as in Apache), a random pick
 * from a payload file, or the record's number.
 */
abstract class Payloads {
  /** The value of record {@code index}; may reuse one array, as send() copies it. */
  abstract byte[] next(long index);

  static Payloads random(int size, SplittableRandom random) {
    return new Payloads() {
      private final byte[] value = new byte[size];

      @Override
      byte[] next(long index) {
        for (int i = 0; i < value.length; i++) {
          value[i] = (byte) (random.nextInt(26) + 65);
        }
        return value;
      }
    };
  }

  static Payloads monotonic() {
    return new Payloads() {
      @Override
      byte[] next(long index) {
        return Long.toString(index).getBytes(StandardCharsets.US_ASCII);
      }
    };
  }

  /**
   * The file's UTF-8 text split at {@code delimiter} (a regular expression, as Apache's Scanner
   * takes it; the two characters {@code \n} mean a newline), one picked at random per record.
   */
  static Payloads file(Path file, String delimiter, PrintWriter info, SplittableRandom random)
      throws IOException {
    if (Files.isDirectory(file)) {
      throw new KafkitException("--payload-file " + file + " is a directory: give a file.");
    }
    if (!Files.exists(file)) {
      throw new KafkitException("--payload-file " + file + " does not exist.");
    }
    info.println("Reading payloads from: " + file.toAbsolutePath());
    info.flush();
    List<byte[]> payloads = new ArrayList<>();
    try (Scanner scanner = new Scanner(file, StandardCharsets.UTF_8)) {
      scanner.useDelimiter(delimiter.equals("\\n") ? "\n" : delimiter);
      while (scanner.hasNext()) {
        payloads.add(scanner.next().getBytes(StandardCharsets.UTF_8));
      }
      if (scanner.ioException() != null) {
        throw scanner.ioException();
      }
    }
    if (payloads.isEmpty()) {
      throw new KafkitException(
          "--payload-file " + file + " holds no payloads: it is empty or only delimiters.");
    }
    info.println("Number of records read: " + payloads.size());
    info.flush();
    return new Payloads() {
      @Override
      byte[] next(long index) {
        return payloads.get(random.nextInt(payloads.size()));
      }
    };
  }
}
