package io.kafkit.producer;

import java.util.ArrayDeque;

/**
 * The fast pipe's buffer.memory: batch buffers in use never add up to more than it, so whatever the
 * input's size, memory stays bounded, and the reading waits while the cluster catches up. Buffers
 * of the usual batch size are kept for reuse rather than left to the garbage collector.
 */
final class BatchMemory {
  private final long total;
  private final int batchSize;
  private final ArrayDeque<byte[]> free = new ArrayDeque<>();
  private long used;
  private boolean closed;

  BatchMemory(long total, int batchSize) {
    this.total = total;
    this.batchSize = batchSize;
  }

  /**
   * A buffer of at least {@code size} bytes (the batch size if that is more), once memory allows.
   * Not even an interrupt stops the wait: the record in hand was read and must be sent.
   */
  byte[] allocate(int size) {
    int bytes = Math.max(size, batchSize);
    boolean interrupted = false;
    synchronized (this) {
      while (!closed && used > 0 && used + bytes > total) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      used += bytes;
      byte[] buffer = bytes == batchSize ? free.poll() : null;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return buffer != null ? buffer : new byte[bytes];
    }
  }

  /** A buffer like {@link #allocate}'s if memory allows it now, else null. */
  synchronized byte[] tryAllocate(int size) {
    int bytes = Math.max(size, batchSize);
    if (!closed && used > 0 && used + bytes > total) {
      return null;
    }
    used += bytes;
    byte[] buffer = bytes == batchSize ? free.poll() : null;
    return buffer != null ? buffer : new byte[bytes];
  }

  /** No more waiting: the network thread that frees memory has ended. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** Counts a buffer made elsewhere (the halves of a split batch) until it is released. */
  synchronized void adopt(byte[] buffer) {
    used += buffer.length;
  }

  synchronized void release(byte[] buffer) {
    used -= buffer.length;
    if (buffer.length == batchSize) {
      free.push(buffer);
    }
    notifyAll();
  }
}
