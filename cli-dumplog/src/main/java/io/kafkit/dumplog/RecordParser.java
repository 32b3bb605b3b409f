package io.kafkit.dumplog;

/** Prints a record's key and payload: Apache's " key: K payload: V", with a decoder for each. */
interface RecordParser {
  void write(LogRecord record, String prefix, Out out);

  /** Apache's DecoderMessageParser. */
  static RecordParser decoders(FieldDecoder key, FieldDecoder value) {
    byte[] keyLabel = TextLines.ascii(" key: ");
    byte[] payloadLabel = TextLines.ascii(" payload: ");
    return (record, prefix, out) -> {
      boolean first = true;
      if (record.hasKey()) {
        if (prefix.equals(" ")) {
          out.bytes(keyLabel);
        } else {
          out.text(prefix).text("key: ");
        }
        key.write(record.key(), out);
        first = false;
      }
      if (record.hasValue()) {
        if (!first || prefix.equals(" ")) {
          out.bytes(payloadLabel);
        } else {
          out.text(prefix).text("payload: ");
        }
        value.write(record.value(), out);
      }
    };
  }
}
