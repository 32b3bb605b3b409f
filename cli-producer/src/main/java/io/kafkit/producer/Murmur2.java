package io.kafkit.producer;

/**
 * Kafka's default partitioner hash (murmur2, seed 0x9747b28c) over a range of an array, so that a
 * key parsed out of a line is hashed where it lies. Gives what {@code Utils.murmur2} gives for the
 * same bytes: a record lands in the partition the Java client would choose.
 */
final class Murmur2 {
  private static final int SEED = 0x9747b28c;
  private static final int M = 0x5bd1e995;
  private static final int R = 24;

  private Murmur2() {}

  static int hash(byte[] data, int start, int length) {
    int h = SEED ^ length;
    int words = length / 4;
    for (int i = 0; i < words; i++) {
      int at = start + i * 4;
      int k =
          (data[at] & 0xff)
              | ((data[at + 1] & 0xff) << 8)
              | ((data[at + 2] & 0xff) << 16)
              | ((data[at + 3] & 0xff) << 24);
      k *= M;
      k ^= k >>> R;
      k *= M;
      h *= M;
      h ^= k;
    }
    int tail = start + words * 4;
    switch (length % 4) {
      case 3:
        h ^= (data[tail + 2] & 0xff) << 16;
      // fall through
      case 2:
        h ^= (data[tail + 1] & 0xff) << 8;
      // fall through
      case 1:
        h ^= data[tail] & 0xff;
        h *= M;
        break;
      default:
        break;
    }
    h ^= h >>> 13;
    h *= M;
    h ^= h >>> 15;
    return h;
  }
}
