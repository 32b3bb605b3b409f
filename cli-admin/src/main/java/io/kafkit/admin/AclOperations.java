package io.kafkit.admin;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

/** ACL operations as kafka-acls.sh names them, and which each resource type has (Kafka 4.4). */
final class AclOperations {
  private AclOperations() {}

  static final Map<ResourceType, Set<AclOperation>> SUPPORTED =
      Map.of(
          ResourceType.TOPIC,
          EnumSet.of(
              AclOperation.READ,
              AclOperation.WRITE,
              AclOperation.CREATE,
              AclOperation.DESCRIBE,
              AclOperation.DELETE,
              AclOperation.ALTER,
              AclOperation.DESCRIBE_CONFIGS,
              AclOperation.ALTER_CONFIGS),
          ResourceType.GROUP,
          EnumSet.of(
              AclOperation.READ,
              AclOperation.DESCRIBE,
              AclOperation.DELETE,
              AclOperation.DESCRIBE_CONFIGS,
              AclOperation.ALTER_CONFIGS),
          ResourceType.CLUSTER,
          EnumSet.of(
              AclOperation.CREATE,
              AclOperation.CLUSTER_ACTION,
              AclOperation.DESCRIBE_CONFIGS,
              AclOperation.ALTER_CONFIGS,
              AclOperation.IDEMPOTENT_WRITE,
              AclOperation.ALTER,
              AclOperation.DESCRIBE),
          ResourceType.TRANSACTIONAL_ID,
          EnumSet.of(AclOperation.DESCRIBE, AclOperation.WRITE, AclOperation.TWO_PHASE_COMMIT),
          ResourceType.DELEGATION_TOKEN,
          EnumSet.of(AclOperation.DESCRIBE),
          ResourceType.USER,
          EnumSet.of(AclOperation.CREATE_TOKENS, AclOperation.DESCRIBE_TOKENS));

  /** Apache's names: Read, IdempotentWrite, or upper case, here also with underscores. */
  static Optional<AclOperation> parse(String given) {
    String key = given.trim().toUpperCase(Locale.ROOT).replace("_", "");
    return named().stream().filter(o -> o.name().replace("_", "").equals(key)).findFirst();
  }

  /** Every operation an ACL may name, as Apache's help names them: Read, Write, ... */
  static String names() {
    return named().stream().map(AclOperations::pascal).collect(Collectors.joining(", "));
  }

  private static Set<AclOperation> named() {
    return EnumSet.complementOf(EnumSet.of(AclOperation.UNKNOWN, AclOperation.ANY));
  }

  private static String pascal(AclOperation op) {
    return Arrays.stream(op.name().split("_"))
        .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }
}
