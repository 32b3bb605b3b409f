package io.kafkit.dumplog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kafkit.common.convert.Utf8;
import io.kafkit.common.output.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.kafka.common.header.Header;

/**
 * {@code --output json}: one JSON object per line for each batch, with its records (with
 * --deep-iteration) and their keys and values (with --print-data-log; UTF-8 text, or base64 with
 * {@code "keyEncoding"}/{@code "valueEncoding": "base64"} where the bytes are not UTF-8).
 */
final class JsonBatches implements BatchVisitor {
  private static final JsonFactory FACTORY = Json.utf8Factory();

  private final String file;
  private final Out out;
  private final boolean deep;
  private final boolean printContents;
  private final JsonGenerator json;

  JsonBatches(Path file, Out out, boolean deep, boolean printContents) {
    this.file = file.toString();
    this.out = out;
    this.deep = deep;
    this.printContents = printContents;
    try {
      json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    json.setRootValueSeparator(null);
  }

  @Override
  public boolean wantsRecords() {
    return deep;
  }

  @Override
  public void batch(LogBatch batch, long position, boolean valid) {
    try {
      json.writeStartObject();
      json.writeStringField("file", file);
      boolean v2 = batch.v2();
      if (v2) {
        json.writeNumberField("baseOffset", batch.baseOffset());
      }
      json.writeNumberField("lastOffset", batch.lastOffset());
      if (v2) {
        json.writeNumberField("count", batch.countOrNull());
        json.writeNumberField("baseSequence", batch.baseSequence());
        json.writeNumberField("lastSequence", batch.lastSequence());
        json.writeNumberField("producerId", batch.producerId());
        json.writeNumberField("producerEpoch", batch.producerEpoch());
        json.writeNumberField("partitionLeaderEpoch", batch.partitionLeaderEpoch());
        json.writeBooleanField("isTransactional", batch.isTransactional());
        json.writeBooleanField("isControl", batch.isControlBatch());
        if (batch.deleteHorizonMs().isPresent()) {
          json.writeNumberField("deleteHorizonMs", batch.deleteHorizonMs().getAsLong());
        }
      }
      json.writeNumberField("position", position);
      json.writeStringField("timestampType", batch.timestampType().toString());
      json.writeNumberField("maxTimestamp", batch.maxTimestamp());
      json.writeNumberField("size", batch.sizeInBytes());
      json.writeNumberField("magic", batch.magic());
      json.writeStringField("compression", batch.compression());
      json.writeNumberField("crc", batch.checksum());
      json.writeBooleanField("isValid", valid);
      if (deep) {
        json.writeArrayFieldStart("records");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void record(LogBatch batch, LogRecord record) {
    try {
      json.writeStartObject();
      json.writeNumberField("offset", record.offset());
      json.writeNumberField("timestamp", record.timestamp());
      json.writeNumberField("keySize", record.keySize());
      json.writeNumberField("valueSize", record.valueSize());
      if (batch.v2()) {
        json.writeNumberField("sequence", record.sequence());
      }
      if (batch.isControlBatch()) {
        LogRecord.ControlRecord control = record.control();
        json.writeStringField("controlType", control.type());
        if (control.coordinatorEpoch() != null) {
          json.writeNumberField("coordinatorEpoch", control.coordinatorEpoch());
        }
      } else {
        json.writeArrayFieldStart("headers");
        for (Header h : record.headers()) {
          json.writeStartObject();
          json.writeStringField("key", h.key());
          if (printContents) {
            bytes("value", h.value() == null ? null : ByteBuffer.wrap(h.value()));
          }
          json.writeEndObject();
        }
        json.writeEndArray();
        if (printContents) {
          bytes("key", record.hasKey() ? record.key() : null);
          bytes("value", record.hasValue() ? record.value() : null);
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void bytes(String name, ByteBuffer b) throws IOException {
    if (b == null) {
      json.writeNullField(name);
      return;
    }
    byte[] bytes = FieldDecoder.copy(b);
    if (Utf8.isValid(bytes)) {
      json.writeStringField(name, new String(bytes, StandardCharsets.UTF_8));
    } else {
      json.writeStringField(name, Base64.getEncoder().encodeToString(bytes));
      json.writeStringField(name + "Encoding", "base64");
    }
  }

  @Override
  public void endBatch(LogBatch batch) {
    try {
      if (deep) {
        json.writeEndArray();
      }
      json.writeEndObject();
      json.flush();
      out.newline();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end(long trailingBytes) {
    if (trailingBytes > 0) {
      try {
        json.writeStartObject();
        json.writeStringField("file", file);
        json.writeNumberField("invalidTrailingBytes", trailingBytes);
        json.writeEndObject();
        json.flush();
        out.newline();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
