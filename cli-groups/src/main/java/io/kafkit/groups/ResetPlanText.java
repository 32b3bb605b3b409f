package io.kafkit.groups;

import io.kafkit.common.output.Table;
import java.io.PrintWriter;

/** A reset's table (Apache's layout) and its --export CSV (what --from-file reads). */
final class ResetPlanText {
  private ResetPlanText() {}

  static void table(ResetPlan plan, PrintWriter out) {
    if (plan.groups().isEmpty()) {
      out.println(); // Apache's table without a group: no header either
      return;
    }
    // Apache's GROUP column fits every group of the plan, those with no partition to reset too
    int groupWidth = 15;
    for (ResetPlan.GroupPlan g : plan.groups()) {
      groupWidth = Math.max(groupWidth, g.group().length());
    }
    Table table =
        new Table("GROUP", "TOPIC", "PARTITION", "NEW-OFFSET")
            .minWidths(groupWidth, 15, 10)
            .fixed(2);
    for (ResetPlan.GroupPlan g : plan.groups()) {
      for (ResetPlan.NewOffset o : g.offsets()) {
        table.row(g.group(), o.topic(), o.partition(), o.offset());
      }
    }
    out.println();
    table.print(out);
  }

  /** {@code topic,partition,offset}, or {@code group,topic,partition,offset} with the group. */
  static void csv(ResetPlan plan, boolean withGroup, PrintWriter out) {
    for (ResetPlan.GroupPlan g : plan.groups()) {
      for (ResetPlan.NewOffset o : g.offsets()) {
        out.print(
            Csv.line(
                withGroup
                    ? new Csv.WithGroup(g.group(), o.topic(), o.partition(), o.offset())
                    : new Csv.NoGroup(o.topic(), o.partition(), o.offset())));
      }
    }
    out.println(); // Apache ends the CSV with an empty line
  }
}
