package io.kafkit.producer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
import org.apache.kafka.clients.ClientRequest;
import org.apache.kafka.clients.ClientResponse;
import org.apache.kafka.clients.KafkaClient;
import org.apache.kafka.clients.producer.internals.ProducerMetadata;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidMetadataException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.InitProducerIdRequest;
import org.apache.kafka.common.requests.InitProducerIdResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.utils.Time;

/**
 * The fast pipe's network thread: sends sealed {@link WireBatch}es to their partitions' leaders as
 * an idempotent producer (acks=all), with the Java client's own network layer (connections,
 * security, API versions, metadata), and reports each batch once, acknowledged or failed.
 *
 * <p>What keeps a pipe lossless and free of duplicates when brokers restart or leaders move:
 *
 * <ul>
 *   <li>Every batch gets the next sequence numbers of its partition when first sent, and keeps them
 *       through every retry: the broker appends a batch only after the one before it, and answers a
 *       batch it already has as a duplicate, which counts as acknowledged.
 *   <li>Up to max.in.flight.requests.per.connection batches of a partition are in flight, one until
 *       the partition's first acknowledgement (a leader that does not know the producer yet appends
 *       a first batch whatever its sequence). When one comes back with an error, the partition
 *       sends nothing more until all of its batches in flight are back; then it sends again, in
 *       order, from the first one not acknowledged. A batch the broker refused for good is
 *       reported, and the batches after it are numbered down to close the gap. A batch before one
 *       acknowledged meanwhile is not taken as appended: it goes again first, alone, with its own
 *       sequence, and the broker's answer (duplicate, or out of order) tells.
 *   <li>A batch whose delivery.timeout.ms ran out is reported failed. If it may have been appended
 *       (its last attempt timed out or its connection dropped), the sequence can no longer be
 *       trusted: every batch not yet acknowledged is reported failed with it, and reading stops.
 *       Nothing is counted as sent that the cluster did not acknowledge.
 * </ul>
 */
final class BatchSender {
  /** What happened to each batch, told once, on the network thread. */
  interface Outcome {
    void acknowledged(WireBatch batch);

    /**
     * @param errors the error of the record at each index
     */
    void failed(WireBatch batch, IntFunction<RuntimeException> errors);
  }

  private static final long IDLE_POLL_MS = 1000;

  /**
   * One batch at a time until a partition's first acknowledgement. Only a test turns it off, to
   * reach the case it avoids and check that what a broker did not append is reported.
   */
  static volatile boolean oneBatchUntilKnown = true;

  private final String topic;
  private final KafkaClient client;
  private final ProducerMetadata metadata;
  private final Outcome outcome;
  private final BatchMemory memory;
  private final Runnable closeResources;
  private final Time time = Time.SYSTEM;
  private final int requestTimeoutMs;
  private final int maxInFlight;
  private final int maxRequestSize;
  private final int retries;
  private final long retryBackoffMs;
  private final long deliveryTimeoutMs;
  private final ConcurrentLinkedQueue<WireBatch> incoming = new ConcurrentLinkedQueue<>();
  private final Map<Integer, PartitionState> partitions = new HashMap<>();
  private final Thread thread;
  private volatile boolean closing;
  private volatile boolean dead;
  private long producerId = -1;
  private short epoch = -1;
  private boolean initInFlight;
  private long initBackoffUntil;
  private RuntimeException poison;
  private RuntimeException crash;
  private int outstanding;

