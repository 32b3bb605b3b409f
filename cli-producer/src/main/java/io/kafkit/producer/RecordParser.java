package io.kafkit.producer;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Turns one line of input (bytes, without its line end) into a record. */
interface RecordParser {
  /**
   * @throws LineException when the line cannot be read as a record
   */
  ProducerRecord<byte[], byte[]> parse(byte[] line, int start, int end, long lineNumber);
}
