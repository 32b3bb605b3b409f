package io.kafkit.groups;

import io.kafkit.common.output.Table;
import java.io.PrintWriter;

/** A reset's table (Apache's layout) and its --export CSV (what --from-file reads). */
final class ResetPlanText {
  private ResetPlanText() {}

  static void table(ResetPlan plan, PrintWriter out) {
    Table table =
        new Table("GROUP", "TOPIC", "PARTITION", "NEW-OFFSET").minWidths(15, 15, 10).fixed(2);
    for (ResetPlan.GroupPlan g : plan.groups()) {
      for (ResetPlan.NewOffset o : g.offsets()) {
        table.row(g.group(), o.topic(), o.partition(), o.offset());
      }
    }
    out.println();
    table.print(out);
  }

  /**
   * {@code topic,partition,offset} for one group, {@code group,topic,partition,offset} for more.
   */
  static void csv(ResetPlan plan, PrintWriter out) {
    boolean many = plan.groups().size() > 1;
    for (ResetPlan.GroupPlan g : plan.groups()) {
      for (ResetPlan.NewOffset o : g.offsets()) {
        out.print(
            Csv.line(
                many
                    ? new Csv.WithGroup(g.group(), o.topic(), o.partition(), o.offset())
                    : new Csv.NoGroup(o.topic(), o.partition(), o.offset())));
      }
    }
    out.println(); // Apache ends the CSV with an empty line
  }
}
