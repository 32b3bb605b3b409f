package io.kafkit.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Option;

/**
 * kafka-console-producer.sh's producer options. As in Apache, a flag given on the command line wins
 * over the same setting in the client properties, which wins over the tool's default. The defaults
 * are Apache's except where Apache's trade delivery or speed away: kafkit keeps Kafka's own retries
 * and request time-out (Apache's 3 retries and 1.5 s lose records when a broker restarts), lingers
 * briefly in a pipe and not at all at the prompt (Apache waits 1 s), and sends larger batches from
 * a pipe. acks=all and idempotence stay on.
 */
final class ProducerFlags {
  static final int PIPE_BATCH_SIZE = 512 * 1024;
  static final int PROMPT_BATCH_SIZE = 16 * 1024;
  static final long PIPE_LINGER_MS = 5;
  static final long PROMPT_LINGER_MS = 0;

  /** Apache's codecs; a bare --compression-codec means gzip, as in Apache. */
  enum Codec {
    none,
    gzip,
    snappy,
    lz4,
    zstd
  }

  @Option(
      names = "--compression-codec",
      arity = "0..1",
      fallbackValue = "gzip",
      paramLabel = "CODEC",
      converter = CodecConverter.class,
      description = "none, gzip, snappy, lz4 or zstd; without a value, gzip (default: none).")
  Codec compression;

  /** Apache's reading: an empty value (--compression-codec=) is gzip too; any case is accepted. */
  static final class CodecConverter implements picocli.CommandLine.ITypeConverter<Codec> {
    @Override
    public Codec convert(String value) {
      String codec = value.trim().toLowerCase(java.util.Locale.ROOT);
      if (codec.isEmpty()) {
        return Codec.gzip;
      }
      try {
        return Codec.valueOf(codec);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a codec: give none, gzip, snappy, lz4 or zstd");
      }
    }
  }

  @Option(
      names = "--batch-size",
      paramLabel = "BYTES",
      description = "batch.size (default: 524288 in a pipe, 16384 at the prompt).")
  Integer batchSize;

  @Option(names = "--max-partition-memory-bytes", hidden = true)
  Integer maxPartitionMemoryBytes;

  @Option(
      names = "--timeout",
      paramLabel = "MS",
      description =
          "linger.ms: how long a record waits for its batch to fill (default: 5 in a"
              + " pipe, 0 at the prompt).")
  Long lingerMs;

  @Option(
      names = "--request-required-acks",
      paramLabel = "ACKS",
      description = "acks: -1 (all), 1 or 0 (default: -1).")
  String acks;

  @Option(
      names = "--message-send-max-retries",
      paramLabel = "N",
      description = "retries (default: Kafka's, unlimited within delivery.timeout.ms).")
  Integer retries;

  @Option(
      names = "--retry-backoff-ms",
      paramLabel = "MS",
      description = "retry.backoff.ms (default: 100).")
  Long retryBackoffMs;

  @Option(
      names = "--request-timeout-ms",
      paramLabel = "MS",
      description = "request.timeout.ms (default: Kafka's, 30000).")
  Integer requestTimeoutMs;

  @Option(
      names = "--metadata-expiry-ms",
      paramLabel = "MS",
      description = "metadata.max.age.ms (default: 300000).")
  Long metadataExpiryMs;

  @Option(
      names = "--max-block-ms",
      paramLabel = "MS",
      description =
          "max.block.ms: how long a send waits for metadata or buffer space"
              + " (default: the connect timeout).")
  Long maxBlockMs;

  @Option(
      names = "--max-memory-bytes",
      paramLabel = "BYTES",
      description = "buffer.memory (default: 33554432).")
  Long maxMemoryBytes;

  @Option(
      names = "--socket-buffer-size",
      paramLabel = "BYTES",
      description = "send.buffer.bytes (default: 102400).")
  Integer socketBufferSize;

  /**
   * The producer settings the flags make, over the client properties already given.
   *
   * @param given the properties from the profile, config file and --command-property
   * @param prompt whether a person types the records (no lingering, small batches)
   */
  Map<String, Object> overrides(Properties given, boolean prompt) {
    Map<String, Object> settings = new LinkedHashMap<>();
    Integer batch = maxPartitionMemoryBytes != null ? maxPartitionMemoryBytes : batchSize;
    merge(
        settings,
        given,
        ProducerConfig.BATCH_SIZE_CONFIG,
        batch,
        prompt ? PROMPT_BATCH_SIZE : PIPE_BATCH_SIZE);
    merge(
        settings,
        given,
        ProducerConfig.LINGER_MS_CONFIG,
        lingerMs,
        prompt ? PROMPT_LINGER_MS : PIPE_LINGER_MS);
    merge(settings, given, ProducerConfig.ACKS_CONFIG, acks, "-1");
    merge(
        settings,
        given,
        ProducerConfig.COMPRESSION_TYPE_CONFIG,
        compression == null ? null : compression.name(),
        "none");
    merge(settings, given, ProducerConfig.RETRIES_CONFIG, retries, null);
    merge(settings, given, ProducerConfig.RETRY_BACKOFF_MS_CONFIG, retryBackoffMs, 100L);
    merge(settings, given, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs, null);
    merge(settings, given, ProducerConfig.METADATA_MAX_AGE_CONFIG, metadataExpiryMs, 300_000L);
    merge(settings, given, ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs, null);
    merge(settings, given, ProducerConfig.BUFFER_MEMORY_CONFIG, maxMemoryBytes, 33_554_432L);
    merge(settings, given, ProducerConfig.SEND_BUFFER_CONFIG, socketBufferSize, 102_400);
    merge(settings, given, ProducerConfig.CLIENT_ID_CONFIG, null, "console-producer");
    return settings;
  }

  private static void merge(
      Map<String, Object> settings, Properties given, String key, Object flag, Object fallback) {
    if (flag != null) {
      settings.put(key, flag.toString());
    } else if (!given.containsKey(key) && fallback != null) {
      settings.put(key, fallback.toString());
    }
  }
}
