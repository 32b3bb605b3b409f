package io.kafkit.producer;

import io.kafkit.common.kafka.SendErrors;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.ProducerMetadata;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.internals.ClusterResourceListeners;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.record.internal.AbstractRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.utils.internals.LogContext;

/**
 * The fast pipe: records go straight into batches in Kafka's wire format on the sending thread
 * ({@link WireBatch}) and a network thread sends them ({@link BatchSender}), an idempotent producer
 * with acks=all like Apache's Java client, with a fraction of its work per record (no future, no
 * callback, no metadata object per record). Records land where the Java client would put them: a
 * record's own partition, else its key's (murmur2, as the default partitioner), else one partition
 * per batch in turn.
 *
 * <p>It serves a piped run when the settings are ones it implements (see {@link #suits}); anything
 * else goes through Apache's producer ({@link ClientDelivery}). Batches fill up to batch.size and
 * go out when full or as soon as the input pauses, so linger.ms is not needed.
 */
final class BatchDelivery implements Delivery {
  private static final int METADATA_REFRESH_RECORDS = 8192;

  private final String topic;
  private final DeliveryTally tally;
  private final ProducerMetadata metadata;
  private final NetworkClient client;
  private final BatchSender sender;
  private final BatchMemory memory;
  private final Time time = Time.SYSTEM;
  private final long maxBlockMs;
  private final int maxRequestSize;
  private final long totalMemory;
  private final int batchSize;
  private volatile boolean fatal;
  private WireBatch[] open = new WireBatch[0];
  private int partitionCount = -1;
  private int sticky = -1;
  private int untilRefresh;
  private final RecordParser.Fields fields = this::send;
  private long pending; // guarded by this: records handed to the sender and not yet reported

