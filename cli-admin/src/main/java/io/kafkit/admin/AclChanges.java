package io.kafkit.admin;

import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * kafka-acls.sh's three actions on a cluster's ACLs, with Apache's lines; resources and entries
 * sorted, where Apache's order changes from run to run.
 */
final class AclChanges {
  /** Asks whether to go on, showing the question; true to go on. */
  interface Confirmation {
    boolean test(String question) throws Exception;
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

  private final Admin admin;

  AclChanges(Admin admin) {
    this.admin = admin;
  }

  private static final Comparator<ResourcePattern> BY_RESOURCE =
      Comparator.comparing((ResourcePattern r) -> r.resourceType().name())
          .thenComparing(ResourcePattern::name)
          .thenComparing(r -> r.patternType().name());

  private static final Comparator<AccessControlEntry> BY_ENTRY =
      Comparator.comparing(AccessControlEntry::toString);

  /** Adds what is not there yet: Apache's "already exists" and "Adding ACLs" lines. */
  void add(Map<ResourcePatternFilter, Set<AccessControlEntry>> wanted, PrintWriter out)
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

  /** Removes the entries given (all of a resource's without any), each resource once confirmed. */
  void remove(
      Map<ResourcePatternFilter, Set<AccessControlEntry>> wanted,
      Confirmation confirmed,
      PrintWriter out)
      throws Exception {
    for (Map.Entry<ResourcePatternFilter, Set<AccessControlEntry>> e : wanted.entrySet()) {
      ResourcePatternFilter f = e.getKey();
      // The filter's own text, as Apache prints it: the same as a pattern's, and MATCH and ANY
      // (which a ResourcePattern refuses) print too.
      String shown = f.toString();
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
      if (confirmed.test(question)) {
        admin.deleteAcls(delete).all().get();
      }
    }
  }

  /**
   * Lists the ACLs of these resources (all, without any); with principals, what each may do: its
   * entries and those of User:*.
   */
  void list(
      Set<ResourcePatternFilter> filters,
      List<String> principals,
      OutputOptions output,
      PrintWriter out)
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
                  .filter(
                      a -> principals.isEmpty() || principals.stream().anyMatch(p -> applies(a, p)))
                  .forEach(a -> acls.add(Acl.of(new AclBinding(r, a)))));
      output.print(new View(acls), (v, w) -> {}, out);
      return;
    }
    if (principals.isEmpty()) {
      print(byResource, out);
      return;
    }
    for (String p : new TreeSet<>(principals)) {
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
