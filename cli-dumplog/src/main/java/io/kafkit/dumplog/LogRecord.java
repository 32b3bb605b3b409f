package io.kafkit.dumplog;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;

/**
 * A record of a {@link LogBatch}: kafkit's own view of Kafka's internal record. The object may be
 * reused for the batch's next record: a visitor keeps what it needs, not the record.
 */
interface LogRecord {
  long offset();

  long timestamp();

  int keySize();

  int valueSize();

  /** The record's sequence (v2), or -1. */
  int sequence();

  Header[] headers();

  boolean hasKey();

  boolean hasValue();

  ByteBuffer key();

  ByteBuffer value();

  int sizeInBytes();

  /** A v0/v1 record's own CRC check, or null for a v2 record (whose batch holds the CRC). */
  LegacyCrc legacyCrc();

  /** What a record of a control batch says. */
  ControlRecord control();

  /** The CRC a v0/v1 record carries, and whether it matches. */
  record LegacyCrc(boolean valid, long checksum) {}

  /**
   * A control record: its type as Kafka names it (COMMIT, ABORT, LEADER_CHANGE, SNAPSHOT_HEADER,
   * SNAPSHOT_FOOTER, KRAFT_VERSION, KRAFT_VOTERS, UNKNOWN) and id; for a transaction marker its
   * coordinator epoch; for a KRaft control record its message as Kafka's JSON.
   */
  record ControlRecord(String type, short typeId, Integer coordinatorEpoch, String json) {}
}
