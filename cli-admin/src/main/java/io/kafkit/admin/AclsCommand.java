package io.kafkit.admin;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit acls}: kafka-acls.sh, who may do what: add, remove and list ACLs, with Apache's
 * lines (in a stable order) and its conveniences --producer and --consumer; an ACL that could never
 * match is refused before anything is written.
 */
@Command(
    name = "acls",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "This tool helps to manage acls on kafka.")
public final class AclsCommand implements Callable<Integer> {
  private static final String CLUSTER = "kafka-cluster";
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(
      names = "--bootstrap-controller",
      paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "The KRaft controllers to connect to, instead of --bootstrap-server.")
  void bootstrapController(String controllers) {
    connection.bootstrapController(controllers);
  }

  @Option(names = "--add", description = "Add ACLs.")
  boolean add;

  @Option(names = "--remove", description = "Remove ACLs (asks first, unless --force).")
  boolean remove;

  @Option(names = "--list", description = "List ACLs (of the resources given, or all).")
  boolean list;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "A topic; repeatable.")
  List<String> topics = new ArrayList<>();

  @Option(names = "--cluster", description = "The cluster.")
  boolean cluster;

  @Option(names = "--group", paramLabel = "GROUP", description = "A group; repeatable.")
  List<String> groups = new ArrayList<>();

  @Option(
      names = "--transactional-id",
      paramLabel = "ID",
      description = "A transactional id; repeatable.")
  List<String> transactionalIds = new ArrayList<>();

  @Option(
      names = "--delegation-token",
      paramLabel = "TOKEN_ID",
      description = "A delegation token; repeatable.")
  List<String> delegationTokens = new ArrayList<>();

  @Option(
      names = "--user-principal",
      paramLabel = "USER",
      description = "A user, as a resource (its tokens); repeatable.")
  List<String> userPrincipals = new ArrayList<>();

  @Option(
      names = "--resource-pattern-type",
      paramLabel = "TYPE",
      defaultValue = "LITERAL",
      converter = PatternTypes.class,
      description =
          "literal (default), prefixed; with --list or --remove also any or match (every pattern"
              + " that matches).")
  PatternType patternType;

  @Option(
      names = "--operation",
      paramLabel = "OPERATION",
      description = "An operation: Read, Write, Create, Describe, ...; repeatable (default All).")
  List<String> operations = new ArrayList<>();

  @Option(
      names = "--allow-principal",
      paramLabel = "TYPE:NAME",
      description = "A principal allowed, as User:alice; repeatable.")
  List<String> allowPrincipals = new ArrayList<>();

  @Option(
      names = "--deny-principal",
      paramLabel = "TYPE:NAME",
      description = "A principal denied; repeatable.")
  List<String> denyPrincipals = new ArrayList<>();

  @Option(
      names = "--principal",
      paramLabel = "TYPE:NAME",
      description = "With --list: what this principal may do, over every resource; repeatable.")
  List<String> principals = new ArrayList<>();

  @Option(
      names = "--allow-host",
      paramLabel = "IP",
      description = "A host the allowed principals come from (default *); repeatable.")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--deny-host",
      paramLabel = "IP",
      description = "A host the denied principals come from (default *); repeatable.")
  List<String> denyHosts = new ArrayList<>();

  @Option(
      names = "--producer",
      description = "A producer's ACLs: Write, Describe, Create on --topic, ...")
  boolean producer;

  @Option(names = "--idempotent", description = "With --producer: IdempotentWrite on the cluster.")
  boolean idempotent;

  @Option(
      names = "--consumer",
      description = "A consumer's ACLs: Read, Describe on --topic, Read on --group.")
  boolean consumer;

  @Option(names = "--force", description = "With --remove: do not ask.")
  boolean force;

  public AclsCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    check();
    Set<AclOperation> ops = operations();
    Map<ResourcePatternFilter, Set<AccessControlEntry>> wanted = wanted(ops);
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      if (add) {
        output.refuseJson("--add");
        new AclChanges(admin).add(wanted, out);
      } else if (remove) {
        output.refuseJson("--remove");
        new AclChanges(admin).remove(wanted, question -> force || confirm(question, out), out);
      } else {
        new AclChanges(admin)
            .list(wanted.keySet(), principals.stream().map(this::principal).toList(), output, out);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Apache's checks, in its order and words; each a usage error. */
  private void check() {
    int actions = (add ? 1 : 0) + (remove ? 1 : 0) + (list ? 1 : 0);
    if (actions != 1) {
      throw usage("Command must include exactly one action: --list, --add, --remove.");
    }
    invalid(
        list,
        "list",
        Map.of(
            "producer",
            producer,
            "consumer",
            consumer,
            "allow-host",
            !allowHosts.isEmpty(),
            "allow-principal",
            !allowPrincipals.isEmpty(),
            "deny-host",
            !denyHosts.isEmpty(),
            "deny-principal",
            !denyPrincipals.isEmpty()),
        List.of(
            "producer",
            "consumer",
            "allow-host",
            "allow-principal",
            "deny-host",
            "deny-principal"));
    Map<String, Boolean> convenience =
        Map.of(
            "operation", !operations.isEmpty(),
            "deny-principal", !denyPrincipals.isEmpty(),
            "deny-host", !denyHosts.isEmpty());
    List<String> order = List.of("operation", "deny-principal", "deny-host");
    invalid(producer, "producer", convenience, order);
    invalid(consumer, "consumer", convenience, order);
    if (!principals.isEmpty() && !list) {
      throw usage("The --principal option is only available if --list is set");
    }
    if (producer && topics.isEmpty()) {
      throw usage("With --producer you must specify a --topic");
    }
    if (idempotent && !producer) {
      throw usage("The --idempotent option is only available if --producer is set");
    }
    if (consumer
        && (topics.isEmpty()
            || groups.isEmpty()
            || (!producer && (cluster || !transactionalIds.isEmpty())))) {
      throw usage(
          "With --consumer you must specify a --topic and a --group and no --cluster or"
              + " --transactional-id option should be specified.");
    }
    if (add && !patternType.isSpecific()) {
      throw usage(
          "A '--resource-pattern-type' value of '"
              + patternType
              + "' is not valid when adding acls.");
    }
    for (String host : concat(allowHosts, denyHosts)) {
      String h = host.trim();
      if (!h.equals("*") && !IPV4.matcher(h).matches() && !h.contains(":")) {
        throw usage(
            "'"
                + h
                + "' is not a host an ACL can match: give an IP address (as the broker sees the"
                + " client) or *.");
      }
    }
    concat(concat(allowPrincipals, denyPrincipals), principals).forEach(this::principal);
  }

  private void invalid(
      boolean action, String name, Map<String, Boolean> given, List<String> order) {
    if (!action) {
      return;
    }
    for (String option : order) {
      if (given.get(option)) {
        throw usage("Option \"[" + name + "]\" can't be used with option \"[" + option + "]\"");
      }
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** {@code Type:name}, as Kafka parses a principal. */
  private String principal(String given) {
    String p = given.trim();
    String[] parts = p.split(":", 2);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw usage(
          "expected a string in format principalType:principalName but got "
              + p
              + " (as User:"
              + p
              + ")");
    }
    return p;
  }

  /** The --operation values (default All); an unknown name is a usage error. */
  private Set<AclOperation> operations() {
    if (operations.isEmpty()) {
      return EnumSet.of(AclOperation.ALL);
    }
    Set<AclOperation> ops = new LinkedHashSet<>();
    for (String given : operations) {
      ops.add(
          AclOperations.parse(given)
              .orElseThrow(
                  () ->
                      usage(
                          "'"
                              + given
                              + "' is not an operation; the operations are "
                              + AclOperations.names())));
    }
    return ops;
  }

  /** The resources named, each with the ACLs to add or remove on it, in a stable order. */
  private Map<ResourcePatternFilter, Set<AccessControlEntry>> wanted(Set<AclOperation> ops) {
    Map<ResourcePatternFilter, Set<AccessControlEntry>> wanted = new LinkedHashMap<>();
    Set<ResourcePatternFilter> resources = resources();
    if (resources.isEmpty() && !list) {
      throw usage(
          "You must provide at least one resource: --topic <topic> or --cluster or --group <group>"
              + " or --delegation-token <Delegation Token ID>");
    }
    if (producer || consumer) {
      for (ResourcePatternFilter r : resources) {
        Set<AclOperation> conv = EnumSet.noneOf(AclOperation.class);
        if (producer && r.resourceType() == ResourceType.TOPIC) {
          conv.addAll(List.of(AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE));
        }
        if (producer && r.resourceType() == ResourceType.TRANSACTIONAL_ID) {
          conv.addAll(List.of(AclOperation.WRITE, AclOperation.DESCRIBE));
        }
        if (producer && idempotent && r.resourceType() == ResourceType.CLUSTER) {
          conv.add(AclOperation.IDEMPOTENT_WRITE);
        }
        if (consumer && r.resourceType() == ResourceType.TOPIC) {
          conv.addAll(List.of(AclOperation.READ, AclOperation.DESCRIBE));
        }
        if (consumer && r.resourceType() == ResourceType.GROUP) {
          conv.add(AclOperation.READ);
        }
        if (!conv.isEmpty()) {
          wanted.put(r, entries(conv));
        }
      }
    } else {
      for (ResourcePatternFilter r : resources) {
        wanted.put(r, entries(ops));
      }
    }
    if (add || remove) {
      for (Map.Entry<ResourcePatternFilter, Set<AccessControlEntry>> e : wanted.entrySet()) {
        Set<AclOperation> valid = EnumSet.of(AclOperation.ALL);
        valid.addAll(AclOperations.SUPPORTED.get(e.getKey().resourceType()));
        for (AccessControlEntry acl : e.getValue()) {
          if (!valid.contains(acl.operation())) {
            throw usage(
                "ResourceType "
                    + e.getKey().resourceType()
                    + " only supports operations "
                    + valid.stream()
                        .map(AclOperation::name)
                        .collect(Collectors.joining(", ", "[", "]")));
          }
        }
      }
    }
    if (add && wanted.values().stream().anyMatch(Set::isEmpty)) {
      throw usage(
          "You must specify one of: --allow-principal, --deny-principal when trying to add ACLs.");
    }
    return wanted;
  }

  private Set<ResourcePatternFilter> resources() {
    Set<ResourcePatternFilter> resources = new LinkedHashSet<>();
    topics.forEach(t -> resources.add(filter(ResourceType.TOPIC, t.trim())));
    if ((cluster || idempotent) && patternType == PatternType.LITERAL) {
      resources.add(filter(ResourceType.CLUSTER, CLUSTER));
    } else if (idempotent) {
      resources.add(new ResourcePatternFilter(ResourceType.CLUSTER, CLUSTER, PatternType.LITERAL));
    }
    groups.forEach(g -> resources.add(filter(ResourceType.GROUP, g.trim())));
    transactionalIds.forEach(t -> resources.add(filter(ResourceType.TRANSACTIONAL_ID, t)));
    delegationTokens.forEach(t -> resources.add(filter(ResourceType.DELEGATION_TOKEN, t.trim())));
    userPrincipals.forEach(u -> resources.add(filter(ResourceType.USER, u.trim())));
    return resources;
  }

  private ResourcePatternFilter filter(ResourceType type, String name) {
    return new ResourcePatternFilter(type, name, patternType);
  }

  private Set<AccessControlEntry> entries(Set<AclOperation> ops) {
    Set<AccessControlEntry> entries = new LinkedHashSet<>();
    List<String> allowFrom = allowHosts.isEmpty() ? List.of("*") : allowHosts;
    List<String> denyFrom = denyHosts.isEmpty() ? List.of("*") : denyHosts;
    for (AclOperation op : ops) {
      for (String p : allowPrincipals) {
        for (String host : allowFrom) {
          entries.add(
              new AccessControlEntry(principal(p), host.trim(), op, AclPermissionType.ALLOW));
        }
      }
      for (String p : denyPrincipals) {
        for (String host : denyFrom) {
          entries.add(
              new AccessControlEntry(principal(p), host.trim(), op, AclPermissionType.DENY));
        }
      }
    }
    return entries;
  }

  private boolean confirm(String question, PrintWriter out) throws Exception {
    if (!environment.terminal()) {
      throw new KafkitException(
          "--remove asks before it deletes, and this is not a terminal: give --force to remove"
              + " without asking.");
    }
    out.println(question);
    out.flush();
    String answer =
        new BufferedReader(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8))
            .readLine();
    return answer != null && answer.trim().equalsIgnoreCase("y");
  }

  /** literal, prefixed, any or match, in any case; never UNKNOWN, which is no pattern type. */
  static final class PatternTypes implements CommandLine.ITypeConverter<PatternType> {
    @Override
    public PatternType convert(String value) {
      PatternType type = PatternType.fromString(value.strip().toUpperCase(Locale.ROOT));
      if (type == PatternType.UNKNOWN) {
        throw new CommandLine.TypeConversionException(
            "expected literal, prefixed, any or match, not '" + value + "'");
      }
      return type;
    }
  }
}
