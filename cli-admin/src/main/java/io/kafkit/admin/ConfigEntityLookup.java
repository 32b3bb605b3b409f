package io.kafkit.admin;

import static io.kafkit.admin.ConfigEntities.BROKERS;
import static io.kafkit.admin.ConfigEntities.BROKER_LOGGERS;
import static io.kafkit.admin.ConfigEntities.CLIENT_METRICS;
import static io.kafkit.admin.ConfigEntities.GROUPS;
import static io.kafkit.admin.ConfigEntities.TOPICS;

import io.kafkit.common.cli.KafkitException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConfigResourcesOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Which entities of a type there are, for configs: every one of a type in Apache's order, Apache's
 * check that a named one exists before a describe, and kafkit's that a broker is running before
 * anything is sent to it.
 */
final class ConfigEntityLookup {
  private ConfigEntityLookup() {}

  /**
   * Whether the named entity exists, as Apache checks it before a describe without --all; Apache's
   * line for one that does not.
   *
   * @throws KafkitException with Kafka's words for a topic name the broker refuses
   */
  static Optional<String> missing(Admin admin, String entityType, String name) throws Exception {
    boolean exists =
        switch (entityType) {
          case TOPICS -> {
            if (topics(admin).contains(name)) {
              yield true;
            }
            refuseInvalidTopicName(admin, name);
            yield false;
          }
          case BROKERS, BROKER_LOGGERS ->
              name.equals(ResourceConfigs.DEFAULT_BROKER) || nodeIds(admin).contains(name);
          case CLIENT_METRICS -> clientMetrics(admin).contains(name);
          case GROUPS -> groupMayExist(admin, name);
          default -> throw new IllegalArgumentException("Invalid entity type: " + entityType);
        };
    return exists
        ? Optional.empty()
        : Optional.of(
            "The "
                + ConfigEntities.singular(entityType)
                + " '"
                + name
                + "' doesn't exist and doesn't have dynamic config.");
  }

  /**
   * Apache checks a topic's name with Kafka's rules before it looks the topic up; the broker checks
   * it with the same rules and words, so a name it refuses is refused here in those words.
   *
   * @throws KafkitException with the broker's reason
   */
  private static void refuseInvalidTopicName(Admin admin, String name) throws InterruptedException {
    ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
    try {
      admin.describeConfigs(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InvalidTopicException invalid) {
        throw new KafkitException(invalid.getMessage());
      }
      // a valid name: the topic is not there, which Apache's line says
    }
  }

  /** Every entity of the type, in the order Apache lists them. */
  static List<String> every(Admin admin, String entityType) throws Exception {
    return switch (entityType) {
      case TOPICS -> new ArrayList<>(topics(admin));
      case BROKERS, BROKER_LOGGERS -> {
        List<String> ids = nodeIds(admin);
        ids.add(ResourceConfigs.DEFAULT_BROKER);
        yield ids;
      }
      case CLIENT_METRICS -> clientMetrics(admin);
      case GROUPS -> groups(admin);
      default -> throw new IllegalArgumentException("Invalid entity type: " + entityType);
    };
  }

  /**
   * Refuses a broker id that is no running node of the cluster before anything is sent to it: the
   * admin client would wait for the node until it timed out, and the timeout would blame the
   * connection. Through {@code --bootstrap-controller} the nodes are the controllers.
   *
   * @throws KafkitException naming the nodes there are
   */
  static void requireRunning(Admin admin, List<String> ids, boolean controllers) throws Exception {
    List<String> running = nodeIds(admin);
    for (String id : ids) {
      if (!id.equals(ResourceConfigs.DEFAULT_BROKER) && !running.contains(id)) {
        throw new KafkitException(notRunning(id, running, controllers));
      }
    }
  }

  /** The line for a node id that is not running, naming those that are. */
  static String notRunning(String id, List<String> running, boolean controllers) {
    String kind = controllers ? "controller" : "broker";
    String ids =
        running.stream()
            .sorted(Comparator.comparingInt(Integer::parseInt))
            .collect(Collectors.joining(","));
    return "No "
        + kind
        + " "
        + id
        + " is running: the cluster's "
        + kind
        + "s are "
        + (ids.isEmpty() ? "none" : ids)
        + (controllers
            ? " (--bootstrap-controller reaches the controllers only; --bootstrap-server reaches"
                + " the brokers)."
            : ".");
  }

  private static Set<String> topics(Admin admin) throws Exception {
    return admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
  }

  private static List<String> nodeIds(Admin admin) throws Exception {
    return admin.describeCluster().nodes().get().stream()
        .map(Node::idString)
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static List<String> clientMetrics(Admin admin) throws Exception {
    return configResourceNames(admin, ConfigResource.Type.CLIENT_METRICS);
  }

  /** The names of the config resources of one type, in the broker's order. */
  static List<String> configResourceNames(Admin admin, ConfigResource.Type type)
      throws InterruptedException, ExecutionException {
    return admin
        .listConfigResources(Set.of(type), new ListConfigResourcesOptions())
        .all()
        .get()
        .stream()
        .map(ConfigResource::name)
        .toList();
  }

  /**
   * The groups the coordinators list, in their order, then those with configs but no group yet, in
   * the order the broker lists them: Apache 4.4.0's order.
   */
  private static List<String> groups(Admin admin) throws Exception {
    Set<String> ids =
        admin.listGroups().all().get().stream()
            .map(GroupListing::groupId)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    groupConfigResources(admin).ifPresent(ids::addAll);
    return new ArrayList<>(ids);
  }

  /**
   * Whether a group may exist: it is listed, or has configs; when the configs cannot be listed (an
   * older broker, no cluster rights) Apache lets the describe go on, and so does this.
   */
  private static boolean groupMayExist(Admin admin, String name) throws Exception {
    Optional<List<String>> withConfigs = groupConfigResources(admin);
    return withConfigs.isEmpty()
        || withConfigs.get().contains(name)
        || admin.listGroups().all().get().stream().anyMatch(g -> g.groupId().equals(name));
  }

  private static Optional<List<String>> groupConfigResources(Admin admin) throws Exception {
    try {
      return Optional.of(configResourceNames(admin, ConfigResource.Type.GROUP));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnsupportedVersionException
          || e.getCause() instanceof ClusterAuthorizationException) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
