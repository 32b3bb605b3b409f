package io.kafkit.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entities of one kafka-configs run, as Apache pairs them: entity types in the order of {@code
 * --entity-type} then of the shortcut flags, names in the order of {@code --entity-name} and {@code
 * --entity-default} (an empty name: the default entity) then of the shortcuts.
 */
record ConfigEntities(List<String> types, List<String> names) {
  static final String TOPICS = "topics";
  static final String CLIENTS = "clients";
  static final String USERS = "users";
  static final String BROKERS = "brokers";
  static final String BROKER_LOGGERS = "broker-loggers";
  static final String IPS = "ips";
  static final String CLIENT_METRICS = "client-metrics";
  static final String GROUPS = "groups";

  /** Apache's list, in the order of its error message. */
  static final List<String> ALL =
      List.of(BROKER_LOGGERS, TOPICS, CLIENTS, USERS, BROKERS, IPS, CLIENT_METRICS, GROUPS);

  String type() {
    return types.get(0);
  }

  /** The first name, the one Apache takes; null when none was given. */
  String name() {
    return names.isEmpty() ? null : names.get(0);
  }

  boolean hasName() {
    return names.stream().anyMatch(n -> !n.isEmpty());
  }

  boolean hasDefault() {
    return names.stream().anyMatch(String::isEmpty);
  }

  boolean isQuotaType() {
    return types.contains(USERS) || types.contains(CLIENTS) || types.contains(IPS);
  }

  /** "topic", "broker-logger", "client-metric": the type without its last letter, as Apache. */
  static String singular(String type) {
    return type.substring(0, type.length() - 1);
  }

  /** Apache's rules for the entity types; the first one broken, as Apache words it, or null. */
  String typeProblem() {
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    types.forEach(
        t -> {
          if (!seen.add(t)) {
            duplicates.add(t);
          }
        });
    if (!duplicates.isEmpty()) {
      return "Duplicate entity type(s) specified: " + String.join(",", duplicates);
    }
    for (String type : types) {
      if (!ALL.contains(type)) {
        return "Invalid entity type "
            + type
            + ", the entity type must be one of "
            + String.join(", ", ALL)
            + " with a --bootstrap-server or --bootstrap-controller argument";
      }
    }
    if (types.isEmpty()) {
      return "At least one entity type must be specified";
    }
    if (types.size() > 1 && !Set.copyOf(types).equals(Set.of(USERS, CLIENTS))) {
      return "Only 'users' and 'clients' entity types may be specified together";
    }
    return null;
  }

  /** Apache's rules for the names given the action; the first one broken, or null. */
  String actionProblem(boolean describe, boolean entityDefaultFlag) {
    if (describe) {
      if (!isQuotaType() && !types.contains(BROKERS) && entityDefaultFlag) {
        return "--entity-default must not be specified with --describe of "
            + String.join(",", types);
      }
      if (types.contains(BROKER_LOGGERS) && !hasName()) {
        return "An entity name must be specified with --describe of " + String.join(",", types);
      }
    } else {
      if (isQuotaType() || types.contains(BROKERS)) {
        if (!hasName() && !hasDefault()) {
          return "An entity-name or default entity must be specified with --alter of users,"
              + " clients, brokers or ips";
        }
      } else if (!hasName()) {
        return "An entity name must be specified with --alter of " + String.join(",", types);
      }
    }
    // Apache describes the first name of a topic, broker...; an --alter with more names than
    // types fails later, in its own words
    if (describe && isQuotaType() && names.size() > types.size()) {
      return "More entity names specified than entity types";
    }
    return null;
  }

  /** The broker ids among the names, which must be numbers for brokers and broker-loggers. */
  String brokerIdProblem() {
    if (!hasName() || !(types.contains(BROKERS) || types.contains(BROKER_LOGGERS))) {
      return null;
    }
    for (String name : names) {
      if (name.isEmpty()) {
        continue;
      }
      try {
        Integer.parseInt(name);
      } catch (NumberFormatException e) {
        return "The entity name for "
            + types.get(0)
            + " must be a valid integer broker id, but it is: "
            + name;
      }
    }
    return null;
  }

  static ConfigEntities of(List<String> types, List<String> names) {
    return new ConfigEntities(List.copyOf(types), List.copyOf(new ArrayList<>(names)));
  }
}
