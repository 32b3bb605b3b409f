package io.kafkit.topics;

import java.util.List;

/**
 * The topic configs a 4.4 broker accepts, which Apache's kafka-topics.sh lists under --config (the
 * broker's LogConfig names): kafka-clients' TopicConfig constants, less the one the 4.x broker no
 * longer takes, and the two replication throttles the broker keeps elsewhere. {@code
 * TopicConfigsTest} fails when a kafka-clients upgrade adds or drops one.
 */
final class TopicConfigs {
  private TopicConfigs() {}

  /**
   * The names, one a line in picocli's notation ({@code %n}): a constant, so that the option's help
   * can hold it, a name a line, never broken at its dots.
   */
  static final String LINES =
      "cleanup.policy%n"
          + "compression.gzip.level%n"
          + "compression.lz4.level%n"
          + "compression.type%n"
          + "compression.zstd.level%n"
          + "delete.retention.ms%n"
          + "errors.deadletterqueue.group.enable%n"
          + "file.delete.delay.ms%n"
          + "flush.messages%n"
          + "flush.ms%n"
          + "follower.replication.throttled.replicas%n"
          + "index.interval.bytes%n"
          + "leader.replication.throttled.replicas%n"
          + "local.retention.bytes%n"
          + "local.retention.ms%n"
          + "max.compaction.lag.ms%n"
          + "max.decompressed.message.bytes%n"
          + "max.message.bytes%n"
          + "message.timestamp.after.max.ms%n"
          + "message.timestamp.before.max.ms%n"
          + "message.timestamp.type%n"
          + "min.cleanable.dirty.ratio%n"
          + "min.compaction.lag.ms%n"
          + "min.insync.replicas%n"
          + "preallocate%n"
          + "remote.copy.lag.bytes%n"
          + "remote.copy.lag.ms%n"
          + "remote.log.copy.disable%n"
          + "remote.log.delete.on.disable%n"
          + "remote.storage.enable%n"
          + "retention.bytes%n"
          + "retention.ms%n"
          + "segment.bytes%n"
          + "segment.index.bytes%n"
          + "segment.jitter.ms%n"
          + "segment.ms%n"
          + "unclean.leader.election.enable";

  static final List<String> NAMES = List.of(LINES.split("%n"));
}
