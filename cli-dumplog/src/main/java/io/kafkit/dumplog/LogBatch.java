package io.kafkit.dumplog;

import java.util.OptionalLong;
import org.apache.kafka.common.record.TimestampType;

/**
 * A batch of a log file as dump-log prints it: kafkit's own view, so that Kafka's internal record
 * classes stay inside {@link KafkaLogFormat}. Its records are read as they are iterated.
 */
interface LogBatch extends Iterable<LogRecord> {
  /** The first magic with batch headers (producer, sequence, leader epoch). */
  byte MAGIC_V2 = 2;

  /** A timestamp that is not set. */
  long NO_TIMESTAMP = -1L;

  long baseOffset();

  long lastOffset();

  Integer countOrNull();

  int baseSequence();

  int lastSequence();

  long producerId();

  short producerEpoch();

  int partitionLeaderEpoch();

  boolean isTransactional();

  boolean isControlBatch();

  OptionalLong deleteHorizonMs();

  TimestampType timestampType();

  long maxTimestamp();

  int sizeInBytes();

  byte magic();

  /** The codec as Kafka names it in its lines: none, gzip, snappy, lz4, zstd. */
  String compression();

  long checksum();

  /** Whether the stored CRC matches the batch's bytes (computed on each call). */
  boolean isValid();

  default boolean v2() {
    return magic() >= MAGIC_V2;
  }
}
