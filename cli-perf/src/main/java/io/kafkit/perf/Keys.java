package io.kafkit.perf;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The keys a producer perf run sends, made as Apache 4.4's ProducerPerformance makes them: none,
 * the record's number modulo the range (round robin), or a random number below the range from the
 * generator the payloads use, drawn after the record's payload; each as its decimal text.
 */
abstract class Keys {
  /** Apache's {@code --key-distribution}. */
  enum Distribution {
    none,
    range,
    random
  }

  /** The key of record {@code index}, or null. */
  abstract byte[] next(long index);

  static Keys of(Distribution distribution, Integer range, SplittableRandom random) {
    return switch (distribution) {
      case none ->
          new Keys() {
            @Override
            byte[] next(long index) {
              return null;
            }
          };
      case range ->
          new Keys() {
            @Override
            byte[] next(long index) {
              return text((int) (index % range));
            }
          };
      case random ->
          new Keys() {
            @Override
            byte[] next(long index) {
              return text(random.nextInt(range));
            }
          };
    };
  }

  private static byte[] text(int key) {
    return Integer.toString(key).getBytes(StandardCharsets.UTF_8);
  }
}
