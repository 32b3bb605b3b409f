package io.kafkit.dumplog;

import io.kafkit.common.convert.Utf8;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How a key or value is printed: Apache's decoders by their class names (kafkit loads no classes),
 * and two of kafkit's own for binary data.
 */
enum FieldDecoder {
  /** Apache's StringDecoder: UTF-8, malformed bytes replaced by U+FFFD. */
  STRING("org.apache.kafka.tools.api.StringDecoder", "kafka.serializer.StringDecoder", "string") {
    @Override
    void write(ByteBuffer b, Out out) {
      if (b.hasArray()
          && Utf8.isValid(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit())) {
        out.data(b);
      } else {
        out.data(new String(copy(b), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
      }
    }
  },
  /** Apache's IntegerDecoder: a big-endian int, from the first 4 bytes (as Apache's reads it). */
  INTEGER("org.apache.kafka.tools.api.IntegerDecoder", "kafka.serializer.IntegerDecoder", "int") {
    @Override
    void write(ByteBuffer b, Out out) {
      if (b.remaining() < 4) {
        out.text("<not an int: " + b.remaining() + " bytes>");
      } else {
        out.number(b.getInt(b.position()));
      }
    }
  },
  /** Apache's LongDecoder: a big-endian long, from the first 8 bytes. */
  LONG("org.apache.kafka.tools.api.LongDecoder", "kafka.serializer.LongDecoder", "long") {
    @Override
    void write(ByteBuffer b, Out out) {
      if (b.remaining() < 8) {
        out.text("<not a long: " + b.remaining() + " bytes>");
      } else {
        out.number(b.getLong(b.position()));
      }
    }
  },
  /** Apache's DefaultDecoder prints a byte array's identity ("[B@1b6d3586"); kafkit its hex. */
  HEX("org.apache.kafka.tools.api.DefaultDecoder", "kafka.serializer.DefaultDecoder", "hex") {
    @Override
    void write(ByteBuffer b, Out out) {
      out.text(HexFormat.of().formatHex(copy(b)));
    }
  },
  BASE64("base64") {
    @Override
    void write(ByteBuffer b, Out out) {
      out.text(Base64.getEncoder().encodeToString(copy(b)));
    }
  };

  private final String[] names;

  FieldDecoder(String... names) {
    this.names = names;
  }

  abstract void write(ByteBuffer bytes, Out out);

  static Optional<FieldDecoder> named(String name) {
    for (FieldDecoder d : values()) {
      for (String n : d.names) {
        if (n.equalsIgnoreCase(name)
            || n.substring(n.lastIndexOf('.') + 1).equalsIgnoreCase(name)) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }

  static String known() {
    StringBuilder s = new StringBuilder();
    for (FieldDecoder d : values()) {
      s.append(s.length() == 0 ? "" : ", ").append(d.names[0]);
    }
    return s.toString();
  }

  static byte[] copy(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.duplicate().get(bytes);
    return bytes;
  }
}
