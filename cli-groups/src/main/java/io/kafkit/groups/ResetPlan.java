package io.kafkit.groups;

import java.util.List;

/** The new offsets of a reset, per group, as --dry-run, --execute and --export show them. */
record ResetPlan(List<GroupPlan> groups, boolean executed) {

  record GroupPlan(String group, List<NewOffset> offsets) {}

  record NewOffset(String topic, int partition, long offset) {}
}
