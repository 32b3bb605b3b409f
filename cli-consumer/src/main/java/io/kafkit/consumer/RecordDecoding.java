package io.kafkit.consumer;

import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.schema.RecordDecoder;
import io.kafkit.common.schema.RegistryClient.RegistryException;
import io.kafkit.common.schema.RegistryClient.UnreachableException;
import io.kafkit.common.schema.SchemaException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes each record's key and value before the filter and the formatter see them. A record that
 * does not decode is passed on in hex with a one-line note on stderr, or ends the run with {@code
 * --stop-on-decode-error}; a registry that cannot be reached ends the run.
 */
final class RecordDecoding implements AutoCloseable {
  private final RecordDecoder key;
  private final RecordDecoder value;
  private static final int NOTED = 5;
  private final boolean stopOnError;
  private long failures;

  RecordDecoding(RecordDecoder key, RecordDecoder value, boolean stopOnError) {
    this.key = key;
    this.value = value;
    this.stopOnError = stopOnError;
  }

  /** The registry is not asked again: its client's threads stop. */
  @Override
  public void close() {
    key.close();
    value.close();
  }

  ConsumerRecord<byte[], byte[]> apply(ConsumerRecord<byte[], byte[]> r, PrintWriter err) {
    byte[] k = decode(key, r.key(), r, "key", err);
    byte[] v = decode(value, r.value(), r, "value", err);
    boolean keyJson = k != null && k != HEX_MARK && key.isJson();
    boolean valueJson = v != null && v != HEX_MARK && value.isJson();
    if (k == null && v == null) {
      return r;
    }
    return new DecodedRecord(
        r,
        k == null ? r.key() : k == HEX_MARK ? hex(r.key()) : k,
        v == null ? r.value() : v == HEX_MARK ? hex(r.value()) : v,
        keyJson,
        valueJson);
  }

  private static final byte[] HEX_MARK = new byte[0];

  private byte[] decode(
      RecordDecoder decoder, byte[] bytes, ConsumerRecord<?, ?> r, String side, PrintWriter err) {
    try {
      return decoder.decode(bytes);
    } catch (SchemaException e) {
      if (e instanceof UnreachableException
          || (e instanceof RegistryException re && re.status() != 404)) {
        // the registry failed, not the record: every later record would fail alike
        throw new KafkitException(e.getMessage());
      }
      String where = r.topic() + "-" + r.partition() + "@" + r.offset();
      if (stopOnError) {
        throw new KafkitException(
            "Cannot decode the "
                + side
                + " at "
                + where
                + ": "
                + e.getMessage()
                + " (without --stop-on-decode-error, such records are printed in hex)");
      }
      failures++;
      if (failures <= NOTED) {
        err.println(
            "Cannot decode the "
                + side
                + " at "
                + where
                + ": "
                + e.getMessage()
                + "; printed in hex");
      } else if (failures == NOTED + 1) {
        err.println(
            "More keys or values do not decode; they are printed in hex, and counted at the end.");
      }
      return HEX_MARK;
    }
  }

  /** The line that counts what did not decode, or null when everything did. */
  String summary() {
    return failures == 0
        ? null
        : failures
            + (failures == 1 ? " key or value" : " keys or values")
            + " did not decode and were printed in hex.";
  }

  private static byte[] hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.US_ASCII);
  }
}
