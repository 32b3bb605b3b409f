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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
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

  private static final Map<ResourceType, Set<AclOperation>> SUPPORTED =
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

  /** One ACL, as --output json lists it. */
  record Acl(
      String resourceType,
      String name,
      String patternType,
      String principal,
      String host,
      String operation,
      String permission) {
    static Acl of(AclBinding b) {
      return new Acl(
          b.pattern().resourceType().name(),
          b.pattern().name(),
          b.pattern().patternType().name(),
          b.entry().principal(),
          b.entry().host(),
          b.entry().operation().name(),
          b.entry().permissionType().name());
    }
  }

  record View(List<Acl> acls) {}

  @Override
  public Integer call() throws Exception {
    check();
    Set<AclOperation> ops = operations();
    Map<ResourcePatternFilter, Set<AccessControlEntry>> wanted = wanted(ops);
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      if (add) {
        output.refuseJson("--add");
        add(admin, wanted, out);
      } else if (remove) {
        output.refuseJson("--remove");
        remove(admin, wanted, out);
      } else {
        list(admin, wanted.keySet(), out);
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
    if (patternType == PatternType.UNKNOWN) {
      throw usage("--resource-pattern-type takes literal, prefixed, any or match.");
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

  /** Apache's names: Read, IdempotentWrite, or upper case with or without underscores. */
  private Set<AclOperation> operations() {
    if (operations.isEmpty()) {
      return EnumSet.of(AclOperation.ALL);
    }
    Set<AclOperation> ops = new LinkedHashSet<>();
    for (String given : operations) {
      String key = given.trim().toUpperCase(Locale.ROOT).replace("_", "");
      AclOperation op =
          EnumSet.allOf(AclOperation.class).stream()
              .filter(o -> o != AclOperation.UNKNOWN && o != AclOperation.ANY)
              .filter(o -> o.name().replace("_", "").equals(key))
              .findFirst()
              .orElseThrow(
                  () ->
                      usage(
                          "'"
                              + given
                              + "' is not an operation; the operations are "
                              + EnumSet.allOf(AclOperation.class).stream()
                                  .filter(o -> o != AclOperation.UNKNOWN && o != AclOperation.ANY)
                                  .map(AclsCommand::pascal)
                                  .collect(Collectors.joining(", "))));
      ops.add(op);
    }
    return ops;
  }

  private static String pascal(AclOperation op) {
    return java.util.Arrays.stream(op.name().split("_"))
        .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
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
        valid.addAll(SUPPORTED.get(e.getKey().resourceType()));
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

  private static final Comparator<ResourcePattern> BY_RESOURCE =
      Comparator.comparing((ResourcePattern r) -> r.resourceType().name())
          .thenComparing(ResourcePattern::name)
          .thenComparing(r -> r.patternType().name());

  private static final Comparator<AccessControlEntry> BY_ENTRY =
      Comparator.comparing(AccessControlEntry::toString);

  private void add(
      Admin admin, Map<ResourcePatternFilter, Set<AccessControlEntry>> wanted, PrintWriter out)
      throws Exception {
    List<AclBinding> create = new ArrayList<>();
    for (Map.Entry<ResourcePatternFilter, Set<AccessControlEntry>> e : wanted.entrySet()) {
      ResourcePatternFilter f = e.getKey();
      ResourcePattern resource = new ResourcePattern(f.resourceType(), f.name(), f.patternType());
      Set<AccessControlEntry> existing =
          admin
              .describeAcls(new AclBindingFilter(resource.toFilter(), AccessControlEntryFilter.ANY))
              .values()
              .get()
              .stream()
              .map(AclBinding::entry)
              .collect(Collectors.toSet());
      List<AccessControlEntry> fresh = new ArrayList<>();
      for (AccessControlEntry acl : sorted(e.getValue())) {
        if (existing.contains(acl)) {
          out.println("Acl " + new AclBinding(resource, acl) + " already exists.");
        } else {
          fresh.add(acl);
        }
      }
      if (!fresh.isEmpty()) {
        out.println(
            "Adding ACLs for resource `"
                + resource
                + "`: "
                + System.lineSeparator()
                + " "
                + fresh.stream()
                    .map(a -> "\t" + a)
                    .collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator());
        fresh.forEach(a -> create.add(new AclBinding(resource, a)));
      }
    }
    out.flush();
    if (!create.isEmpty()) {
      admin.createAcls(create).all().get();
    }
  }

  private void remove(
      Admin admin, Map<ResourcePatternFilter, Set<AccessControlEntry>> wanted, PrintWriter out)
      throws Exception {
    for (Map.Entry<ResourcePatternFilter, Set<AccessControlEntry>> e : wanted.entrySet()) {
      ResourcePatternFilter f = e.getKey();
      String shown = new ResourcePattern(f.resourceType(), f.name(), f.patternType()).toString();
      List<AclBindingFilter> delete = new ArrayList<>();
      String question;
      if (e.getValue().isEmpty()) {
        question =
            "Are you sure you want to delete all ACLs for resource filter `" + shown + "`? (y/n)";
        delete.add(new AclBindingFilter(f, AccessControlEntryFilter.ANY));
      } else {
        question =
            "Are you sure you want to remove ACLs: "
                + System.lineSeparator()
                + " "
                + sorted(e.getValue()).stream()
                    .map(a -> "\t" + a)
                    .collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator()
                + " from resource filter `"
                + shown
                + "`? (y/n)";
        sorted(e.getValue()).forEach(a -> delete.add(new AclBindingFilter(f, a.toFilter())));
      }
      if (force || confirm(question, out)) {
        admin.deleteAcls(delete).all().get();
      }
    }
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

  private void list(Admin admin, Set<ResourcePatternFilter> filters, PrintWriter out)
      throws Exception {
    List<AclBinding> found = new ArrayList<>();
    if (filters.isEmpty()) {
      found.addAll(admin.describeAcls(AclBindingFilter.ANY).values().get());
    } else {
      for (ResourcePatternFilter f : filters) {
        found.addAll(
            admin
                .describeAcls(new AclBindingFilter(f, AccessControlEntryFilter.ANY))
                .values()
                .get());
      }
    }
    Map<ResourcePattern, Set<AccessControlEntry>> byResource = new TreeMap<>(BY_RESOURCE);
    for (AclBinding b : found) {
      byResource.computeIfAbsent(b.pattern(), r -> new TreeSet<>(BY_ENTRY)).add(b.entry());
    }
    if (output.json()) {
      List<Acl> acls = new ArrayList<>();
      byResource.forEach(
          (r, entries) ->
              entries.stream()
                  .filter(a -> principals.isEmpty() || appliesToAny(a))
                  .forEach(a -> acls.add(Acl.of(new AclBinding(r, a)))));
      output.print(new View(acls), (v, w) -> {}, out);
      return;
    }
    if (principals.isEmpty()) {
      print(byResource, out);
      return;
    }
    for (String p : new TreeSet<>(principals.stream().map(this::principal).toList())) {
      out.println("ACLs for principal `" + p + "`");
      Map<ResourcePattern, Set<AccessControlEntry>> mine = new TreeMap<>(BY_RESOURCE);
      byResource.forEach(
          (r, entries) -> {
            Set<AccessControlEntry> applying = new TreeSet<>(BY_ENTRY);
            entries.stream().filter(a -> applies(a, p)).forEach(applying::add);
            if (!applying.isEmpty()) {
              mine.put(r, applying);
            }
          });
      print(mine, out);
    }
  }

  /** An entry of this principal, or of every user (User:*): what the principal may do. */
  private static boolean applies(AccessControlEntry acl, String principal) {
    return acl.principal().equals(principal)
        || (acl.principal().equals("User:*") && principal.startsWith("User:"));
  }

  private boolean appliesToAny(AccessControlEntry acl) {
    return principals.stream().map(String::trim).anyMatch(p -> applies(acl, p));
  }

  private static void print(
      Map<ResourcePattern, Set<AccessControlEntry>> byResource, PrintWriter out) {
    byResource.forEach(
        (r, entries) ->
            out.println(
                "Current ACLs for resource `"
                    + r
                    + "`:"
                    + System.lineSeparator()
                    + entries.stream()
                        .map(a -> "\t" + a)
                        .collect(Collectors.joining(System.lineSeparator()))
                    + System.lineSeparator()));
  }

  private static List<AccessControlEntry> sorted(Set<AccessControlEntry> entries) {
    return entries.stream().sorted(BY_ENTRY).toList();
  }
}
