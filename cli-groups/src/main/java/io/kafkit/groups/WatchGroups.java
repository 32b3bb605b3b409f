package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.ShutdownHook;
import io.kafkit.common.convert.DurationConverter;
import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * {@code --describe --watch [INTERVAL]}: the offsets table again every interval, with each
 * partition's lag and how it changed since the last refresh, until Ctrl-C. On a terminal the table
 * is redrawn in place; elsewhere each refresh is printed after the last one, headed by its time.
 * Each refresh is one round of requests, whatever the number of groups and partitions (the
 * describe's: list the groups with --all-groups, describe them, their committed offsets, the end
 * offsets); nothing is kept from one refresh to the next but the lags it compares with.
 */
final class WatchGroups {
  /** Home, then clear to the end of the screen: the table is drawn over the last one. */
  private static final String REDRAW = "\033[H\033[J";

  private final Admin admin;
  private final GroupsRequest request;
  private final Duration interval;
  private final boolean terminal;
  private final Clock clock;
  private Map<String, Long> lastLags = Map.of();
  private volatile boolean stopping;

  WatchGroups(
      Admin admin, GroupsRequest request, Duration interval, boolean terminal, Clock clock) {
    this.admin = admin;
    this.request = request;
    this.interval = interval;
    this.terminal = terminal;
    this.clock = clock;
  }

  int run(PrintWriter out, PrintWriter err) throws Exception {
    Thread loop = Thread.currentThread();
    Object ended = new Object();
    boolean[] done = {false};
    try (ShutdownHook hook =
        ShutdownHook.register(
            "consumer-groups-watch-stop",
            () -> {
              stopping = true;
              loop.interrupt();
              synchronized (ended) {
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (!done[0] && System.nanoTime() < deadline) {
                  try {
                    ended.wait(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            })) {
      double lastRequests = requests();
      while (!stopping) {
        long started = System.nanoTime();
        GroupsView view = null;
        String failure = null;
        try {
          view =
              DescribeGroups.fetch(admin, DescribeGroups.groupIds(admin, request), request.view());
        } catch (InterruptedException e) {
          break;
        } catch (ExecutionException | RuntimeException e) {
          // a broker restarting, a coordinator moving: said, and asked again next time
          Throwable cause =
              e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
          failure =
              cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        double nowRequests = requests();
        String header = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        if (request.verbose()) {
          header += " (" + (long) (nowRequests - lastRequests) + " requests)";
        }
        lastRequests = nowRequests;
        if (terminal) {
          out.print(REDRAW);
          header += "  every " + DurationConverter.format(interval) + ", Ctrl-C to stop";
        }
        out.println(header);
        if (view != null) {
          render(view, out);
        } else {
          err.println(
              "Error: "
                  + failure
                  + " (asking again in "
                  + DurationConverter.format(interval)
                  + ")");
          err.flush();
        }
        if (!terminal) {
          out.println();
        }
        out.flush();
        if (out.checkError()) {
          return ExitCodes.OK; // the reader went away (| head): nothing more to show
        }
        long left = interval.toNanos() - (System.nanoTime() - started);
        if (left > 0) {
          try {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
          } catch (InterruptedException e) {
            break;
          }
        }
      }
      return ExitCodes.INTERRUPTED;
    } finally {
      synchronized (ended) {
        done[0] = true;
        ended.notifyAll();
      }
      out.flush();
      err.flush();
    }
  }

  /** The admin client's requests sent so far, from its own metrics. */
  private double requests() {
    for (Map.Entry<MetricName, ? extends Metric> m : admin.metrics().entrySet()) {
      MetricName name = m.getKey();
      if (name.name().equals("request-total")
          && name.group().endsWith("-metrics")
          && !name.tags().containsKey("node-id")) {
        Object value = m.getValue().metricValue();
        if (value instanceof Number n) {
          return n.doubleValue();
        }
      }
    }
    return 0;
  }

  /**
   * The offsets table with a LAG-CHANGE column after LAG: "+N" or "-N" since the last refresh, "0",
   * or "-" on the first one and for a partition without a lag.
   */
  void render(GroupsView view, PrintWriter out) {
    Map<String, Long> lags = new HashMap<>();
    Table table =
        new Table(
            "GROUP",
            "TOPIC",
            "PARTITION",
            "CURRENT-OFFSET",
            "LOG-END-OFFSET",
            "LAG",
            "LAG-CHANGE",
            "CONSUMER-ID",
            "HOST",
            "CLIENT-ID");
    for (GroupsView.Group g : view.groups()) {
      if (!g.exists()) {
        table.row(g.group(), "-", "-", "-", "-", "-", "-", "(no such consumer group)", "-", "-");
        continue;
      }
      List<GroupsView.PartitionOffsets> rows = g.partitions();
      if (rows.isEmpty()) {
        table.row(
            g.group(), "-", "-", "-", "-", "-", "-", "(" + g.state() + ", no offsets)", "-", "-");
      }
      for (GroupsView.PartitionOffsets p : rows) {
        String key = g.group() + "\u0000" + p.topic() + "\u0000" + p.partition();
        String change = "-";
        if (p.lag() != null) {
          lags.put(key, p.lag());
          Long before = lastLags.get(key);
          if (before != null) {
            long d = p.lag() - before;
            change = d > 0 ? "+" + d : Long.toString(d);
          }
        }
        table.row(
            g.group(),
            p.topic(),
            p.partition(),
            dash(p.currentOffset()),
            dash(p.logEndOffset()),
            dash(p.lag()),
            change,
            dash(p.consumerId()),
            dash(p.host()),
            dash(p.clientId()));
      }
    }
    table.print(out);
    lastLags = lags;
  }

  private static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