  BatchSender(
      String topic,
      KafkaClient client,
      ProducerMetadata metadata,
      Outcome outcome,
      BatchMemory memory,
      Runnable closeResources,
      int requestTimeoutMs,
      int maxInFlight,
      int maxRequestSize,
      int retries,
      long retryBackoffMs,
      long deliveryTimeoutMs) {
    this.topic = topic;
    this.client = client;
    this.metadata = metadata;
    this.outcome = outcome;
    this.memory = memory;
    this.closeResources = closeResources;
    this.requestTimeoutMs = requestTimeoutMs;
    // the broker keeps a producer's last five batches to answer a resent one as a duplicate
    this.maxInFlight = Math.min(maxInFlight, 5);
    this.maxRequestSize = maxRequestSize;
    this.retries = retries;
    this.retryBackoffMs = retryBackoffMs;
    this.deliveryTimeoutMs = deliveryTimeoutMs;
    this.thread = new Thread(this::run, "kafkit-producer-network-thread | " + topic);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Hands a full (or the last) batch of a partition over for sending. */
  void send(WireBatch batch) {
    incoming.add(batch);
    if (dead) {
      // the network thread ended: whoever polls a batch first reports it, exactly once
      KafkaException stopped = new KafkaException("The producer's network thread has stopped.");
      for (WireBatch left; (left = incoming.poll()) != null; ) {
        failAndRelease(left, stopped);
      }
      return;
    }
    client.wakeup();
  }

  private void failAndRelease(WireBatch batch, RuntimeException error) {
    try {
      outcome.failed(batch, i -> error);
    } catch (RuntimeException e) {
      // reported as far as it could be; the buffer still goes back
    } finally {
      release(batch);
    }
  }

  /** Lets the network thread end once every batch handed over is reported; waits for it. */
  void close() {
    closing = true;
    client.wakeup();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (true) {
        long now = time.milliseconds();
        for (WireBatch batch; (batch = incoming.poll()) != null; ) {
          state(batch.partition).unsent.addLast(batch);
          outstanding++;
        }
        metadata.add(topic, now);
        if (closing && outstanding == 0 && incoming.isEmpty()) {
          break;
        }
        long timeout = step(now);
        client.poll(timeout, now);
        if (crash != null) {
          throw crash; // from a report made in a response handler, which NetworkClient only logs
        }
      }
    } catch (RuntimeException | Error e) {
      dead = true;
      RuntimeException cause = new KafkaException("The producer's network thread failed: " + e, e);
      for (PartitionState state : partitions.values()) {
        for (ArrayDeque<WireBatch> queue :
            List.of(state.inFlight, state.unresolved, state.unsent)) {
          for (WireBatch batch; (batch = queue.poll()) != null; ) {
            failAndRelease(batch, cause);
          }
        }
        while (!state.returned.isEmpty()) {
          failAndRelease(state.returned.remove(state.returned.size() - 1), cause);
        }
      }
      for (WireBatch batch; (batch = incoming.poll()) != null; ) {
        failAndRelease(batch, cause);
      }
      if (e instanceof Error error) {
        throw error;
      } // a RuntimeException is told in every record's report, without a stack trace
    } finally {
      dead = true;
      memory.close(); // a sending thread waiting for memory must not wait for this one
      closeResources.run();
    }
  }

  /** Sends what can be sent now. @return how long the poll may wait */
  private long step(long now) {
    long timeout = IDLE_POLL_MS;
    expire(now);
    if (poison != null) {
      for (PartitionState state : partitions.values()) {
        while (!state.returned.isEmpty()) {
          fail(state, state.returned.remove(state.returned.size() - 1), poison);
        }
        while (!state.unresolved.isEmpty()) {
          fail(state, state.unresolved.pollFirst(), poison);
        }
        while (!state.unsent.isEmpty()) {
          fail(state, state.unsent.pollFirst(), poison);
        }
      }
      return timeout;
    }
    if (producerId < 0) {
      if (hasUnsent()) {
        initProducerId(now);
        timeout = Math.min(timeout, Math.max(0, initBackoffUntil - now) + 1);
      }
      return timeout;
    }
    Cluster cluster = metadata.fetch();
    Map<Node, List<WireBatch>> requests = new LinkedHashMap<>();
    Map<Node, Integer> requestSizes = new HashMap<>();
    for (PartitionState state : partitions.values()) {
      if (state.resending) {
        if (!state.inFlight.isEmpty()) {
          continue;
        }
        if (now < state.backoffUntil) {
          timeout = Math.min(timeout, state.backoffUntil - now);
          continue;
        }
        state.renumber();
        state.resending = false;
      }
      // a batch whose fate only the broker knows goes before any other, alone: nothing is
      // appended after it until it is answered, so the broker still has it among its last five
      if (state.askingInFlight()) {
        continue;
      }
      boolean asking = !state.unresolved.isEmpty();
      ArrayDeque<WireBatch> queue = asking ? state.unresolved : state.unsent;
      if (queue.isEmpty()) {
        continue;
      }
      boolean known = state.established || !oneBatchUntilKnown;
      if (state.inFlight.size() >= (asking || !known ? 1 : maxInFlight)) {
        continue; // one at a time until the partition's leader knows this producer: see below
      }
      Node leader = cluster.leaderFor(state.partition);
      if (leader != null && !state.inFlight.isEmpty() && leader.id() != state.inFlightNode) {
        continue; // the leader moved: the batches still out with the old one come back first
      }
      if (leader == null) {
        metadata.requestUpdate(false);
        timeout = Math.min(timeout, retryBackoffMs);
        continue;
      }
      if (!requests.containsKey(leader) && !client.ready(leader, now)) {
        AuthenticationException refused = client.authenticationException(leader);
        if (refused != null) {
          poison(refused);
          return 0;
        }
        timeout = Math.min(timeout, Math.max(1, client.pollDelayMs(leader, now)));
        continue;
      }
      WireBatch batch = queue.peekFirst();
      int requestSize = requestSizes.getOrDefault(leader, 0);
      if (requestSize > 0 && requestSize + batch.sizeInBytes() > maxRequestSize) {
        timeout = 0; // the next request takes it
        continue;
      }
      queue.pollFirst();
      if (batch.sequence() < 0) {
        batch.seal(producerId, epoch, state.nextSequence);
        state.nextSequence = WireBatch.sequenceAfter(state.nextSequence, batch.count());
      }
      batch.attempts++;
      state.inFlight.addLast(batch);
      state.inFlightNode = leader.id();
      requests.computeIfAbsent(leader, n -> new ArrayList<>()).add(batch);
      requestSizes.put(leader, requestSize + batch.sizeInBytes());
    }
    requests.forEach((node, batches) -> sendProduce(node, batches, now));
    return requests.isEmpty() ? timeout : 0;
  }

