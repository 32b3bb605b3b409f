package io.kafkit.producer;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Turns one line of input (bytes, without its line end) into a record. */
interface RecordParser {
  /**
   * @throws LineException when the line cannot be read as a record
   */
  ProducerRecord<byte[], byte[]> parse(byte[] line, int start, int end, long lineNumber);

  /**
   * Hands the record's parts to {@code fields}, as ranges of the line where the parser can: no copy
   * of key or value is made for a sender that writes them straight into a batch.
   *
   * @throws LineException when the line cannot be read as a record
   */
  default void parse(byte[] line, int start, int end, long lineNumber, Fields fields) {
    ProducerRecord<byte[], byte[]> record = parse(line, start, end, lineNumber);
    byte[] key = record.key();
    byte[] value = record.value();
    fields.record(
        record.partition(),
        record.timestamp(),
        key,
        0,
        key == null ? -1 : key.length,
        value,
        0,
        value == null ? -1 : value.length,
        record.headers().toArray(),
        lineNumber);
  }

  /** A record's parts; a length of -1 is null. */
  interface Fields {
    void record(
        Integer partition,
        Long timestamp,
        byte[] keyBytes,
        int keyStart,
        int keyLength,
        byte[] valueBytes,
        int valueStart,
        int valueLength,
        Header[] headers,
        long lineNumber);
  }
}
