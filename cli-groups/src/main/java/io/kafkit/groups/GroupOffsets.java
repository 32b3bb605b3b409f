package io.kafkit.groups;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * A kind of group's offsets, as a reset reads and writes them: consumer groups' committed offsets,
 * share groups' start offsets.
 */
interface GroupOffsets {
  /** The groups the command names (--group), or every group of the kind (--all-groups). */
  List<String> groupIds() throws Exception;

  /** The groups that have members, each reported on {@code err} in Apache's words. */
  List<String> active(List<String> groups, PrintWriter err) throws Exception;

  /** Each group's offsets now; a group that does not exist has none. */
  Map<String, Map<TopicPartition, Long>> current(List<String> groups) throws Exception;

  /** Writes a group's new offsets. */
  void alter(String group, Map<TopicPartition, Long> offsets) throws Exception;

  /** The partitions --all-topics (--all-input-topics) resets: by default, those with an offset. */
  default Set<TopicPartition> allTopicsScope(String group, Map<TopicPartition, Long> current) {
    return current.keySet();
  }

  /**
   * The partitions of the named topics a group resets: by default all; a kind may refuse some,
   * reporting why on {@code err}.
   */
  default Set<TopicPartition> topicsScope(
      String group, Set<TopicPartition> named, Map<TopicPartition, Long> current, PrintWriter err) {
    return named;
  }

  /** Prints the plan's table in the kind's layout. */
  default void table(ResetPlan plan, PrintWriter out) {
    ResetPlanText.table(plan, out);
  }

  /** Whether something the kind did alongside the reset failed (and was reported). */
  default boolean failed() {
    return false;
  }
}