  private boolean hasUnsent() {
    for (PartitionState state : partitions.values()) {
      if (!state.unsent.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private void initProducerId(long now) {
    if (initInFlight || now < initBackoffUntil) {
      return;
    }
    Node node = client.leastLoadedNode(now).node();
    if (node == null || !client.ready(node, now)) {
      if (node != null && client.authenticationException(node) != null) {
        poison(client.authenticationException(node));
      }
      initBackoffUntil = now + Math.min(retryBackoffMs, 50);
      return;
    }
    InitProducerIdRequest.Builder request =
        new InitProducerIdRequest.Builder(
            new InitProducerIdRequestData()
                .setTransactionalId(null)
                .setTransactionTimeoutMs(Integer.MAX_VALUE));
    ClientRequest clientRequest =
        client.newClientRequest(
            node.idString(), request, now, true, requestTimeoutMs, this::onProducerId);
    initInFlight = true;
    client.send(clientRequest, now);
  }

  private void onProducerId(ClientResponse response) {
    initInFlight = false;
    long now = time.milliseconds();
    if (response.versionMismatch() != null) {
      poison(response.versionMismatch());
      return;
    }
    if (response.wasDisconnected() || response.wasTimedOut() || !response.hasResponse()) {
      initBackoffUntil = now + retryBackoffMs;
      return;
    }
    InitProducerIdResponse body = (InitProducerIdResponse) response.responseBody();
    Errors error = body.error();
    if (error == Errors.NONE) {
      producerId = body.data().producerId();
      epoch = body.data().producerEpoch();
    } else if (error == Errors.CLUSTER_AUTHORIZATION_FAILED) {
      poison(
          new ClusterAuthorizationException(
              "The producer is not authorized to do idempotent sends"));
    } else if (error.exception() instanceof RetriableException) {
      initBackoffUntil = now + retryBackoffMs;
    } else {
      poison(error.exception());
    }
  }

  private void sendProduce(Node node, List<WireBatch> batches, long now) {
    Uuid topicId = metadata.topicIds().getOrDefault(topic, Uuid.ZERO_UUID);
    ProduceRequestData.TopicProduceData topicData =
        new ProduceRequestData.TopicProduceData().setName(topic).setTopicId(topicId);
    for (WireBatch batch : batches) {
      topicData
          .partitionData()
          .add(
              new ProduceRequestData.PartitionProduceData()
                  .setIndex(batch.partition)
                  .setRecords(batch.records()));
    }
    ProduceRequestData.TopicProduceDataCollection topics =
        new ProduceRequestData.TopicProduceDataCollection();
    topics.add(topicData);
    ProduceRequest.Builder request =
        ProduceRequest.builder(
            new ProduceRequestData()
                .setAcks((short) -1)
                .setTimeoutMs(requestTimeoutMs)
                .setTransactionalId(null)
                .setTopicData(topics),
            false);
    ClientRequest clientRequest =
        client.newClientRequest(
            node.idString(),
            request,
            now,
            true,
            requestTimeoutMs,
            response -> onProduce(response, batches));
    client.send(clientRequest, now);
  }

  private void onProduce(ClientResponse response, List<WireBatch> batches) {
    long now = time.milliseconds();
    boolean lost = response.wasTimedOut() || response.wasDisconnected();
    RuntimeException mismatch = response.versionMismatch();
    Map<Integer, ProduceResponseData.PartitionProduceResponse> byPartition = new HashMap<>();
    if (!lost && mismatch == null) {
      ((ProduceResponse) response.responseBody())
          .data()
          .responses()
          .forEach(t -> t.partitionResponses().forEach(p -> byPartition.put(p.index(), p)));
    }
    for (WireBatch batch : batches) {
      PartitionState state = state(batch.partition);
      try {
        if (lost) {
          String message =
              (response.wasTimedOut()
                      ? "Disconnected from node %s due to timeout"
                      : "Disconnected from node %s")
                  .formatted(response.destination());
          Errors error =
              response.wasTimedOut() ? Errors.REQUEST_TIMED_OUT : Errors.NETWORK_EXCEPTION;
          retry(state, batch, error.exception(message), true, now);
        } else if (mismatch != null) {
          failFor(state, batch, i -> mismatch);
        } else if (!byPartition.containsKey(batch.partition)) {
          retry(
              state,
              batch,
              Errors.UNKNOWN_SERVER_ERROR.exception("No answer for the partition"),
              true,
              now);
        } else {
          complete(state, batch, byPartition.get(batch.partition), now);
        }
      } catch (RuntimeException e) {
        // NetworkClient would only log this: report the batch here, or the run would never end
        if (state.inFlight.remove(batch)) {
          KafkaException failure =
              new KafkaException("Could not read the broker's answer: " + e, e);
          poison(failure);
          finish(state, batch, i -> failure, false);
        }
      }
    }
  }

  private void complete(
      PartitionState state,
      WireBatch batch,
      ProduceResponseData.PartitionProduceResponse answer,
      long now) {
    Errors error = Errors.forCode(answer.errorCode());
    if (error == Errors.NONE || error == Errors.DUPLICATE_SEQUENCE_NUMBER) {
      acknowledge(state, batch);
    } else if (error == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER && batch.unresolved) {
      // Sent again, alone and with its own sequence, to learn whether it was appended before the
      // batch acknowledged after it: the broker answers one it has as a duplicate (it keeps the
      // producer's last five batches, and nothing went after this one meanwhile), and one it
      // lacks as out of order, since it holds a later sequence. Lacks, or forgot: a leader that
      // restarted keeps only the last batch of a producer. (A NONE is taken as a duplicate; had
      // the leader lost the producer's state once more, the batch would be appended now, after
      // the later ones, and the next batch's out-of-order answer stops the pipe.)
      state.inFlight.remove(batch);
      ProduceErrors.Unconfirmed unconfirmed = new ProduceErrors.Unconfirmed();
      finish(state, batch, i -> unconfirmed, false);
    } else if (error == Errors.MESSAGE_TOO_LARGE
        && batch.count() > 1
        && !batch.maybeAppended
        && !batch.unresolved) {
      WireBatch[] halves = batch.split(); // before it leaves inFlight: a failure here reports it
      halves[0].seal(producerId, epoch, batch.sequence());
      halves[1].seal(
          producerId, epoch, WireBatch.sequenceAfter(batch.sequence(), halves[0].count()));
      state.inFlight.remove(batch);
      state.resending = true;
      release(batch);
      for (WireBatch half : halves) {
        memory.adopt(half.buffer());
        state.requeue(half);
      }
      outstanding++; // two batches where there was one
    } else if (error == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER
        && batch.sequence() != state.acknowledgedSequence) {
      // a batch before it failed, so the broker could not take this one: send it again after
      retry(state, batch, error.exception(answer.errorMessage()), false, now);
    } else if (error == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER
        || error == Errors.UNKNOWN_PRODUCER_ID
        || error == Errors.INVALID_PRODUCER_EPOCH
        || error == Errors.PRODUCER_FENCED) {
      state.inFlight.remove(batch);
      poison(error.exception(answer.errorMessage()));
      finish(state, batch, i -> poison, false);
    } else if (error.exception() instanceof RetriableException) {
      if (error.exception() instanceof InvalidMetadataException) {
        metadata.requestUpdate(false);
      }
      // a leader that answers NOT_LEADER may have appended the batch before it stepped down:
      // only an out-of-order answer proves that the broker did not take it
      retry(state, batch, error.exception(answer.errorMessage()), true, now);
    } else if (ProduceErrors.REFUSED_BEFORE_APPEND.contains(error)) {
      failFor(state, batch, ProduceErrors.recordErrors(topic, error, answer));
    } else {
      // an error after which the batch may be in the log: its sequence cannot be given again
      state.inFlight.remove(batch);
      IntFunction<RuntimeException> errors = ProduceErrors.recordErrors(topic, error, answer);
      poison(errors.apply(0));
      finish(state, batch, errors, false);
    }
  }

  private void retry(
      PartitionState state, WireBatch batch, RuntimeException error, boolean unknown, long now) {
    state.inFlight.remove(batch);
    batch.maybeAppended |= unknown;
    if (poison != null) {
      finish(state, batch, i -> poison, false);
    } else if (now - batch.createdMs >= deliveryTimeoutMs || batch.attempts > retries) {
      expired(state, batch, now, batch.attempts > retries ? error : null);
    } else {
      if (batch.unresolved) {
        state.unresolved.addFirst(batch);
      } else {
        state.requeue(batch);
      }
      state.resending = true;
      state.backoffUntil = now + retryBackoffMs;
    }
  }

  /** Fails the batches that waited longer than delivery.timeout.ms. */
  private void expire(long now) {
    for (PartitionState state : partitions.values()) {
      List<WireBatch> due = new ArrayList<>();
      for (ArrayDeque<WireBatch> queue : List.of(state.unresolved, state.unsent)) {
        for (Iterator<WireBatch> it = queue.iterator(); it.hasNext(); ) {
          WireBatch batch = it.next();
          if (now - batch.createdMs >= deliveryTimeoutMs) {
            it.remove();
            due.add(batch);
          }
        }
      }
      for (WireBatch batch : due) {
        expired(state, batch, now, null);
      }
    }
  }

  private void expired(PartitionState state, WireBatch batch, long now, RuntimeException error) {
    RuntimeException cause =
        error != null
            ? error
            : new TimeoutException(
                "Expiring "
                    + batch.count()
                    + " record(s) for "
                    + state.partition
                    + ":"
                    + (now - batch.createdMs)
                    + " ms has passed since batch creation");
    if (batch.maybeAppended) {
      poison(cause);
      finish(state, batch, i -> cause, false);
    } else {
      failFor(state, batch, i -> cause);
    }
  }

  /**
   * A batch the cluster refused: report it and close the gap in the sequence. If an earlier attempt
   * of it may be in the log, its sequence can go to no other batch: nothing more is sent.
   */
  private void failFor(
      PartitionState state, WireBatch batch, IntFunction<RuntimeException> errors) {
    state.inFlight.remove(batch);
    if (batch.maybeAppended) {
      poison(errors.apply(0));
    }
    finish(state, batch, errors, false);
    state.resending = true;
  }

  private void fail(PartitionState state, WireBatch batch, RuntimeException error) {
    finish(state, batch, i -> error, false);
  }

  private void acknowledge(PartitionState state, WireBatch batch) {
    state.acknowledged(batch);
    finish(state, batch, null, true);
  }

  private void finish(
      PartitionState state, WireBatch batch, IntFunction<RuntimeException> errors, boolean ok) {
    outstanding--;
    try {
      if (ok) {
        outcome.acknowledged(batch);
      } else {
        outcome.failed(batch, errors);
      }
    } catch (RuntimeException e) {
      if (crash == null) {
        crash = e; // the network thread ends on it, reporting every batch left
      }
    } finally {
      release(batch);
    }
  }

  private void poison(RuntimeException error) {
    if (poison == null) {
      poison = error;
    }
  }

  private void release(WireBatch batch) {
    byte[] buffer = batch.release();
    if (buffer != null) {
      memory.release(buffer);
    }
  }

  private PartitionState state(int partition) {
    return partitions.computeIfAbsent(
        partition, p -> new PartitionState(new TopicPartition(topic, p)));
  }
}
