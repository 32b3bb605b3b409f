package io.kafkit.producer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** One partition's batches in the fast pipe's network thread, and its sequence numbers. */
final class PartitionState {
  final TopicPartition partition;
  final ArrayDeque<WireBatch> unsent = new ArrayDeque<>();
  final ArrayDeque<WireBatch> unresolved = new ArrayDeque<>();
  final ArrayDeque<WireBatch> inFlight = new ArrayDeque<>();
  final List<WireBatch> returned = new ArrayList<>();
  int inFlightNode = -1;

  /**
   * Whether a batch of this producer was acknowledged here, so that the leader holds the producer's
   * state and refuses a batch that does not follow the last one. Until then a broker appends a
   * first batch whatever its sequence: a batch sent behind one that a leader not yet ready refused
   * (NOT_LEADER_OR_FOLLOWER on a topic just made) would be appended before it, and the one refused
   * could never follow.
   */
  boolean established;

  int nextSequence;
  int acknowledgedSequence;
  boolean resending;
  long backoffUntil;

  PartitionState(TopicPartition partition) {
    this.partition = partition;
  }

  /** Whether a batch sent again to learn its fate is still out. */
  boolean askingInFlight() {
    for (WireBatch batch : inFlight) {
      if (batch.unresolved) {
        return true;
      }
    }
    return false;
  }

  /**
   * Counts an acknowledged batch: the partition's leader now holds this producer's state, and the
   * acknowledged sequence moves past the batch. Batches before it still waiting to go again are not
   * taken as appended: a leader without this producer's state (lost to producer.id.expiration.ms,
   * say) appends a batch whatever its sequence. They go again first, alone, for the broker to tell.
   */
  void acknowledged(WireBatch batch) {
    inFlight.remove(batch);
    established = true;
    if (batch.unresolved) {
      return;
    }
    returned.sort(Comparator.comparingInt(b -> distance(b.sequence())));
    for (Iterator<WireBatch> it = returned.iterator(); it.hasNext(); ) {
      WireBatch earlier = it.next();
      if (distance(earlier.sequence()) < distance(batch.sequence())) {
        it.remove();
        earlier.unresolved = true;
        unresolved.addLast(earlier);
      }
    }
    int end = WireBatch.sequenceAfter(batch.sequence(), batch.count());
    if (distance(end) < (1 << 30)) {
      acknowledgedSequence = end; // never backwards: a late answer from an old leader
    }
  }

  /** Keeps a batch to be sent again once every batch of the partition in flight is back. */
  void requeue(WireBatch batch) {
    returned.add(batch);
  }

  /** How far a sequence lies after the first one not acknowledged (sequences wrap at 2^31). */
  int distance(int sequence) {
    return (sequence - acknowledgedSequence) & Integer.MAX_VALUE;
  }

  /**
   * Puts the batches that came back before those never sent, in sequence order, and numbers them
   * from the first sequence not acknowledged, closing any gap a batch refused for good left.
   */
  void renumber() {
    returned.sort(Comparator.comparingInt(b -> distance(b.sequence())));
    for (int i = returned.size() - 1; i >= 0; i--) {
      unsent.addFirst(returned.get(i));
    }
    returned.clear();
    int sequence = acknowledgedSequence;
    for (WireBatch batch : unsent) {
      if (batch.sequence() < 0) {
        break;
      }
      batch.renumber(sequence);
      sequence = WireBatch.sequenceAfter(sequence, batch.count());
    }
    nextSequence = sequence;
  }
}
