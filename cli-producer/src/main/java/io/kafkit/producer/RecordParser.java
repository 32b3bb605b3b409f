package io.kafkit.producer;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Turns one line of input (bytes, without its line end) into a record. */
interface RecordParser {
  /**
   * @throws LineException when the line cannot be read as a record
   */
  ProducerRecord<byte[], byte[]> parse(byte[] line, int start, int end, long lineNumber);

  /** A record's parts as ranges of the line, before any copy; a length of -1 is null. */
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
