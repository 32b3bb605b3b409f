package io.kafkit.common.kafka;

import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.connect.Reachability;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A failed send, in one line: what went wrong with this record or with the whole run. Shared by the
 * tools that produce (console-producer, producer-perf-test).
 */
public final class SendErrors {
  private final ConnectionSettings connection;
  private final String topic;
  private Boolean reachable;

  public SendErrors(ConnectionSettings connection, String topic) {
    this.connection = connection;
    this.topic = topic;
  }

  /** Whether the failure is the record's own, so that the next record may well succeed. */
  public static boolean perRecord(Throwable e) {
    return e instanceof RecordTooLargeException
        || e instanceof RecordBatchTooLargeException
        || e instanceof InvalidRecordException
        || e instanceof InvalidTimestampException;
  }

  public String describe(Throwable error) {
    Throwable e = KafkaErrors.unwrap(error);
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof TimeoutException && message.contains("not present in metadata")) {
      if (clusterReachable()) {
        return "Topic '"
            + topic
            + "' (or the partition) does not exist and the cluster does not create topics on"
            + " first use. Create it with 'kafkit topics --create --topic "
            + topic
            + "', or check --partition.";
      }
    }
    if (e instanceof RecordTooLargeException) {
      return message
          + " Raise the client property max.request.size and the topic's max.message.bytes,"
          + " or send smaller records.";
    }
    return KafkaErrors.describe(e, connection).message();
  }

  private synchronized boolean clusterReachable() {
    if (reachable == null) {
      reachable = !Reachability.nothingListens(connection.bootstrapServers());
    }
    return reachable;
  }
}
