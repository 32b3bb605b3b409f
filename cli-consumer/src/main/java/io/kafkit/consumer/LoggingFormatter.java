package io.kafkit.consumer;

import io.kafkit.common.output.ByteSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's LoggingMessageFormatter: prints as the default formatter does, and logs each record at
 * INFO ({@code CreateTime:1700000000000, key:k, value:v}), shown with {@code -vv}.
 */
final class LoggingFormatter implements RecordFormatter {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingFormatter.class);
  private final DefaultFormatter delegate;

  LoggingFormatter(DefaultFormatter delegate) {
    this.delegate = delegate;
  }

  @Override
  public void write(ConsumerRecord<byte[], byte[]> r, ByteSink out) throws IOException {
    delegate.write(r, out);
    if (LOG.isInfoEnabled()) {
      String time =
          r.timestampType() == TimestampType.NO_TIMESTAMP_TYPE
              ? ""
              : r.timestampType() + ":" + r.timestamp() + ", ";
      LOG.info(
          "{}key:{}, value:{}",
          time,
          r.key() == null ? "null" : new String(r.key(), StandardCharsets.UTF_8),
          r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
