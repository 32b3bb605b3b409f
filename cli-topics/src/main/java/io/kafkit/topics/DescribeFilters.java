package io.kafkit.topics;

import picocli.CommandLine.Option;

/** The filters of {@code --describe}. */
final class DescribeFilters {
  @Option(
      names = "--under-replicated-partitions",
      description = "With --describe, only partitions whose ISR is smaller than their replicas.")
  boolean underReplicated;

  @Option(
      names = "--unavailable-partitions",
      description = "With --describe, only partitions whose leader is not available.")
  boolean unavailable;

  @Option(
      names = "--under-min-isr-partitions",
      description = "With --describe, only partitions whose ISR is below min.insync.replicas.")
  boolean underMinIsr;

  @Option(
      names = "--at-min-isr-partitions",
      description = "With --describe, only partitions whose ISR equals min.insync.replicas.")
  boolean atMinIsr;

  @Option(
      names = "--topics-with-overrides",
      description = "With --describe, only topics that override configs (summary lines only).")
  boolean topicsWithOverrides;

  boolean partitionFilter() {
    return underReplicated || unavailable || underMinIsr || atMinIsr;
  }

  boolean any() {
    return partitionFilter() || topicsWithOverrides;
  }
}
