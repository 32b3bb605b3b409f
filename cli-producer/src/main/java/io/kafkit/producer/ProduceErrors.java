package io.kafkit.producer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.Errors;

/** How the fast pipe reads a broker's refusal of a batch. */
final class ProduceErrors {
  private ProduceErrors() {}

  /**
   * A batch the partition's leader took a later batch after, and then answered out of order: it
   * either never appended it (it had lost this producer's state) or no longer remembers it (it
   * restarted). Only its own records are in doubt; the ones after it were appended.
   */
  static final class Unconfirmed extends KafkaException {
    Unconfirmed() {
      super(
          "Not confirmed: the partition's leader took a later batch of this producer and cannot"
              + " tell whether it has this one (it lost or cut short the producer's state); check"
              + " the topic before sending these lines again.");
    }
  }

  /** Errors a broker answers while it validates a batch, before appending anything of it. */
  static final Set<Errors> REFUSED_BEFORE_APPEND =
      Set.of(
          Errors.MESSAGE_TOO_LARGE,
          Errors.RECORD_LIST_TOO_LARGE,
          Errors.INVALID_RECORD,
          Errors.CORRUPT_MESSAGE,
          Errors.INVALID_TIMESTAMP,
          Errors.TOPIC_AUTHORIZATION_FAILED,
          Errors.CLUSTER_AUTHORIZATION_FAILED,
          Errors.INVALID_REQUIRED_ACKS,
          Errors.UNSUPPORTED_FOR_MESSAGE_FORMAT,
          Errors.UNSUPPORTED_VERSION,
          Errors.INVALID_TOPIC_EXCEPTION);

  /** The Java client's reading of a refusal: one error per record, as in its Sender. */
  static IntFunction<RuntimeException> recordErrors(
      String topic, Errors error, ProduceResponseData.PartitionProduceResponse answer) {
    RuntimeException top;
    if (error == Errors.TOPIC_AUTHORIZATION_FAILED) {
      top = new TopicAuthorizationException(Set.of(topic));
    } else if (error == Errors.CLUSTER_AUTHORIZATION_FAILED) {
      top =
          new ClusterAuthorizationException(
              "The producer is not authorized to do idempotent sends");
    } else {
      top = error.exception(answer.errorMessage());
    }
    List<ProduceResponseData.BatchIndexAndErrorMessage> recordErrors = answer.recordErrors();
    if (recordErrors == null || recordErrors.isEmpty()) {
      return i -> top;
    }
    Map<Integer, RuntimeException> byIndex = new HashMap<>();
    for (ProduceResponseData.BatchIndexAndErrorMessage e : recordErrors) {
      String message =
          e.batchIndexErrorMessage() != null
              ? e.batchIndexErrorMessage()
              : answer.errorMessage() != null ? answer.errorMessage() : error.message();
      byIndex.put(
          e.batchIndex(),
          recordErrors.size() == 1
              ? error.exception(message)
              : new InvalidRecordException(message));
    }
    KafkaException others =
        new KafkaException(
            "Failed to append record because it was part of a batch which had one more more"
                + " invalid records");
    return i -> byIndex.getOrDefault(i, others);
  }
}