  /**
   * Whether the fast pipe implements these settings: an idempotent producer with acks=all, no
   * compression, Kafka's own partitioning, no transactions and no interceptors.
   */
  static boolean suits(ProducerConfig config) {
    String acks = config.getString(ProducerConfig.ACKS_CONFIG).trim();
    return config.getString(ProducerConfig.TRANSACTIONAL_ID_CONFIG) == null
        && config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)
        && (acks.equals("-1") || acks.equalsIgnoreCase("all"))
        && config.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG).trim().equalsIgnoreCase("none")
        && config.getClass(ProducerConfig.PARTITIONER_CLASS_CONFIG) == null
        && !config.getBoolean(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG)
        && config.getList(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG).isEmpty();
  }

  BatchDelivery(ProducerConfig config, String topic, SendErrors errors, FailureLog failures) {
    this.topic = topic;
    this.tally = new DeliveryTally(errors, failures);
    this.maxBlockMs = config.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG);
    this.maxRequestSize = config.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    this.totalMemory = config.getLong(ProducerConfig.BUFFER_MEMORY_CONFIG);
    this.batchSize = Math.max(config.getInt(ProducerConfig.BATCH_SIZE_CONFIG), 1);
    this.memory = new BatchMemory(totalMemory, batchSize);
    String clientId = config.getString(CommonClientConfigs.CLIENT_ID_CONFIG);
    LogContext logContext = new LogContext("[Producer clientId=" + clientId + "] ");
    List<String> bootstrap = config.getList(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    this.metadata =
        new ProducerMetadata(
            config.getLong(ProducerConfig.RETRY_BACKOFF_MS_CONFIG),
            config.getLong(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG),
            config.getLong(ProducerConfig.METADATA_MAX_AGE_CONFIG),
            config.getLong(ProducerConfig.METADATA_MAX_IDLE_CONFIG),
            logContext,
            new ClusterResourceListeners());
    ClientUtils.maybeBootstrapMetadataSynchronously(config, bootstrap, metadata);
    Metrics metrics = new Metrics();
    int maxInFlight = config.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
    this.client =
        ClientUtils.createNetworkClient(
            config,
            bootstrap,
            metrics,
            "producer",
            logContext,
            new ApiVersions(),
            time,
            maxInFlight,
            metadata,
            null,
            null);
    this.sender =
        new BatchSender(
            topic,
            client,
            metadata,
            new Outcome(),
            memory,
            () -> {
              Utils.closeQuietly(client, "network client");
              metadata.close();
              metrics.close();
            },
            config.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG),
            maxInFlight,
            maxRequestSize,
            config.getInt(ProducerConfig.RETRIES_CONFIG),
            config.getLong(ProducerConfig.RETRY_BACKOFF_MS_CONFIG),
            config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
    sender.start();
  }

  @Override
  public void send(RecordParser parser, byte[] line, int start, int end, long lineNumber) {
    parser.parse(line, start, end, lineNumber, fields);
  }

  @Override
  public void send(ProducerRecord<byte[], byte[]> record, long lineNumber) {
    RecordParser.Fields to = fields;
    byte[] key = record.key();
    byte[] value = record.value();
    to.record(
        record.partition(),
        record.timestamp(),
        key,
        0,
        key == null ? -1 : key.length,
        value,
        0,
        value == null ? -1 : value.length,
        record.headers().toArray(),
        lineNumber);
  }

  private void send(
      Integer pinned,
      Long timestamp,
      byte[] keyBytes,
      int keyStart,
      int keyLength,
      byte[] valueBytes,
      int valueStart,
      int valueLength,
      Header[] headers,
      long line) {
    tally.sent(Math.max(keyLength, 0) + Math.max(valueLength, 0));
    try {
      int count = partitionCount(pinned);
      boolean roams = pinned == null && keyLength < 0;
      int partition =
          pinned != null
              ? pinned
              : keyLength >= 0
                  ? Utils.toPositive(Murmur2.hash(keyBytes, keyStart, keyLength)) % count
                  : sticky(count);
      long at = timestamp != null ? timestamp : time.milliseconds();
      Record record =
          new Record(
              at, keyBytes, keyStart, keyLength, valueBytes, valueStart, valueLength, headers);
      append(partition, roams, record, line);
    } catch (KafkaException e) {
      fail(line, keyLength, valueLength, e);
    }
  }

  private void append(int partition, boolean roams, Record r, long line) {
    int bound = WireBatch.HEADER_SIZE + WireBatch.sizeBound(r.keyLength, r.valueLength, r.headers);
    if (bound > maxRequestSize || bound > totalMemory) {
      checkSize(r);
    }
    WireBatch batch = open[partition];
    if (batch != null) {
      if (r.appendTo(batch, line)) {
        return;
      }
      handOver(batch);
      if (roams) {
        sticky = (sticky + 1) % partitionCount;
        partition = sticky;
        batch = open[partition];
        if (batch != null && r.appendTo(batch, line)) {
          return;
        } else if (batch != null) {
          handOver(batch);
        }
      }
    }
    byte[] buffer = memory.tryAllocate(bound);
    if (buffer == null) {
      idle(); // batches still open hold memory too: send them, or nothing frees any
      buffer = memory.allocate(bound);
    }
    batch = new WireBatch(partition, buffer, time.milliseconds());
    if (!r.appendTo(batch, line)) {
      throw new IllegalStateException("A record did not fit in a batch made for it.");
    }
    open[partition] = batch;
  }

  /** The Java client's check and message, on its own estimate of the record's size. */
  private void checkSize(Record r) {
    int size =
        AbstractRecords.estimateSizeInBytesUpperBound(
            RecordBatch.CURRENT_MAGIC_VALUE,
            CompressionType.NONE,
            copy(r.keyBytes, r.keyStart, r.keyLength),
            copy(r.valueBytes, r.valueStart, r.valueLength),
            r.headers);
    if (size > maxRequestSize) {
      throw new RecordTooLargeException(
          "The message is "
              + size
              + " bytes when serialized which is larger than "
              + maxRequestSize
              + ", which is the value of the "
              + ProducerConfig.MAX_REQUEST_SIZE_CONFIG
              + " configuration.");
    }
    if (size > totalMemory) {
      throw new RecordTooLargeException(
          "The message is "
              + size
              + " bytes when serialized which is larger than the total memory buffer you have"
              + " configured with the "
              + ProducerConfig.BUFFER_MEMORY_CONFIG
              + " configuration.");
    }
  }

  private int sticky(int count) {
    if (sticky < 0 || sticky >= count) {
      sticky = ThreadLocalRandom.current().nextInt(count);
    }
    return sticky;
  }

  private void handOver(WireBatch batch) {
    open[batch.partition] = null;
    synchronized (this) {
      pending += batch.count();
    }
    sender.send(batch);
  }

  @Override
  public void idle() {
    for (WireBatch batch : open) {
      if (batch != null) {
        handOver(batch);
      }
    }
    untilRefresh = 0;
  }

  /**
   * The topic's partition count, from the metadata in hand, or after waiting for it (max.block.ms)
   * as the Java client's send does, with its messages.
   */
  private int partitionCount(Integer partition) {
    if (partitionCount > 0
        && untilRefresh-- > 0
        && (partition == null || partition < partitionCount)) {
      return partitionCount;
    }
    untilRefresh = METADATA_REFRESH_RECORDS;
    Cluster cluster = metadata.fetch();
    if (cluster.invalidTopics().contains(topic)) {
      throw new InvalidTopicException(topic);
    }
    metadata.add(topic, time.milliseconds());
    Integer count = cluster.partitionCountForTopic(topic);
    if (count == null
        && cluster.isBootstrapConfigured()
        && partitionCount > 0
        && (partition == null || partition < partitionCount)) {
      // With every known broker unreachable (one broker, stopped), the client starts over from
      // the bootstrap servers and its metadata holds no topic until one answers: the partitions
      // known stay, and the network thread waits for their leaders (delivery.timeout.ms). A topic
      // that an answer left out (deleted, not authorized) is waited for and reported as before.
      return partitionCount;
    }
    long begin = time.milliseconds();
    long elapsed = 0;
    while (count == null || (partition != null && partition >= count)) {
      metadata.add(topic, begin + elapsed);
      int version = metadata.requestUpdateForTopic(topic);
      client.wakeup();
      try {
        metadata.awaitUpdate(version, time.timer(maxBlockMs - elapsed));
      } catch (TimeoutException e) {
        throw metadataTimeout(count, partition);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new org.apache.kafka.common.errors.InterruptException(e);
      }
      cluster = metadata.fetch();
      elapsed = time.milliseconds() - begin;
      if (elapsed >= maxBlockMs) {
        throw metadataTimeout(count, partition);
      }
      metadata.maybeThrowExceptionForTopic(topic);
      count = cluster.partitionCountForTopic(topic);
    }
    if (count > open.length) {
      open = Arrays.copyOf(open, count);
    }
    partitionCount = count;
    return count;
  }

  private TimeoutException metadataTimeout(Integer count, Integer partition) {
    String message =
        count == null
            ? String.format("Topic %s not present in metadata after %d ms.", topic, maxBlockMs)
            : String.format(
                "Partition %d of topic %s with partition count %d is not present in metadata"
                    + " after %d ms.",
                partition, topic, count, maxBlockMs);
    return metadata.getError(topic) != null
        ? new TimeoutException(message, metadata.getError(topic).exception())
        : new TimeoutException(message);
  }

  @Override
  public boolean fatal() {
    return fatal;
  }

  /** Sends what is open and waits until every record handed over is reported; then closes. */
  @Override
  public void finish() {
    idle();
    boolean interrupted = false;
    synchronized (this) {
      while (pending > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true; // nothing may cut the sending of lines already read short
        }
      }
    }
    sender.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public long acknowledged() {
    return tally.acknowledged();
  }

  @Override
  public long bytes() {
    return tally.bytes();
  }

  @Override
  public long elapsedNanos() {
    return tally.elapsedNanos();
  }

  @Override
  public FailureLog failures() {
    return tally.failures();
  }

  private void fail(long line, int keySize, int valueSize, RuntimeException error) {
    if (!SendErrors.perRecord(error) && !(error instanceof ProduceErrors.Unconfirmed)) {
      fatal = true;
    }
    tally.failed(line, topic, keySize, valueSize, error);
  }

  private synchronized void reported(int records) {
    pending -= records;
    if (pending <= 0) {
      notifyAll();
    }
  }

  private static byte[] copy(byte[] b, int start, int length) {
    return length < 0 ? null : Arrays.copyOfRange(b, start, start + length);
  }

  /** One record's parts, between parsing and its batch. */
  private record Record(
      long timestamp,
      byte[] keyBytes,
      int keyStart,
      int keyLength,
      byte[] valueBytes,
      int valueStart,
      int valueLength,
      Header[] headers) {
    boolean appendTo(WireBatch batch, long line) {
      return batch.tryAppend(
          timestamp,
          keyBytes,
          keyStart,
          keyLength,
          valueBytes,
          valueStart,
          valueLength,
          headers,
          line);
    }
  }

  /** What the network thread reports, per batch. */
  private final class Outcome implements BatchSender.Outcome {
    @Override
    public void acknowledged(WireBatch batch) {
      reported(batch.count());
    }

    @Override
    public void failed(WireBatch batch, IntFunction<RuntimeException> errors) {
      try {
        batch.forEachRecord(
            (index, line, keySize, valueSize) ->
                fail(line, keySize, valueSize, errors.apply(index)));
      } finally {
        reported(batch.count());
      }
    }
  }
}
