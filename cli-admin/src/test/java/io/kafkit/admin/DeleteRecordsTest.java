package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** delete-records' line on stderr after the broker refused partitions, without a cluster. */
class DeleteRecordsTest {
  static final String OUT_OF_RANGE =
      "org.apache.kafka.common.errors.OffsetOutOfRangeException: The requested offset is not"
          + " within the range of offsets maintained by the server.";

  static DeleteRecords.Deleted refused(int partition, String error) {
    return new DeleteRecords.Deleted("t", partition, null, error);
  }

  static Map<TopicPartition, Long> requested(long... offsets) {
    Map<TopicPartition, Long> map = new java.util.HashMap<>();
    for (int p = 0; p < offsets.length; p++) {
      map.put(new TopicPartition("t", p), offsets[p]);
    }
    return map;
  }

  @Test
  void anOffsetBelowMinusOneIsSaidToBeNoOffset() {
    assertEquals(
        "Error: the records of 1 partition were not deleted: t-0 (an offset below -1 is no offset:"
            + " give 0 or more, or -1 to delete every record).",
        DeleteRecords.failureLine(List.of(refused(0, OUT_OF_RANGE)), requested(-2, 5)));
  }

  @Test
  void anOffsetBeyondTheEndIsSaidToBeSo() {
    assertEquals(
        "Error: the records of 1 partition were not deleted: t-1 (an offset beyond the"
            + " partition's end: 'kafkit get-offsets' shows where each ends; -1 deletes every"
            + " record).",
        DeleteRecords.failureLine(List.of(refused(1, OUT_OF_RANGE)), requested(-2, 500)));
  }

  @Test
  void bothKindsAreNamed() {
    assertEquals(
        "Error: the records of 2 partitions were not deleted: t-0, t-1 (offsets below -1, which"
            + " are no offsets, or beyond the partition's end: 'kafkit get-offsets' shows where"
            + " each ends; -1 deletes every record).",
        DeleteRecords.failureLine(
            List.of(refused(0, OUT_OF_RANGE), refused(1, OUT_OF_RANGE)), requested(-2, 500)));
  }

  @Test
  void otherErrorsPointAtTheirLines() {
    assertEquals(
        "Error: the records of 2 partitions were not deleted: t-0, t-1 (the error lines above say"
            + " why).",
        DeleteRecords.failureLine(
            List.of(refused(0, OUT_OF_RANGE), refused(1, DeleteRecords.UNKNOWN)),
            requested(-2, 1)));
  }
}
