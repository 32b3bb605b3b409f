package io.kafkit.consumer;

import io.kafkit.common.output.ByteSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Apache's DefaultMessageFormatter, byte for byte: timestamp, partition, offset, delivery, epoch,
 * headers, key, value, each followed by key.separator when a later field is printed and by
 * line.separator otherwise. Bytes are written as they are; a deserializer's result as its
 * toString() in UTF-8.
 */
final class DefaultFormatter implements RecordFormatter {
  private static final byte[] NO_TIMESTAMP = ascii("NO_TIMESTAMP");
  private static final byte[] CREATE_TIME = ascii("CreateTime:");
  private static final byte[] LOG_APPEND_TIME = ascii("LogAppendTime:");
  private static final byte[] PARTITION = ascii("Partition:");
  private static final byte[] OFFSET = ascii("Offset:");
  private static final byte[] DELIVERY = ascii("Delivery:");
  private static final byte[] DELIVERY_NONE = ascii("Delivery:NOT_PRESENT");
  private static final byte[] EPOCH = ascii("Epoch:");
  private static final byte[] NOT_PRESENT = ascii("NOT_PRESENT");
  private static final byte[] NO_HEADERS = ascii("NO_HEADERS");

  private final FormatterSettings s;
  private final Deserializer<?> keyDeserializer;
  private final Deserializer<?> valueDeserializer;
  private final Deserializer<?> headersDeserializer;

  DefaultFormatter(FormatterSettings settings, Deserializers deserializers) {
    this.s = settings;
    this.keyDeserializer = deserializers.key();
    this.valueDeserializer = deserializers.value();
    this.headersDeserializer = deserializers.headers();
  }

  @Override
  public void write(ConsumerRecord<byte[], byte[]> r, ByteSink out) throws IOException {
    if (s.printTimestamp()) {
      if (r.timestampType() == TimestampType.NO_TIMESTAMP_TYPE) {
        out.write(NO_TIMESTAMP);
      } else {
        out.write(r.timestampType() == TimestampType.CREATE_TIME ? CREATE_TIME : LOG_APPEND_TIME);
        out.decimal(r.timestamp());
      }
      separator(out, s.printPartition() || s.printOffset() || afterOffset());
    }
    if (s.printPartition()) {
      out.write(PARTITION);
      out.decimal(r.partition());
      separator(out, s.printOffset() || afterOffset());
    }
    if (s.printOffset()) {
      out.write(OFFSET);
      out.decimal(r.offset());
      separator(out, afterOffset());
    }
    if (s.printDelivery()) {
      if (r.deliveryCount().isPresent()) { // a share consumer's record
        out.write(DELIVERY);
        out.decimal(r.deliveryCount().get());
      } else {
        out.write(DELIVERY_NONE);
      }
      separator(out, s.printEpoch() || afterEpoch());
    }
    if (s.printEpoch()) {
      out.write(EPOCH);
      if (r.leaderEpoch().isPresent()) {
        out.decimal(r.leaderEpoch().get());
      } else {
        out.write(NOT_PRESENT);
      }
      separator(out, afterEpoch());
    }
    if (s.printHeaders()) {
      headers(r, out);
      separator(out, s.printKey() || s.printValue());
    }
    if (s.printKey()) {
      field(r, keyDeserializer, r.key(), out);
      separator(out, s.printValue());
    }
    if (s.printValue()) {
      field(r, valueDeserializer, r.value(), out);
      out.write(s.lineSeparator());
    }
  }

  private boolean afterOffset() {
    return s.printDelivery() || s.printEpoch() || afterEpoch();
  }

  private boolean afterEpoch() {
    return s.printHeaders() || s.printKey() || s.printValue();
  }

  private void headers(ConsumerRecord<byte[], byte[]> r, ByteSink out) throws IOException {
    Iterator<Header> it = r.headers().iterator();
    if (!it.hasNext()) {
      out.write(NO_HEADERS);
      return;
    }
    while (it.hasNext()) {
      Header h = it.next();
      out.data(h.key().getBytes(StandardCharsets.UTF_8));
      out.write(':');
      field(r, headersDeserializer, h.value(), out);
      if (it.hasNext()) {
        out.write(s.headersSeparator());
      }
    }
  }

  private void field(
      ConsumerRecord<byte[], byte[]> r, Deserializer<?> deserializer, byte[] bytes, ByteSink out)
      throws IOException {
    if (bytes == null) {
      out.write(s.nullLiteral());
    } else if (deserializer == null) {
      out.data(bytes);
    } else {
      Object value = deserializer.deserialize(r.topic(), r.headers(), bytes);
      out.data(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
  }

  private void separator(ByteSink out, boolean more) throws IOException {
    out.write(more ? s.keySeparator() : s.lineSeparator());
  }

  @Override
  public void close() {
    for (Deserializer<?> d :
        new Deserializer<?>[] {keyDeserializer, valueDeserializer, headersDeserializer}) {
      if (d != null) {
        d.close();
      }
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
