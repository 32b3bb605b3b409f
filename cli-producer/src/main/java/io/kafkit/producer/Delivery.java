package io.kafkit.producer;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends records and keeps the account of what was acknowledged and what failed, by line number.
 * {@link #finish()} waits until every record sent is acknowledged or failed: that is what makes end
 * of input and Ctrl-C lose nothing.
 */
interface Delivery {
  /** Sends a record; a failure is not thrown but counted and shown, by line. */
  void send(ProducerRecord<byte[], byte[]> record, long lineNumber);

  /**
   * Parses a line and sends its record.
   *
   * @throws LineException when the line cannot be read as a record: nothing is sent for it
   */
  default void send(RecordParser parser, byte[] line, int start, int end, long lineNumber) {
    send(parser.parse(line, start, end, lineNumber), lineNumber);
  }

  /**
   * Whether a failure happened that every later record would meet too (no such topic, not
   * authorized, cluster gone): a pipe stops reading then, instead of waiting once per line.
   */
  boolean fatal();

  /** Blocks until every record sent so far is acknowledged or failed. */
  void finish();

  /** Records acknowledged, once {@link #finish()} returned. */
  long acknowledged();

  /** The bytes of keys and values acknowledged, once {@link #finish()} returned. */
  long bytes();

  long elapsedNanos();

  FailureLog failures();

  /** Apache's line for a record not sent, with kafkit's line number. */
  static String failure(long lineNumber, String topic, int keySize, int valueSize, String reason) {
    return "Error when sending message on line "
        + lineNumber
        + " to topic "
        + topic
        + " with key: "
        + describeSize(keySize)
        + ", value: "
        + describeSize(valueSize)
        + " with error: "
        + reason;
  }

  private static String describeSize(int size) {
    return size < 0 ? "null" : size + " bytes";
  }
}
