package io.kafkit.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The order and layout of a reset plan over several groups, as Apache's tools print it. */
class ResetPlanOrderTest {

  @Test
  void groupsComeInTheOrderOfApachesHashMap() {
    // Apache 4.4.0's kafka-consumer-groups.sh --reset-offsets --dry-run, on Java 17, printed these
    // orders (the same on every run) for these --group options
    assertEquals(
        List.of(
            "fixE-e",
            "fixE-cl",
            "fixE-b",
            "fixE-a",
            "fixE-d",
            "fixE-c",
            "fixE-r",
            "fixE-t2",
            "fixE-q",
            "fixE-t1",
            "fixE-s",
            "fixE-zz",
            "fixE-cg1"),
        ResetOffsets.apacheGroupOrder(
            List.of(
                "fixE-a",
                "fixE-b",
                "fixE-c",
                "fixE-d",
                "fixE-e",
                "fixE-q",
                "fixE-r",
                "fixE-s",
                "fixE-t1",
                "fixE-t2",
                "fixE-zz",
                "fixE-cg1",
                "fixE-cl")));
    assertEquals(
        List.of("fixE-cl", "fixE-cg1", "fixE-cg2"),
        ResetOffsets.apacheGroupOrder(List.of("fixE-cg1", "fixE-cl", "fixE-cg2")));
    assertEquals(
        List.of("fixE-b", "fixE-r", "fixE-a", "fixE-q", "fixE-t1"),
        ResetOffsets.apacheGroupOrder(List.of("fixE-a", "fixE-q", "fixE-t1", "fixE-b", "fixE-r")));
    // whatever order the groups are listed in, but for names that share a slot of the map
    assertEquals(
        List.of("fixE-cl", "fixE-cg1", "fixE-cg2"),
        ResetOffsets.apacheGroupOrder(List.of("fixE-cg2", "fixE-cg1", "fixE-cl")));
  }

  @Test
  void namesThatShareASlotKeepTheCommandLinesOrder() {
    // fixE-a, fixE-q and fixE-t1 share a slot, as fixE-b and fixE-r do: Apache's order among them
    // depends on an identity hash inside its admin client (it printed r, b, q, a, t1 here)
    assertEquals(
        List.of("fixE-r", "fixE-b", "fixE-t1", "fixE-q", "fixE-a"),
        ResetOffsets.apacheGroupOrder(List.of("fixE-r", "fixE-t1", "fixE-q", "fixE-b", "fixE-a")));
  }

  static String text(Consumer<PrintWriter> print) {
    StringWriter s = new StringWriter();
    try (PrintWriter w = new PrintWriter(s)) {
      print.accept(w);
    }
    return s.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void theGroupColumnFitsEveryGroupOfThePlanAsApachesDoes() {
    ResetPlan plan =
        new ResetPlan(
            List.of(
                new ResetPlan.GroupPlan(
                    "billing", List.of(new ResetPlan.NewOffset("orders", 0, 42))),
                new ResetPlan.GroupPlan("a-group-without-a-plan", List.of())),
            false);
    assertEquals(
        "\nGROUP                  TOPIC           PARTITION  NEW-OFFSET\n"
            + "billing                orders          0          42\n",
        text(w -> ResetPlanText.table(plan, w)));
  }

  @Test
  void aPlanWithoutGroupsIsABlankLineAsApachesIs() {
    assertEquals("\n", text(w -> ResetPlanText.table(new ResetPlan(List.of(), false), w)));
  }

  @Test
  void theCsvHasTheGroupColumnUnlessOneGroupWasNamed() {
    ResetPlan plan =
        new ResetPlan(
            List.of(
                new ResetPlan.GroupPlan(
                    "billing", List.of(new ResetPlan.NewOffset("orders", 0, 42)))),
            false);
    assertEquals("orders,0,42\n\n", text(w -> ResetPlanText.csv(plan, false, w)));
    assertEquals("billing,orders,0,42\n\n", text(w -> ResetPlanText.csv(plan, true, w)));
  }
}
