package io.kafkit.consumer;

import io.kafkit.common.output.ByteSink;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Writes one record to the output: Apache's formatters, a --format string, or JSON. */
interface RecordFormatter extends AutoCloseable {
  void write(ConsumerRecord<byte[], byte[]> record, ByteSink out) throws IOException;

  @Override
  default void close() {}
}
