package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kafkit.admin.ReassignmentJson.Move;
import io.kafkit.common.cli.KafkitException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The reassignment files, read with Apache's rules and messages and written as Apache writes. */
class ReassignmentJsonTest {
  static String problem(String text) {
    return assertThrows(KafkitException.class, () -> ReassignmentJson.parsePlan(text, "f.json"))
        .getMessage();
  }

  static String executeProblem(String text) {
    return assertThrows(
            KafkitException.class,
            () ->
                ReassignmentJson.checkExecutable(
                    ReassignmentJson.parsePlan(text, "f.json"), "f.json"))
        .getMessage();
  }

  @Test
  void readsAPlanWithAndWithoutLogDirs() {
    List<Move> plan =
        ReassignmentJson.parsePlan(
            "{\"version\":1,\"partitions\":[{\"topic\":\"foo\",\"partition\":1,\"replicas\":[1,2],"
                + "\"log_dirs\":[\"any\",\"/d\"]},{\"topic\":\"bar\",\"partition\":0,\"replicas\":[3]}]}",
            "f.json");
    assertEquals(
        List.of(
            new Move(new TopicPartition("foo", 1), List.of(1, 2), List.of("any", "/d")),
            new Move(new TopicPartition("bar", 0), List.of(3), List.of("any"))),
        plan);
    assertEquals(List.of(), ReassignmentJson.parsePlan("{\"version\":1}", "f.json"));
  }

  @Test
  void apacheMessagesForBadPlans() {
    assertEquals("f.json: The input string shouldn't be empty", problem(""));
    assertEquals("f.json: Expected JSON object, received [1,2]", problem("[1,2]"));
    assertEquals(
        "f.json: Expected `Integer` value, received \"1\"", problem("{\"version\":\"1\"}"));
    assertEquals("f.json: Not supported version field value 2", problem("{\"version\":2}"));
    assertEquals(
        "f.json: Expected JSON array, received {\"topic\":\"foo\"}",
        problem("{\"partitions\":{\"topic\":\"foo\"}}"));
    assertEquals(
        "f.json: No such field exists: `topic`", problem("{\"partitions\":[{\"partition\":0}]}"));
    assertEquals(
        "f.json: Expected `Integer` value, received \"0\"",
        problem("{\"partitions\":[{\"topic\":\"a\",\"partition\":\"0\",\"replicas\":[1]}]}"));
    assertEquals(
        "f.json: Expected `JSON array` value, received \"1,2\"",
        problem("{\"partitions\":[{\"topic\":\"a\",\"partition\":0,\"replicas\":\"1,2\"}]}"));
    assertEquals(
        "f.json: Size of replicas list [1, 2] is different from size of log dirs list [any] for"
            + " partition a-0",
        problem(
            "{\"partitions\":[{\"topic\":\"a\",\"partition\":0,\"replicas\":[1,2],"
                + "\"log_dirs\":[\"any\"]}]}"));
    assertEquals(
        "f.json: not valid JSON (Unrecognized token 'not': was expecting (JSON String, Number,"
            + " Array, Object or token 'null', 'true' or 'false'))",
        problem("not json"));
  }

  @Test
  void executeRefusesEmptyAndDuplicatedPlans() {
    assertEquals("f.json: Partition reassignment list cannot be empty", executeProblem("{}"));
    assertEquals(
        "f.json: Partition replica list cannot be empty",
        executeProblem("{\"partitions\":[{\"topic\":\"a\",\"partition\":0,\"replicas\":[]}]}"));
    assertEquals(
        "f.json: Partition reassignment contains duplicate topic partitions: a-0",
        executeProblem(
            "{\"partitions\":[{\"topic\":\"a\",\"partition\":0,\"replicas\":[1]},"
                + "{\"topic\":\"a\",\"partition\":0,\"replicas\":[2]}]}"));
    assertEquals(
        "f.json: Partition replica lists may not contain duplicate entries: a-0 contains multiple"
            + " entries for 1. b-1 contains multiple entries for 3",
        executeProblem(
            "{\"partitions\":[{\"topic\":\"a\",\"partition\":0,\"replicas\":[1,1,2]},"
                + "{\"topic\":\"b\",\"partition\":1,\"replicas\":[3,3]}]}"));
  }

  @Test
  void topicsToMove() {
    assertEquals(
        List.of("foo", "foo1"),
        ReassignmentJson.parseTopics(
            "{\"topics\":[{\"topic\":\"foo\"},{\"topic\":\"foo1\"}],\"version\":1}", "t.json"));
    assertEquals(
        "t.json: The input string is not a valid JSON",
        assertThrows(KafkitException.class, () -> ReassignmentJson.parseTopics("{", "t.json"))
            .getMessage());
    assertEquals(
        "t.json: List of topics to reassign contains duplicate entries: [foo]",
        assertThrows(
                KafkitException.class,
                () ->
                    ReassignmentJson.parseTopics(
                        "{\"topics\":[{\"topic\":\"foo\"},{\"topic\":\"foo\"}]}", "t.json"))
            .getMessage());
  }

  @Test
  void writesOneLineSortedAsApacheDoes() {
    assertEquals(
        "{\"version\":1,\"partitions\":[{\"topic\":\"bar\",\"partition\":0,\"replicas\":[1],"
            + "\"log_dirs\":[\"/data/d1\"]},{\"topic\":\"foo\",\"partition\":0,\"replicas\":[1,2],"
            + "\"log_dirs\":[\"any\",\"any\"]},{\"topic\":\"foo\",\"partition\":10,"
            + "\"replicas\":[2,1],\"log_dirs\":[\"any\",\"any\"]}]}",
        ReassignmentJson.format(
            Map.of(
                new TopicPartition("foo", 10), List.of(2, 1),
                new TopicPartition("foo", 0), List.of(1, 2),
                new TopicPartition("bar", 0), List.of(1)),
            Map.of(new TopicPartition("bar", 0), List.of("/data/d1"))));
    assertEquals("{\"version\":1,\"partitions\":[]}", ReassignmentJson.format(Map.of(), Map.of()));
  }
}
