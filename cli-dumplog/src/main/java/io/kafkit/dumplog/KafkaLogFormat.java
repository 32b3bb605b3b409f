package io.kafkit.dumplog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.message.KRaftVersionRecordJsonConverter;
import org.apache.kafka.common.message.LeaderChangeMessageJsonConverter;
import org.apache.kafka.common.message.SnapshotFooterRecordJsonConverter;
import org.apache.kafka.common.message.SnapshotHeaderRecordJsonConverter;
import org.apache.kafka.common.message.VotersRecordJsonConverter;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.AbstractLegacyRecordBatch;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.ControlRecordUtils;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.Record;

/**
 * The adapter to Kafka's log format: the one class of dump-log that uses kafka-clients' internal
 * record classes ({@code record.internal}: files, batches, records, control records) and the KRaft
 * control messages' JSON converters. Batches and records reach the rest of dump-log as {@link
 * LogBatch} and {@link LogRecord}, so a kafka-clients upgrade that changes those classes breaks
 * this file, and {@code KafkaLogFormatTest} says how.
 */
final class KafkaLogFormat {
  private KafkaLogFormat() {}

  /** A log segment or snapshot file, open for reading. */
  static final class LogFile implements Closeable {
    private final FileRecords records;

    private LogFile(FileRecords records) {
      this.records = records;
    }

    int sizeInBytes() {
      return records.sizeInBytes();
    }

    /**
     * The batches in {@code [start, start + length)} of the file, read as they are iterated; a
     * batch that cannot be parsed throws {@link org.apache.kafka.common.KafkaException} from {@code
     * hasNext} or {@code next}.
     */
    Iterator<LogBatch> batches(int start, int length) {
      Iterator<FileChannelRecordBatch> batches = records.slice(start, length).batches().iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return batches.hasNext();
        }

        @Override
        public LogBatch next() {
          return new Batch(batches.next());
        }
      };
    }

    @Override
    public void close() throws IOException {
      records.close();
    }
  }

  static LogFile open(Path file) throws IOException {
    return new LogFile(FileRecords.open(file.toFile(), false));
  }

  private record Batch(FileChannelRecordBatch batch) implements LogBatch {
    @Override
    public long baseOffset() {
      return batch.baseOffset();
    }

    @Override
    public long lastOffset() {
      return batch.lastOffset();
    }

    @Override
    public Integer countOrNull() {
      return batch.countOrNull();
    }

    @Override
    public int baseSequence() {
      return batch.baseSequence();
    }

    @Override
    public int lastSequence() {
      return batch.lastSequence();
    }

    @Override
    public long producerId() {
      return batch.producerId();
    }

    @Override
    public short producerEpoch() {
      return batch.producerEpoch();
    }

    @Override
    public int partitionLeaderEpoch() {
      return batch.partitionLeaderEpoch();
    }

    @Override
    public boolean isTransactional() {
      return batch.isTransactional();
    }

    @Override
    public boolean isControlBatch() {
      return batch.isControlBatch();
    }

    @Override
    public OptionalLong deleteHorizonMs() {
      return batch.deleteHorizonMs();
    }

    @Override
    public TimestampType timestampType() {
      return batch.timestampType();
    }

    @Override
    public long maxTimestamp() {
      return batch.maxTimestamp();
    }

    @Override
    public int sizeInBytes() {
      return batch.sizeInBytes();
    }

    @Override
    public byte magic() {
      return batch.magic();
    }

    @Override
    public String compression() {
      return batch.compressionType().name;
    }

    @Override
    public long checksum() {
      return batch.checksum();
    }

    @Override
    public boolean isValid() {
      return batch.isValid();
    }

    @Override
    public Iterator<LogRecord> iterator() {
      Iterator<Record> records = batch.iterator();
      Rec view = new Rec();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return records.hasNext();
        }

        @Override
        public LogRecord next() {
          view.record = records.next();
          return view;
        }
      };
    }
  }

  /** One view per batch iteration, pointed at each record in turn: no object per record. */
  private static final class Rec implements LogRecord {
    Record record;

    @Override
    public long offset() {
      return record.offset();
    }

    @Override
    public long timestamp() {
      return record.timestamp();
    }

    @Override
    public int keySize() {
      return record.keySize();
    }

    @Override
    public int valueSize() {
      return record.valueSize();
    }

    @Override
    public int sequence() {
      return record.sequence();
    }

    @Override
    public Header[] headers() {
      return record.headers();
    }

    @Override
    public boolean hasKey() {
      return record.hasKey();
    }

    @Override
    public boolean hasValue() {
      return record.hasValue();
    }

    @Override
    public ByteBuffer key() {
      return record.key();
    }

    @Override
    public ByteBuffer value() {
      return record.value();
    }

    @Override
    public int sizeInBytes() {
      return record.sizeInBytes();
    }

    @Override
    public LogRecord.LegacyCrc legacyCrc() {
      return record instanceof AbstractLegacyRecordBatch legacy
          ? new LogRecord.LegacyCrc(legacy.isValid(), legacy.checksum())
          : null;
    }

    @Override
    public LogRecord.ControlRecord control() {
      return KafkaLogFormat.control(record);
    }
  }

  static LogRecord.ControlRecord control(Record record) {
    short typeId = ControlRecordType.parseTypeId(record.key());
    ControlRecordType type = ControlRecordType.fromTypeId(typeId);
    String json =
        switch (type) {
          case LEADER_CHANGE -> {
            var m = ControlRecordUtils.deserializeLeaderChangeMessage(record);
            yield LeaderChangeMessageJsonConverter.write(m, m.version()).toString();
          }
          case SNAPSHOT_HEADER -> {
            var m = ControlRecordUtils.deserializeSnapshotHeaderRecord(record);
            yield SnapshotHeaderRecordJsonConverter.write(m, m.version()).toString();
          }
          case SNAPSHOT_FOOTER -> {
            var m = ControlRecordUtils.deserializeSnapshotFooterRecord(record);
            yield SnapshotFooterRecordJsonConverter.write(m, m.version()).toString();
          }
          case KRAFT_VERSION -> {
            var m = ControlRecordUtils.deserializeKRaftVersionRecord(record);
            yield KRaftVersionRecordJsonConverter.write(m, m.version()).toString();
          }
          case KRAFT_VOTERS -> {
            var m = ControlRecordUtils.deserializeVotersRecord(record);
            yield VotersRecordJsonConverter.write(m, m.version()).toString();
          }
          default -> null;
        };
    Integer coordinatorEpoch =
        type == ControlRecordType.COMMIT || type == ControlRecordType.ABORT
            ? EndTransactionMarker.deserialize(record).coordinatorEpoch()
            : null;
    return new LogRecord.ControlRecord(type.toString(), typeId, coordinatorEpoch, json);
  }
}
