package io.kafkit.groups;

import io.kafkit.testkit.KafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A real Kafka Streams application: counts its input's values by value, so it has a repartition
 * topic ({@code APP-counts-repartition}) and a changelog ({@code APP-counts-changelog}). It runs
 * with the streams rebalance protocol (a streams group) or the classic one (a consumer group), and
 * leaves its group when closed.
 */
final class StreamsApp implements AutoCloseable {
  final KafkaCluster cluster;
  final String applicationId;
  final String input;
  final boolean streamsProtocol;
  private final KafkaStreams streams;
  private final Path stateDir;

  private StreamsApp(
      KafkaCluster cluster,
      String applicationId,
      String input,
      String output,
      boolean streamsProtocol) {
    this.cluster = cluster;
    this.applicationId = applicationId;
    this.input = input;
    this.streamsProtocol = streamsProtocol;
    try {
      stateDir = Files.createTempDirectory("kafkit-streams-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    config.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, streamsProtocol ? "streams" : "classic");
    config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.String()))
        .groupBy((key, value) -> value, Grouped.with(Serdes.String(), Serdes.String()))
        .count(Materialized.as("counts"))
        .toStream()
        .to(output, Produced.with(Serdes.String(), Serdes.Long()));
    streams = new KafkaStreams(builder.build(), config);
  }

  /** Starts the application and returns once it runs. */
  static StreamsApp start(
      KafkaCluster cluster,
      String applicationId,
      String input,
      String output,
      boolean streamsProtocol) {
    StreamsApp app = new StreamsApp(cluster, applicationId, input, output, streamsProtocol);
    CountDownLatch running = new CountDownLatch(1);
    app.streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    app.streams.start();
    try {
      if (!running.await(60, TimeUnit.SECONDS)) {
        app.close();
        throw new IllegalStateException(applicationId + " did not reach RUNNING in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return app;
  }

  /** Waits until the application has committed the end of every partition of its input. */
  void awaitCaughtUp() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (Admin admin = cluster.admin()) {
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
        var partitions = admin.describeTopics(java.util.List.of(input)).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
        partitions
            .get(input)
            .partitions()
            .forEach(p -> ends.put(new TopicPartition(input, p.partition()), OffsetSpec.latest()));
        var end = admin.listOffsets(ends).all().get();
        boolean done =
            end.entrySet().stream()
                .allMatch(
                    e -> {
                      OffsetAndMetadata c = committed.get(e.getKey());
                      return e.getValue().offset() == 0
                          || (c != null && c.offset() == e.getValue().offset());
                    });
        if (done) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              applicationId + " did not commit its input's end in 60 s: " + committed);
        }
        Thread.sleep(100);
      }
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) throws Exception {
    if (streamsProtocol) {
      return admin
          .listStreamsGroupOffsets(Map.of(applicationId, new ListStreamsGroupOffsetsSpec()))
          .partitionsToOffsetAndMetadata(applicationId)
          .get();
    }
    return admin
        .listConsumerGroupOffsets(Map.of(applicationId, new ListConsumerGroupOffsetsSpec()))
        .partitionsToOffsetAndMetadata(applicationId)
        .get();
  }

  /** Stops the application; it leaves its group, which becomes empty. */
  @Override
  public void close() {
    stop(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
  }

  /**
   * Stops the application without leaving its group, as an instance that crashed: its member stays
   * until its session times out.
   */
  void closeWithoutLeaving() {
    stop(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
  }

  private void stop(CloseOptions.GroupMembershipOperation membership) {
    streams.close(
        CloseOptions.groupMembershipOperation(membership).withTimeout(Duration.ofSeconds(30)));
    streams.cleanUp();
    try (var files = Files.walk(stateDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
