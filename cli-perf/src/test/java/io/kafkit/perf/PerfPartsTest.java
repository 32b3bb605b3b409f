package io.kafkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PerfPartsTest {
  @Test
  void percentilesAreApachesNearestRankOverEveryRecord() {
    Random random = new Random(42);
    int[] latencies = new int[100_003];
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < latencies.length; i++) {
      latencies[i] = random.nextInt(100) == 0 ? 2000 + random.nextInt(5000) : random.nextInt(40);
      histogram.add(latencies[i]);
    }
    Arrays.sort(latencies);
    for (double p : new double[] {0.0, 0.5, 0.95, 0.99, 0.999}) {
      assertEquals(latencies[(int) (p * latencies.length)], histogram.percentile(p), "p" + p);
    }
    assertEquals(latencies.length, histogram.total());
  }

  @Test
  void payloadsAndRandomKeysShareOneGeneratorPayloadFirst() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(0);
    Payloads payloads = Payloads.random(4, random);
    Keys keys = Keys.of(Keys.Distribution.random, 5, random);
    StringBuilder records = new StringBuilder();
    for (long i = 0; i < 3; i++) {
      records.append(new String(payloads.next(i), java.nio.charset.StandardCharsets.US_ASCII));
      records
          .append('/')
          .append(new String(keys.next(i), java.nio.charset.StandardCharsets.US_ASCII));
      records.append(' ');
    }
    // The sequence Apache 4.4's ProducerPerformance sends with --random-seed 0.
    assertEquals("YQHH/4 EBSE/4 DNSE/0 ", records.toString());
  }

  @Test
  void rangeKeysGoRoundRobinAndNoneIsNull() {
    Keys range = Keys.of(Keys.Distribution.range, 3, new java.util.SplittableRandom(0));
    StringBuilder keys = new StringBuilder();
    for (long i = 0; i < 7; i++) {
      keys.append(new String(range.next(i), java.nio.charset.StandardCharsets.US_ASCII));
    }
    assertEquals("0120120", keys.toString());
    assertEquals(null, Keys.of(Keys.Distribution.none, null, null).next(5));
  }

  @Test
  void anEmptyHistogramSaysZero() {
    assertEquals(0, new LatencyHistogram().percentile(0.99));
  }

  @Test
  void pacerWaitsUntilEachRecordIsDueFromTheStart() {
    long[] now = {1_000};
    List<Long> waits = new ArrayList<>();
    Pacer pacer =
        new Pacer(
            2000,
            1_000,
            () -> now[0],
            nanos -> {
              waits.add(nanos);
              now[0] += nanos;
            });
    pacer.pace(1, () -> false); // due 0.5 ms after the start: saved up, not slept
    assertEquals(List.of(), waits);
    pacer.pace(1000, () -> false); // due 0.5 s after the start
    assertEquals(List.of(500_000_000L), waits);
    now[0] += 200_000_000L; // a slow send: 0.7 s have passed
    pacer.pace(1200, () -> false); // due at 0.6 s: already late, no wait
    assertEquals(1, waits.size());
    pacer.pace(1500, () -> true); // told to stop: no wait
    assertEquals(1, waits.size());
  }

  @Test
  void pacerWithoutALimitNeverWaits() {
    List<Long> waits = new ArrayList<>();
    Pacer pacer = new Pacer(-1, 0, () -> 0L, waits::add);
    pacer.pace(1_000_000, () -> false);
    assertEquals(List.of(), waits);
  }

  @Test
  void progressLine() {
    assertEquals(
        "[############............]  50%  500,000/1,000,000 records sent  250,000 rec/s  23.84 MB/s"
            + "  2.0 s",
        ProgressLine.render(1_000_000, 500_000, 50_000_000, 2_000_000_000L, "sent"));
  }

  @Test
  void metricsTableAsApachesToolsUtils() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("producer-metrics:batch-size-avg:{client-id=perf}", 512.25);
    metrics.put("app-info:version:{client-id=perf}", "4.4.0");
    StringWriter text = new StringWriter();
    MetricsTable.print(metrics, new PrintWriter(text, true));
    assertEquals(
        "\n"
            + "Metric Name                                        Value\n"
            + "producer-metrics:batch-size-avg:{client-id=perf} : 512.250\n"
            + "app-info:version:{client-id=perf}                : 4.4.0\n",
        text.toString());
  }
}
