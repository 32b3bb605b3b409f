package io.kafkit.groups;

import java.io.PrintWriter;

/** A reset's table (Apache's layout) and its --export CSV (what --from-file reads). */
final class ResetPlanText {
  private ResetPlanText() {}

  static void table(ResetPlan plan, PrintWriter out) {
    int group = 15;
    int topic = 15;
    for (ResetPlan.GroupPlan g : plan.groups()) {
      group = Math.max(group, g.group().length());
      for (ResetPlan.NewOffset o : g.offsets()) {
        topic = Math.max(topic, o.topic().length());
      }
    }
    String format = "%-" + group + "s %-" + topic + "s %-10s %s";
    out.println();
    out.println(String.format(format, "GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"));
    for (ResetPlan.GroupPlan g : plan.groups()) {
      for (ResetPlan.NewOffset o : g.offsets()) {
        out.println(String.format(format, g.group(), o.topic(), o.partition(), o.offset()));
      }
    }
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
