package io.kafkit.topics;

import io.kafkit.common.convert.KeyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.Uuid;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** What the user asked of {@code kafkit topics}, parsed and checked once. */
record TopicsRequest(
    String action,
    String topic,
    String topicId,
    Integer partitions,
    Integer replicationFactor,
    String replicaAssignment,
    Map<String, String> configs,
    List<String> deleteConfigs,
    boolean ifExists,
    boolean ifNotExists,
    boolean excludeInternal,
    DescribeFilters filters,
    Integer partitionSizeLimit) {

  static TopicsRequest of(TopicsCommand c) {
    String action =
        c.action.create
            ? "create"
            : c.action.list
                ? "list"
                : c.action.describe ? "describe" : c.action.alter ? "alter" : "delete";
    Map<String, String> configs = new LinkedHashMap<>();
    for (String config : c.configs) {
      if (config.indexOf('=') < 0) {
        throw new ParameterException(
            c.spec.commandLine(),
            "--config '"
                + config
                + "' has no value: all configs to be added must be in the format \"key=val\".");
      }
      Map.Entry<String, String> kv = KeyValue.parse(config);
      configs.put(kv.getKey(), kv.getValue());
    }
    return new TopicsRequest(
        action,
        c.topic,
        c.topicId,
        c.partitions,
        c.replicationFactor,
        c.replicaAssignment,
        configs,
        List.copyOf(c.deleteConfigs),
        c.ifExists,
        c.ifNotExists,
        c.excludeInternal,
        c.filters,
        c.partitionSizeLimit);
  }

  /**
   * The --topic regular expression, matched against whole names, as Apache's IncludeList reads it:
   * trimmed, ',' meaning '|', spaces and surrounding quotes dropped.
   */
  Optional<Pattern> topicPattern() {
    return Optional.ofNullable(topic).map(TopicsRequest::includeList);
  }

  static Pattern includeList(String raw) {
    return Pattern.compile(
        raw.trim()
            .replace(',', '|')
            .replace(" ", "")
            .replaceAll("^[\"']+", "")
            .replaceAll("[\"']+$", ""));
  }

  void validate(CommandLine cmd) {
    List<String> wrong = new ArrayList<>();
    boolean create = action.equals("create");
    boolean alter = action.equals("alter");
    boolean describe = action.equals("describe");
    if (!create && topic != null) {
      try {
        includeList(topic);
      } catch (PatternSyntaxException e) {
        throw new ParameterException(
            cmd, "--topic '" + topic + "' is not a regular expression: " + e.getDescription());
      }
    }
    if ((create || alter || action.equals("delete")) && topic == null) {
      throw new ParameterException(cmd, "Missing required argument \"[topic]\" for --" + action);
    }
    if (describe && ifExists && topic == null && topicId == null) {
      throw new ParameterException(cmd, "--topic or --topic-id is required to describe a topic");
    }
    if (alter && replicaAssignment != null && partitions == null) {
      throw new ParameterException(
          cmd,
          "Missing required argument \"[partitions]\": --alter --replica-assignment places the"
              + " partitions it adds, so give the new count with --partitions N");
    }
    if (topicId != null) {
      try {
        Uuid.fromString(topicId);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            cmd,
            "--topic-id '"
                + topicId
                + "' is not a topic id: give the 22-character id that"
                + " --describe prints after TopicId:");
      }
    }
    if (alter
        && partitions == null
        && configs.isEmpty()
        && deleteConfigs.isEmpty()
        && replicaAssignment == null) {
      throw new ParameterException(
          cmd, "--alter needs --partitions, --replica-assignment, --config or --delete-config");
    }
    check(wrong, partitions != null && !(create || alter), "--partitions", "--create or --alter");
    check(wrong, replicationFactor != null && !create, "--replication-factor", "--create");
    check(
        wrong,
        replicaAssignment != null && !(create || alter),
        "--replica-assignment",
        "--create or --alter");
    check(
        wrong,
        replicaAssignment != null && (partitions != null && create || replicationFactor != null),
        "--replica-assignment",
        "--create or --alter, without --partitions and --replication-factor");
    check(wrong, !configs.isEmpty() && !(create || alter), "--config", "--create or --alter");
    check(wrong, ifNotExists && !create, "--if-not-exists", "--create");
    check(wrong, ifExists && create, "--if-exists", "--alter, --delete or --describe");
    check(wrong, topicId != null && !describe, "--topic-id", "--describe");
    check(wrong, filters.any() && !describe, "the describe filters", "--describe");
    check(
        wrong,
        filters.partitionFilter() && filters.topicsWithOverrides,
        "--topics-with-overrides",
        "--describe, without the partition filters");
    check(
        wrong,
        excludeInternal && !(describe || action.equals("list")),
        "--exclude-internal",
        "--list or --describe");
    check(
        wrong,
        partitionSizeLimit != null && !describe,
        "--partition-size-limit-per-response",
        "--describe");
    if (!wrong.isEmpty()) {
      throw new ParameterException(cmd, wrong.get(0));
    }
    if (partitionSizeLimit != null && partitionSizeLimit < 1) {
      throw new ParameterException(
          cmd,
          "--partition-size-limit-per-response must be greater than 0, not "
              + partitionSizeLimit
              + ".");
    }
    if (create && partitions != null && partitions < 1) {
      throw new ParameterException(cmd, "The partitions must be greater than 0");
    }
    if (create
        && replicationFactor != null
        && (replicationFactor < 1 || replicationFactor > 32767)) {
      throw new ParameterException(
          cmd, "The replication factor must be between 1 and 32767 inclusive");
    }
  }

  private static void check(List<String> wrong, boolean bad, String option, String allowed) {
    if (bad) {
      wrong.add(option + " can only be used with " + allowed);
    }
  }
}
