package io.kafkit.dumplog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An offset index (8-byte entries: relative offset, position) or a time index (12 bytes: timestamp,
 * relative offset), read whole. Like Kafka's, it counts every complete entry in the file, zeros
 * included: a segment still being written has its index preallocated, and readers stop at the first
 * entry that points back at the base offset.
 */
final class IndexFile {
  static final int OFFSET_ENTRY = 8;
  static final int TIME_ENTRY = 12;

  private final Path file;
  private final long baseOffset;
  private final int entrySize;
  private final ByteBuffer data;

  private IndexFile(Path file, long baseOffset, int entrySize, ByteBuffer data) {
    this.file = file;
    this.baseOffset = baseOffset;
    this.entrySize = entrySize;
    this.data = data;
  }

  static IndexFile open(Path file, long baseOffset, int entrySize) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
      return new IndexFile(file, baseOffset, entrySize, data);
    }
  }

  long baseOffset() {
    return baseOffset;
  }

  long length() {
    return data.limit();
  }

  int entries() {
    return data.limit() / entrySize;
  }

  /** The absolute offset of entry i. */
  long offset(int i) {
    int at = i * entrySize + (entrySize == OFFSET_ENTRY ? 0 : 8);
    return baseOffset + data.getInt(at);
  }

  /** Entry i's position in the log (offset index). */
  int position(int i) {
    return data.getInt(i * entrySize + 4);
  }

  /** Entry i's timestamp (time index). */
  long timestamp(int i) {
    return data.getLong(i * entrySize);
  }

  /**
   * The position of the largest indexed offset at or below {@code target}, or 0 (the base offset's)
   * if there is none, as Kafka's OffsetIndex.lookup.
   */
  int floorPosition(long target) {
    int low = 0;
    int high = usableEntries() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (offset(mid) <= target) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found < 0 ? 0 : position(found);
  }

  /** Entries before the first zero entry of a preallocated file. */
  int usableEntries() {
    int n = entries();
    for (int i = 1; i < n; i++) {
      if (offset(i) == baseOffset) {
        return i;
      }
    }
    return n;
  }

  /**
   * Kafka's check at broker start-up: the reason the index is corrupt, with Kafka's wording, or
   * null if it passes.
   */
  String sanityProblem() {
    String path = file.toAbsolutePath().toString();
    int n = entries();
    if (entrySize == OFFSET_ENTRY) {
      long last = n == 0 ? baseOffset : offset(n - 1);
      if (n != 0 && last < baseOffset) {
        return "Corrupt index found, index file "
            + path
            + " has non-zero size but the last offset is "
            + last
            + " which is less than the base offset "
            + baseOffset;
      }
      if (length() % OFFSET_ENTRY != 0) {
        return "Index file "
            + path
            + " is corrupt, found "
            + length()
            + " bytes which is neither positive nor a multiple of "
            + OFFSET_ENTRY;
      }
      return null;
    }
    if (n != 0 && timestamp(n - 1) < timestamp(0)) {
      return "Corrupt time index found, time index file ("
          + path
          + ") has non-zero size but the last timestamp is "
          + timestamp(n - 1)
          + " which is less than the first timestamp "
          + timestamp(0);
    }
    if (n != 0 && offset(n - 1) < baseOffset) {
      return "Corrupt time index found, time index file ("
          + path
          + ") has non-zero size but the last offset is "
          + offset(n - 1)
          + " which is less than the first offset "
          + baseOffset;
    }
    if (length() % TIME_ENTRY != 0) {
      return "Time index file "
          + path
          + " is corrupt, found "
          + length()
          + " bytes which is neither positive nor a multiple of "
          + TIME_ENTRY;
    }
    return null;
  }
}
