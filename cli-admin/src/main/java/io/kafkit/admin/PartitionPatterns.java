package io.kafkit.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which topic-partitions get-offsets asks for, as Apache's tool decides: {@code --topic} (a regular
 * expression, ',' meaning '|') with {@code --partitions} (ids), or {@code --topic-partitions} rules
 * ({@code t:1}, {@code t:0-3} upper bound exclusive, {@code t:5-}, {@code :-3}, {@code t}). A topic
 * matches a rule's expression as a whole.
 */
final class PartitionPatterns {
  static final Pattern RULE = Pattern.compile("([^:,]*)(?::(?:([0-9]*)|(?:([0-9]*)-([0-9]*))))?");

  private record Rule(Pattern topic, int from, int to) {
    boolean topicAllowed(String name) {
      return topic.matcher(name).matches();
    }

    boolean allowed(String name, int partition) {
      return topicAllowed(name) && partition >= from && partition < to;
    }
  }

  private final List<Rule> rules;
  private final Set<Integer> partitions; // with --topic: empty for all

  private PartitionPatterns(List<Rule> rules, Set<Integer> partitions) {
    this.rules = rules;
    this.partitions = partitions;
  }

  /**
   * {@code --topic} and {@code --partitions}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static PartitionPatterns ofTopic(String topic, String partitionIds) {
    Set<Integer> ids = new java.util.HashSet<>();
    if (partitionIds != null && !partitionIds.isEmpty()) {
      try {
        for (String id : partitionIds.split(",")) {
          ids.add(Integer.parseInt(id));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--partitions expects a comma separated list of numeric partition ids, but received: "
                + partitionIds);
      }
    }
    return new PartitionPatterns(
        List.of(new Rule(topicPattern(topic != null ? topic : ".*"), 0, Integer.MAX_VALUE)), ids);
  }

  /**
   * {@code --topic-partitions}.
   *
   * @throws IllegalArgumentException naming the rule that is wrong
   */
  static PartitionPatterns ofRules(String list) {
    List<Rule> rules = new ArrayList<>();
    for (String spec : list.split(",")) {
      Matcher m = RULE.matcher(spec);
      if (!m.matches()) {
        throw new IllegalArgumentException("Invalid rule specification: " + spec);
      }
      Pattern topic = topicPattern(present(m.group(1)) ? m.group(1) : ".*");
      if (present(m.group(2))) {
        int partition = Integer.parseInt(m.group(2));
        rules.add(new Rule(topic, partition, partition + 1));
      } else {
        int from = present(m.group(3)) ? Integer.parseInt(m.group(3)) : 0;
        int to = present(m.group(4)) ? Integer.parseInt(m.group(4)) : Integer.MAX_VALUE;
        rules.add(new Rule(topic, from, to));
      }
    }
    return new PartitionPatterns(rules, Set.of());
  }

  boolean topicAllowed(String topic) {
    return rules.stream().anyMatch(r -> r.topicAllowed(topic));
  }

  boolean allowed(String topic, int partition) {
    return (partitions.isEmpty() || partitions.contains(partition))
        && rules.stream().anyMatch(r -> r.allowed(topic, partition));
  }

  private static boolean present(String group) {
    return group != null && !group.isEmpty();
  }

  /** Apache's reading of a topic expression: trimmed, ',' as '|', no spaces, no quotes. */
  private static Pattern topicPattern(String raw) {
    String regex =
        raw.trim()
            .replace(',', '|')
            .replace(" ", "")
            .replaceAll("^[\"']+", "")
            .replaceAll("[\"']+$", "");
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(regex + " is an invalid regex.");
    }
  }
}
