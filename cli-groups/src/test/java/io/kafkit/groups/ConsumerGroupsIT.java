package io.kafkit.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka-consumer-groups.sh's actions against a real cluster, with real consumers. */
class ConsumerGroupsIT {
  static final KafkaCluster cluster = KafkaCluster.single();
  static final AtomicInteger ids = new AtomicInteger();
  static final String APACHE = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";

  static String unique(String prefix) {
    return prefix + "-" + ids.incrementAndGet() + "-" + System.nanoTime() % 100000;
  }

  static CliResult groups(String... args) {
    return new CliRunner(() -> ConsumerGroupsCommand.class).run(cluster.withBootstrap(args));
  }

  static CliResult apache(String... args) {
    return ApacheTools.run(APACHE, cluster.withBootstrap(args));
  }

  /** A topic of 3 partitions with 10 records in each. */
  static String topicWithRecords() {
    String t = cluster.createTopic(unique("orders"), 3);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < 30; i++) {
        p.send(new ProducerRecord<>(t, i % 3, null, ("r" + i).getBytes(StandardCharsets.UTF_8)));
      }
      p.flush();
    }
    return t;
  }

  static void commit(String group, String topic, long... offsets) {
    try (Admin admin = cluster.admin()) {
      Map<TopicPartition, OffsetAndMetadata> m = new java.util.HashMap<>();
      for (int p = 0; p < offsets.length; p++) {
        m.put(new TopicPartition(topic, p), new OffsetAndMetadata(offsets[p]));
      }
      admin.alterConsumerGroupOffsets(group, m).all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<TopicPartition, Long> committed(String group) {
    try (Admin admin = cluster.admin()) {
      Map<TopicPartition, Long> offsets =
          new java.util.TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
      admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .forEach((tp, o) -> offsets.put(tp, o.offset()));
      return offsets;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A consumer of the group that polls in the background until closed. */
  static final class ActiveMember implements AutoCloseable {
    final AtomicBoolean running = new AtomicBoolean(true);
    final CountDownLatch assigned = new CountDownLatch(1);
    final Thread thread;

    ActiveMember(String group, String topic) throws InterruptedException {
      this(group, topic, "classic");
    }

    ActiveMember(String group, String topic, String protocol) throws InterruptedException {
      thread =
          new Thread(
              () -> {
                try (KafkaConsumer<byte[], byte[]> c =
                    new KafkaConsumer<>(
                        Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            cluster.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            group,
                            ConsumerConfig.CLIENT_ID_CONFIG,
                            "member",
                            ConsumerConfig.GROUP_PROTOCOL_CONFIG,
                            protocol,
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            "false"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
                  c.subscribe(List.of(topic));
                  while (running.get()) {
                    c.poll(Duration.ofMillis(100));
                    if (!c.assignment().isEmpty()) {
                      assigned.countDown();
                    }
                  }
                }
              });
      thread.start();
      assertTrue(assigned.await(30, java.util.concurrent.TimeUnit.SECONDS), "the member joined");
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }

  static void awaitMembers(String group, int count) throws Exception {
    try (Admin admin = cluster.admin()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        var d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        if (d.groupState() == org.apache.kafka.common.GroupState.STABLE
            && d.members().size() == count
            && d.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
          return;
        }
        assertTrue(System.nanoTime() < deadline, "the group never settled: " + d);
        Thread.sleep(100);
      }
    }
  }

  static void assertSameAsApache(String... args) {
    CliResult a = apache(args);
    CliResult k = groups(args);
    assertEquals(a.out(), k.out(), String.join(" ", args) + "\napache:\n" + a + "\nkafkit:\n" + k);
  }

  @Test
  void describeListAndStateMatchApacheForAnEmptyAndAnActiveGroup() throws Exception {
    String t = topicWithRecords();
    String g = unique("billing");
    commit(g, t, 4, 5, 6);
    assertSameAsApache("--describe", "--group", g);
    assertSameAsApache("--describe", "--group", g, "--members");
    assertSameAsApache("--describe", "--group", g, "--members", "--verbose");
    assertSameAsApache("--describe", "--group", g, "--state");
    assertSameAsApache("--describe", "--group", g, "--state", "--verbose");
    assertTrue(groups("--describe", "--group", g).err().contains("has no active members"));
    try (ActiveMember member = new ActiveMember(g, t)) {
      assertSameAsApache("--describe", "--group", g);
      assertSameAsApache("--describe", "--group", g, "--members");
      assertSameAsApache("--describe", "--group", g, "--members", "--verbose");
      assertSameAsApache("--describe", "--group", g, "--state");
      CliResult listed = groups("--list", "--state", "Stable");
      assertTrue(
          listed.out().lines().anyMatch(l -> l.startsWith(g + " ") && l.contains("Stable")),
          listed.out());
      assertFalse(groups("--list", "--state", "Empty").out().contains(g + " "));
    }
    try (ActiveMember one = new ActiveMember(g, t);
        ActiveMember two = new ActiveMember(g, t)) {
      awaitMembers(g, 2);
      assertSameAsApache("--describe", "--group", g);
      assertSameAsApache("--describe", "--group", g, "--members");
    }
    // A group without members keeps Apache's 15-character GROUP column, however long its name.
    String longName = unique("a-very-long-group-name-without-members");
    commit(longName, t, 1, 1, 1);
    assertSameAsApache("--describe", "--group", longName, "--members");
    assertSameAsApache("--describe", "--group", longName, "--members", "--verbose");
    CliResult d = groups("--describe", "--group", g, "--verbose");
    assertTrue(d.out().contains("TOTAL-LAG"), d.out());
    assertTrue(d.out().contains(g + " ".repeat(Math.max(1, 16 - g.length())) + "*"), d.out());
  }

  @Test
  void severalGroupsAreDescribedByGroupIdAsApacheDoes() {
    String t = topicWithRecords();
    String zeta = unique("zeta");
    String alpha = unique("alpha");
    commit(zeta, t, 1, 2, 3);
    commit(alpha, t, 4, 5, 6);
    for (List<String> view :
        List.<List<String>>of(List.of(), List.of("--members"), List.of("--state"))) {
      List<String> args = new ArrayList<>(List.of("--describe", "--group", zeta, "--group", alpha));
      args.addAll(view);
      CliResult described = groups(args.toArray(String[]::new));
      assertTrue(
          described.err().indexOf(alpha) < described.err().indexOf(zeta), described.toString());
      assertSameAsApache(args.toArray(String[]::new));
    }
    CliResult offsets = groups("--describe", "--group", zeta, "--group", alpha);
    assertTrue(offsets.out().indexOf(alpha) < offsets.out().indexOf(zeta), offsets.out());
  }

  /**
   * Three group names in different slots of a 16-slot hash map, so that Apache's order is the same
   * on every run, and in an order there that is not the one given.
   */
  static List<String> groupsApacheReorders() {
    while (true) {
      List<String> names = List.of(unique("plan"), unique("plan"), unique("plan"));
      long slots =
          names.stream()
              .mapToInt(n -> (n.hashCode() ^ (n.hashCode() >>> 16)) & 15)
              .distinct()
              .count();
      if (slots == 3 && !ResetOffsets.apacheGroupOrder(names).equals(names)) {
        return names;
      }
    }
  }

  @Test
  void aResetOfSeveralGroupsIsPrintedInApachesOrder() {
    String t = topicWithRecords();
    List<String> names = groupsApacheReorders();
    List<String> args = new ArrayList<>();
    for (String g : names) {
      commit(g, t, 1, 2, 3);
      args.addAll(List.of("--group", g));
    }
    args.addAll(List.of("--reset-offsets", "--topic", t, "--to-earliest", "--dry-run"));
    assertSameAsApache(args.toArray(String[]::new));
    args.add("--export");
    assertSameAsApache(args.toArray(String[]::new));
  }

  @Test
  void groupsOfTheNewConsumerProtocolAreListedAndDescribed() throws Exception {
    String t = topicWithRecords();
    String g = unique("kip848");
    try (ActiveMember member = new ActiveMember(g, t, "consumer")) {
      assertSameAsApache("--describe", "--group", g, "--members", "--verbose");
      assertSameAsApache("--describe", "--group", g, "--state", "--verbose");
      CliResult listed = groups("--list", "--type", "consumer");
      assertTrue(
          listed.out().contains(g + " "),
          listed.out() + "\nall:\n" + groups("--list", "--type", "--state").out());
      assertFalse(groups("--list", "--type", "classic").out().contains(g + " "));
      CliResult all = groups("--describe", "--all-groups", "--members");
      assertTrue(all.out().contains(g + " "), all.out());
    }
  }

  @Test
  void jsonForListDescribeAndResetPlans() throws Exception {
    String t = topicWithRecords();
    String g = unique("json");
    commit(g, t, 1, 2, 3);
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var described = mapper.readTree(groups("--describe", "--group", g, "--output", "json").out());
    var group = described.get("groups").get(0);
    assertEquals("Empty", group.get("state").asText());
    assertEquals(7, group.get("partitions").get(2).get("lag").asLong());
    var plan =
        mapper.readTree(
            groups(
                    "--group",
                    g,
                    "--reset-offsets",
                    "--to-earliest",
                    "--all-topics",
                    "--dry-run",
                    "--output",
                    "json")
                .out());
    assertEquals(0, plan.get("groups").get(0).get("offsets").get(1).get("offset").asLong());
    assertFalse(plan.get("executed").asBoolean());
    var listed = mapper.readTree(groups("--list", "--output", "json").out());
    assertTrue(listed.get("groups").toString().contains(g), listed.toString());
  }

  @Test
  void missingAndDeadGroupsAreErrors() {
    CliResult r = groups("--describe", "--group", "no-such-group");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Error: Consumer group 'no-such-group' does not exist."), r.err());
    assertFalse(r.err().contains("\tat "));
  }

  @Test
  void everyResetSpecResumesWhereItSaid(@TempDir Path dir) throws Exception {
    String t = topicWithRecords();
    String g = unique("reset");
    commit(g, t, 4, 5, 6);
    String[] scope = {"--group", g, "--reset-offsets", "--topic", t};
    record Case(List<String> spec, long p0, long p1, long p2) {}
    List<Case> cases =
        List.of(
            new Case(List.of("--to-earliest"), 0, 0, 0),
            new Case(List.of("--to-latest"), 10, 10, 10),
            new Case(List.of("--to-offset", "3"), 3, 3, 3),
            new Case(List.of("--shift-by", "-2"), 1, 1, 1),
            new Case(List.of("--shift-by", "100"), 10, 10, 10),
            new Case(List.of("--to-current"), 10, 10, 10),
            new Case(List.of("--to-datetime", "2000-01-01T00:00:00.000"), 0, 0, 0),
            new Case(List.of("--by-duration", "PT0S"), 10, 10, 10));
    for (Case c : cases) {
      List<String> args = new ArrayList<>(List.of(scope));
      args.addAll(c.spec());
      Map<TopicPartition, Long> before = committed(g);
      CliResult dry = groups(args.toArray(new String[0]));
      assertEquals(0, dry.exitCode(), dry.toString());
      assertEquals(before, committed(g), "a dry run changes nothing: " + c);
      args.add("--execute");
      CliResult done = groups(args.toArray(new String[0]));
      assertEquals(0, done.exitCode(), done.toString());
      assertEquals(dry.out(), done.out(), "the dry run showed what --execute did");
      Map<TopicPartition, Long> after = committed(g);
      assertEquals(
          List.of(c.p0(), c.p1(), c.p2()),
          List.of(
              after.get(new TopicPartition(t, 0)),
              after.get(new TopicPartition(t, 1)),
              after.get(new TopicPartition(t, 2))),
          c.toString());
    }
    assertSameAsApache(
        "--group", g, "--reset-offsets", "--to-offset", "4", "--topic", t + ":1", "--export");
    assertSameAsApache(
        "--group", g, "--reset-offsets", "--to-offset", "4", "--topic", t + ":1", "--dry-run");
    // Where a consumer of the group resumes after a reset: the offsets the reset set.
    groups("--group", g, "--reset-offsets", "--to-offset", "6", "--topic", t, "--execute");
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                g,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      c.subscribe(List.of(t));
      Map<Integer, Long> first = new java.util.HashMap<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (first.size() < 3 && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(r -> first.putIfAbsent(r.partition(), r.offset()));
      }
      assertEquals(Map.of(0, 6L, 1, 6L, 2, 6L), first, "resumed where the reset said");
    }
    // Export, change, then read the export back.
    commit(g, t, 7, 8, 9);
    CliResult exported =
        groups("--group", g, "--reset-offsets", "--to-current", "--all-topics", "--export");
    Path csv = dir.resolve("plan.csv");
    Files.writeString(csv, exported.out());
    assertTrue(exported.out().lines().anyMatch((t + ",0,7")::equals), exported.out());
    commit(g, t, 0, 0, 0);
    CliResult fromFile =
        groups("--group", g, "--reset-offsets", "--from-file", csv.toString(), "--execute");
    assertEquals(0, fromFile.exitCode(), fromFile.toString());
    assertEquals(List.of(7L, 8L, 9L), new ArrayList<>(committed(g).values()));

    // spaces around the numbers, as Apache's reader takes them
    Path spaced = Files.writeString(dir.resolve("spaced.csv"), t + ", 0, 3\n" + t + ",1 , 4\n");
    String[] fromSpaced = {"--group", g, "--reset-offsets", "--from-file", spaced.toString()};
    assertSameAsApache(fromSpaced);
    CliResult spacedPlan = groups(fromSpaced);
    assertTrue(spacedPlan.out().lines().anyMatch(l -> l.matches(".* 1 +4")), spacedPlan.out());

    // a plan without a row for the group resets nothing, and says so: a failure
    Path others = Files.writeString(dir.resolve("others.csv"), "someone-else," + t + ",0,1\n");
    String[] noPlan = {
      "--group", g, "--reset-offsets", "--from-file", others.toString(), "--execute"
    };
    CliResult none = groups(noPlan);
    assertEquals(1, none.exitCode(), none.toString());
    assertEquals("Error: No reset plan for group " + g + " found.\n", none.err());
    String[] noPlanDry = {"--group", g, "--reset-offsets", "--from-file", others.toString()};
    assertEquals(
        apache(noPlanDry).out().replace("\nError: No reset plan for group " + g + " found.\n", ""),
        groups(noPlanDry).out());
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    CliResult fromEmpty =
        groups("--group", g, "--reset-offsets", "--from-file", empty.toString(), "--execute");
    assertEquals(1, fromEmpty.exitCode(), fromEmpty.toString());
    assertEquals(
        "Error: The file " + empty + " is empty: it has no offsets to reset.\n", fromEmpty.err());
    assertEquals("", fromEmpty.out());
    assertEquals(List.of(7L, 8L, 9L), new ArrayList<>(committed(g).values()), "nothing reset");
  }

  @Test
  void anActiveGroupIsNeitherResetNorDeleted() throws Exception {
    String t = topicWithRecords();
    String g = unique("busy");
    commit(g, t, 1, 1, 1);
    String idle = unique("idle");
    commit(idle, t, 5, 5, 5);
    try (ActiveMember member = new ActiveMember(g, t)) {
      // Reset with an idle group, as --all-groups would: the idle one is reset, the busy one is
      // reported and left alone, and the exit code says that not every group was reset.
      CliResult reset =
          groups(
              "--group",
              g,
              "--group",
              idle,
              "--reset-offsets",
              "--to-earliest",
              "--topic",
              t,
              "--execute");
      assertEquals(1, reset.exitCode(), reset.toString());
      assertTrue(reset.out().contains(idle + " "), reset.out());
      assertFalse(reset.out().contains(g + " "), reset.out());
      assertEquals(List.of(0L, 0L, 0L), new ArrayList<>(committed(idle).values()));
      assertTrue(
          reset
              .err()
              .contains(
                  "Assignments can only be reset if the group '"
                      + g
                      + "' is inactive, but the current state is Stable."),
          reset.err());
      CliResult delete = groups("--delete", "--group", g);
      assertEquals(1, delete.exitCode(), delete.toString());
      assertTrue(delete.err().contains("could not be deleted due to"), delete.err());
    }
    assertEquals(List.of(1L, 1L, 1L), new ArrayList<>(committed(g).values()), "nothing changed");
    CliResult deleted = groups("--delete", "--group", g);
    assertEquals(0, deleted.exitCode(), deleted.toString());
    assertEquals(
        "Deletion of requested consumer groups ('" + g + "') was successful.\n", deleted.out());
    CliResult dead = groups("--describe", "--group", g);
    assertEquals(1, dead.exitCode(), "a deleted group is described as missing: " + dead);
    assertTrue(
        dead.err().contains("Error: Consumer group '" + g + "' does not exist."), dead.err());
  }

  @Test
  void deleteOffsets() {
    String t = topicWithRecords();
    String g = unique("forget");
    commit(g, t, 2, 2, 2);
    CliResult r = groups("--delete-offsets", "--group", g, "--topic", t + ":1");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(
        r.out().startsWith("Request succeeded for deleting offsets from group " + g + ".\n"),
        r.out());
    assertTrue(r.out().contains(String.format("%-15s %-10s %-15s%n", t, 1, "Successful")), r.out());
    assertEquals(2, committed(g).size());
    CliResult missing = groups("--delete-offsets", "--group", unique("nosuch"), "--topic", t);
    assertEquals(1, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("Error: The group id does not exist."), missing.err());
  }

  @Test
  void jsonForDeleteDeleteOffsetsAndValidateRegex() throws Exception {
    String t = topicWithRecords();
    String g = unique("json-forget");
    commit(g, t, 2, 2, 2);
    CliResult offsets =
        groups("--delete-offsets", "--group", g, "--topic", t + ":1", "--output", "json");
    assertEquals(0, offsets.exitCode(), offsets.toString());
    JsonNode doc = new ObjectMapper().readTree(offsets.out());
    assertEquals(g, doc.get("group").asText());
    assertEquals("Successful", doc.get("partitions").get(0).get("status").asText());
    assertEquals(1, doc.get("partitions").get(0).get("partition").asInt());

    String missing = unique("json-nosuch");
    CliResult delete = groups("--delete", "--group", g, "--group", missing, "--output", "json");
    assertEquals(1, delete.exitCode(), delete.toString());
    JsonNode deleted = new ObjectMapper().readTree(delete.out());
    assertEquals(g, deleted.get("deleted").get(0).asText());
    assertTrue(deleted.get("failed").has(missing), delete.out());
    assertTrue(delete.err().contains("Group '" + missing + "' could not be deleted"), delete.err());

    JsonNode regex =
        new ObjectMapper().readTree(groups("--validate-regex", "a(b", "--output", "json").out());
    assertFalse(regex.get("valid").asBoolean());
    assertEquals("a(b", regex.get("regex").asText());

    CliResult export =
        groups(
            "--reset-offsets",
            "--group",
            g,
            "--all-topics",
            "--to-earliest",
            "--export",
            "--output",
            "json");
    assertEquals(2, export.exitCode(), export.toString());
  }

  @Test
  void validateRegexAnswersAsApacheDoes() {
    CliResult valid = groups("--validate-regex", "orders-.*");
    assertEquals(0, valid.exitCode(), valid.toString());
    assertEquals(apache("--validate-regex", "orders-.*").out(), valid.out());
    for (String bad : List.of("a(b", "a(?=b)")) {
      CliResult invalid = groups("--validate-regex", bad);
      assertEquals(1, invalid.exitCode(), "an invalid expression is a failure: " + invalid);
      assertEquals(apache("--validate-regex", bad).out(), invalid.out());
    }
  }

  @Test
  void aResetToAFutureTimeWarnsAndFallsBackToTheEnd() {
    String t = topicWithRecords();
    String g = unique("future");
    commit(g, t, 1, 1, 1);
    CliResult r =
        groups(
            "--group",
            g,
            "--reset-offsets",
            "--to-datetime",
            "2099-01-01T00:00:00.000",
            "--topic",
            t,
            "--dry-run");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(
        r.err()
            .contains(
                "Warn: Partition 0 from topic " + t + " is empty. Falling back to latest known"),
        r.err());
    String row = java.util.regex.Pattern.quote(g) + " +" + java.util.regex.Pattern.quote(t);
    assertTrue(r.out().lines().anyMatch(l -> l.matches(row + " +0 +10")), r.out());
  }

  @Test
  void usageErrors() {
    CliResult r = groups("--describe");
    assertEquals(2, r.exitCode());
    assertTrue(
        r.err().contains("Option [describe] takes one of these options: [all-groups], [group]"),
        r.err());
    assertTrue(
        groups("--reset-offsets", "--group", "g", "--to-earliest")
            .err()
            .contains("One of the reset scopes should be defined: --all-topics, --topic."));
    assertTrue(
        groups("--describe", "--group", "g", "--members", "--state")
            .err()
            .contains("takes at most one of these options"));
    assertEquals(2, groups("--list", "--describe").exitCode());
  }
}
