package io.kafkit.admin;

import static io.kafkit.admin.ConfigEntities.CLIENTS;
import static io.kafkit.admin.ConfigEntities.IPS;
import static io.kafkit.admin.ConfigEntities.USERS;

import io.kafkit.common.cli.KafkitException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterClientQuotasOptions;
import org.apache.kafka.clients.admin.DescribeUserScramCredentialsResult;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.quota.ClientQuotaFilterComponent;

/** Quotas of users, clients and IPs, and users' SCRAM credentials, as kafka-configs has them. */
final class QuotaConfigs {
  private QuotaConfigs() {}

  static final Set<String> CLIENT_QUOTAS =
      Set.of(
          "producer_byte_rate",
          "consumer_byte_rate",
          "request_percentage",
          "controller_mutation_rate");
  static final Set<String> IP_QUOTAS = Set.of("connection_creation_rate");
  static final Set<String> SCRAM = Set.of("SCRAM-SHA-256", "SCRAM-SHA-512");
  static final int DEFAULT_ITERATIONS = 4096;
  static final int MIN_ITERATIONS = 4096;

  /** The quotas of one entity: its parts (user, client-id, ip: a null name is the default). */
  record Quotas(Map<String, String> entity, Map<String, Double> quotas) {
    /** Apache's line. */
    String line() {
      String who =
          Stream.of(ClientQuotaEntity.USER, ClientQuotaEntity.CLIENT_ID, ClientQuotaEntity.IP)
              .filter(entity::containsKey)
              .map(
                  type -> {
                    String name = entity.get(type);
                    String label =
                        switch (type) {
                          case ClientQuotaEntity.USER -> "user-principal";
                          case ClientQuotaEntity.CLIENT_ID -> "client-id";
                          default -> "ip";
                        };
                    return name == null || name.isEmpty()
                        ? "the default " + label
                        : label + " '" + name + "'";
                  })
              .collect(Collectors.joining(", "));
      String values =
          quotas.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", "));
      return "Quota configs for " + who + " are " + values;
    }
  }

  /** One user's SCRAM credentials: mechanism and iterations, never a password. */
  record Credentials(String user, List<Credential> credentials, String error) {
    String line() {
      if (error != null) {
        return "Error retrieving SCRAM credential configs for user-principal '"
            + user
            + "': "
            + error;
      }
      return "SCRAM credential configs for user-principal '"
          + user
          + "' are "
          + credentials.stream()
              .map(c -> c.mechanism() + "=iterations=" + c.iterations())
              .collect(Collectors.joining(", "));
    }
  }

  record Credential(String mechanism, int iterations) {}

  /** The answer of a describe of users, clients or IPs. */
  record Described(List<Quotas> quotas, List<Credentials> scramCredentials) {}

  private static String quotaType(String entityType) {
    return switch (entityType) {
      case USERS -> ClientQuotaEntity.USER;
      case CLIENTS -> ClientQuotaEntity.CLIENT_ID;
      case IPS -> ClientQuotaEntity.IP;
      default -> throw new IllegalArgumentException("Unexpected entity type: " + entityType);
    };
  }

  /** The quotas of the entities matching the types and names, in the order the broker answers. */
  static Map<ClientQuotaEntity, Map<String, Double>> quotas(
      Admin admin, List<String> types, List<String> names)
      throws ExecutionException, InterruptedException {
    List<ClientQuotaFilterComponent> components = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      String type = quotaType(types.get(i));
      if (i >= names.size()) {
        components.add(ClientQuotaFilterComponent.ofEntityType(type));
      } else if (names.get(i).isEmpty()) {
        components.add(ClientQuotaFilterComponent.ofDefaultEntity(type));
      } else {
        components.add(ClientQuotaFilterComponent.ofEntity(type, names.get(i)));
      }
    }
    return admin.describeClientQuotas(ClientQuotaFilter.containsOnly(components)).entities().get();
  }

  static Described describe(Admin admin, ConfigEntities entities)
      throws ExecutionException, InterruptedException {
    List<Quotas> quotas = new ArrayList<>();
    quotas(admin, entities.types(), entities.names())
        .forEach((entity, values) -> quotas.add(new Quotas(entity.entries(), values)));
    List<Credentials> credentials = new ArrayList<>();
    if (entities.types().equals(List.of(USERS)) && !entities.names().contains("")) {
      DescribeUserScramCredentialsResult result =
          admin.describeUserScramCredentials(entities.names());
      for (String user : result.users().get()) {
        try {
          UserScramCredentialsDescription description = result.description(user).get();
          credentials.add(
              new Credentials(
                  user,
                  description.credentialInfos().stream()
                      .map(c -> new Credential(c.mechanism().mechanismName(), c.iterations()))
                      .toList(),
                  null));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          credentials.add(
              new Credentials(
                  user, List.of(), cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        }
      }
    }
    return new Described(quotas, credentials);
  }

  /**
   * Apache's rules for what an --alter of users, clients or IPs may change; the first broken, as
   * Apache words it, or null.
   */
  static String problem(ConfigEntities entities, ConfigChanges changes) {
    String names = namesProblem(entities, changes);
    return names != null ? names : valuesProblem(changes);
  }

  /** The config names an entity may not take, as Apache words it. */
  private static String namesProblem(ConfigEntities entities, ConfigChanges changes) {
    String type = entities.type();
    Set<String> added = changes.added().keySet();
    List<String> deleted = changes.deleted();
    if (type.equals(IPS)) {
      Set<String> unknown =
          Stream.concat(added.stream(), deleted.stream())
              .filter(k -> !IP_QUOTAS.contains(k))
              .collect(Collectors.toCollection(java.util.TreeSet::new));
      return unknown.isEmpty()
          ? null
          : "Only connection quota configs can be added for 'ips' using --bootstrap-server."
              + " Unexpected config names: "
              + String.join(", ", unknown);
    }
    Set<String> unknownAdded =
        added.stream()
            .filter(k -> !SCRAM.contains(k) && !CLIENT_QUOTAS.contains(k))
            .collect(Collectors.toSet());
    Set<String> unknownDeleted =
        deleted.stream()
            .filter(k -> !SCRAM.contains(k) && !CLIENT_QUOTAS.contains(k))
            .collect(Collectors.toSet());
    boolean scram =
        added.stream().anyMatch(SCRAM::contains) || deleted.stream().anyMatch(SCRAM::contains);
    boolean quota =
        added.stream().anyMatch(CLIENT_QUOTAS::contains)
            || deleted.stream().anyMatch(CLIENT_QUOTAS::contains);
    if (type.equals(CLIENTS) || entities.types().size() == 2) {
      Set<String> addedNotQuota =
          added.stream().filter(k -> !CLIENT_QUOTAS.contains(k)).collect(Collectors.toSet());
      if (!addedNotQuota.isEmpty()) {
        return "Only quota configs can be added for 'clients' using --bootstrap-server. Unexpected"
            + " config names: "
            + String.join(",", addedNotQuota);
      }
      Set<String> deletedNotQuota =
          deleted.stream().filter(k -> !CLIENT_QUOTAS.contains(k)).collect(Collectors.toSet());
      if (!deletedNotQuota.isEmpty()) {
        return "Only quota configs can be deleted for 'clients' using --bootstrap-server."
            + " Unexpected config names: "
            + String.join(",", deletedNotQuota);
      }
      return null;
    }
    if (!unknownAdded.isEmpty()) {
      return "Only quota and SCRAM credential configs can be added for 'users' using"
          + " --bootstrap-server. Unexpected config names: "
          + String.join(",", unknownAdded);
    }
    if (!unknownDeleted.isEmpty()) {
      return "Only quota and SCRAM credential configs can be deleted for 'users' using"
          + " --bootstrap-server. Unexpected config names: "
          + String.join(",", unknownDeleted);
    }
    if (scram && entities.names().stream().anyMatch(String::isEmpty)) {
      return "The use of --entity-default or --user-defaults is not allowed with User SCRAM"
          + " Credentials using --bootstrap-server.";
    }
    if (scram && quota) {
      return "Cannot alter both quota and SCRAM credential configs simultaneously for 'users'"
          + " using --bootstrap-server.";
    }
    return null;
  }

  /** A SCRAM credential that does not parse, or a quota that is not a number, for any entity. */
  private static String valuesProblem(ConfigChanges changes) {
    for (Map.Entry<String, String> e : changes.added().entrySet()) {
      if (SCRAM.contains(e.getKey())) {
        String problem = credential(e.getKey(), e.getValue()).problem();
        if (problem != null) {
          return problem;
        }
      } else {
        try {
          Double.parseDouble(e.getValue());
        } catch (NumberFormatException x) {
          return "Cannot parse quota configuration value for " + e.getKey() + ": " + e.getValue();
        }
      }
    }
    return null;
  }

  /** Whether the run changes SCRAM credentials rather than quotas. */
  static boolean isScram(ConfigChanges changes) {
    return changes.added().keySet().stream().anyMatch(SCRAM::contains)
        || changes.deleted().stream().anyMatch(SCRAM::contains);
  }

  /** A parsed {@code [iterations=N,]password=P}; the problem names neither. */
  record Parsed(int iterations, byte[] password, String problem) {}

  private static final Pattern CREDENTIAL =
      Pattern.compile("(?:iterations=(-?[0-9]*),)?password=(.*)", Pattern.DOTALL);

  static Parsed credential(String mechanism, String value) {
    Matcher m = CREDENTIAL.matcher(value);
    if (!m.matches()) {
      return new Parsed(
          0,
          null,
          "Invalid credential property "
              + mechanism
              + ": write "
              + mechanism
              + "=[iterations=N,password=SECRET], or without the brackets in --add-config-file"
              + " (the value given is not shown)");
    }
    String iterations = m.group(1);
    int n;
    try {
      n =
          iterations != null && !iterations.equals("-1")
              ? Integer.parseInt(iterations)
              : DEFAULT_ITERATIONS;
    } catch (NumberFormatException e) {
      return new Parsed(0, null, "Invalid iterations '" + iterations + "' for " + mechanism);
    }
    if (n < MIN_ITERATIONS) {
      return new Parsed(
          0,
          null,
          "Iterations "
              + n
              + " is less than the minimum "
              + MIN_ITERATIONS
              + " required for "
              + mechanism);
    }
    return new Parsed(n, m.group(2).getBytes(StandardCharsets.UTF_8), null);
  }

  /** One quota as it is and as it will be. */
  record Change(String name, Double current, Double after) {}

  /** Sets and deletes quotas of one entity (validated only with {@code dryRun}). */
  static List<Change> alterQuotas(
      Admin admin, ConfigEntities entities, ConfigChanges changes, boolean dryRun)
      throws ExecutionException, InterruptedException {
    Map<String, Double> current =
        quotas(admin, entities.types(), entities.names()).values().stream()
            .findFirst()
            .orElse(Map.of());
    List<String> invalid = changes.deleted().stream().filter(k -> !current.containsKey(k)).toList();
    if (!invalid.isEmpty()) {
      throw new KafkitException("Invalid config(s): " + String.join(",", invalid));
    }
    Map<String, String> entity = new HashMap<>();
    for (int i = 0; i < entities.types().size(); i++) {
      String name = entities.names().get(i);
      entity.put(quotaType(entities.types().get(i)), name.isEmpty() ? null : name);
    }
    List<ClientQuotaAlteration.Op> ops = new ArrayList<>();
    Map<String, Double> after = new LinkedHashMap<>();
    changes
        .added()
        .forEach(
            (k, v) -> {
              double value = Double.parseDouble(v);
              ops.add(new ClientQuotaAlteration.Op(k, value));
              after.put(k, value);
            });
    changes
        .deleted()
        .forEach(
            k -> {
              ops.add(new ClientQuotaAlteration.Op(k, null));
              after.put(k, null);
            });
    admin
        .alterClientQuotas(
            List.of(new ClientQuotaAlteration(new ClientQuotaEntity(entity), ops)),
            new AlterClientQuotasOptions().validateOnly(dryRun))
        .all()
        .get();
    List<Change> result = new ArrayList<>();
    after.forEach((k, v) -> result.add(new Change(k, current.get(k), v)));
    return result;
  }

  /** One credential a SCRAM change sets (with its iterations) or deletes. */
  record ScramChange(String mechanism, String action, Integer iterations) {}

  /**
   * Adds, replaces and deletes one user's SCRAM credentials. The broker has no dry run for them:
   * with {@code dryRun} nothing is sent, but a mechanism to delete must exist, as the broker would
   * require.
   */
  static List<ScramChange> alterScram(
      Admin admin, String user, ConfigChanges changes, boolean dryRun)
      throws ExecutionException, InterruptedException {
    List<UserScramCredentialAlteration> alterations = new ArrayList<>();
    List<ScramChange> result = new ArrayList<>();
    if (dryRun && !changes.deleted().isEmpty()) {
      List<String> held = mechanisms(admin, user);
      for (String mechanism : changes.deleted()) {
        if (!held.contains(mechanism)) {
          throw new KafkitException(
              "User '" + user + "' has no " + mechanism + " credential to delete.");
        }
      }
    }
    for (String mechanism : changes.deleted()) {
      alterations.add(
          new UserScramCredentialDeletion(user, ScramMechanism.fromMechanismName(mechanism)));
      result.add(new ScramChange(mechanism, "delete", null));
    }
    for (Map.Entry<String, String> e : changes.added().entrySet()) {
      Parsed parsed = credential(e.getKey(), e.getValue());
      ScramMechanism mechanism = ScramMechanism.fromMechanismName(e.getKey());
      alterations.add(
          new UserScramCredentialUpsertion(
              user, new ScramCredentialInfo(mechanism, parsed.iterations()), parsed.password()));
      result.add(new ScramChange(e.getKey(), "set", parsed.iterations()));
    }
    if (!dryRun) {
      admin.alterUserScramCredentials(alterations).all().get();
    }
    return result;
  }

  /** The SCRAM mechanisms a user has credentials for (none for a user without any). */
  private static List<String> mechanisms(Admin admin, String user)
      throws ExecutionException, InterruptedException {
    try {
      return admin
          .describeUserScramCredentials(List.of(user))
          .description(user)
          .get()
          .credentialInfos()
          .stream()
          .map(c -> c.mechanism().mechanismName())
          .toList();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.ResourceNotFoundException) {
        return List.of();
      }
      throw e;
    }
  }
}
