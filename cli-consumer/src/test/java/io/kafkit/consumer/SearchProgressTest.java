package io.kafkit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SearchProgressTest {
  @Test
  void theLineNamesWhatWasReadMatchedHowFastAndWhere() {
    SearchTally tally = new SearchTally();
    for (int i = 0; i < 3000; i++) {
      tally.read("t", i % 2, i == 7);
    }
    Map<TopicPartition, Long> at =
        new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
    at.put(new TopicPartition("t", 0), 1500L);
    at.put(new TopicPartition("t", 1), 1500L);
    assertEquals(
        "Read 3,000 records, 1 matched, 1,500 records/s; t-0 at 1500 t-1 at 1500",
        SearchProgress.line(tally, at, null, 2_000_000_000L));
    Map<TopicPartition, Long> many =
        new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
    for (int p = 0; p < 5; p++) {
      many.put(new TopicPartition("t", p), 0L);
    }
    assertEquals(
        "Read 3,000 records, 1 matched, 3,000 records/s; 5 partitions",
        SearchProgress.line(tally, many, null, 1_000_000_000L));
  }

  @Test
  void itRedrawsAtMostFiveTimesASecondAndClearsItsLine() {
    StringWriter text = new StringWriter();
    AtomicLong now = new AtomicLong();
    SearchProgress progress = new SearchProgress(new PrintWriter(text), now::get);
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    TopicPartition tp = new TopicPartition("t", 0);
    consumer.assign(List.of(tp));
    consumer.updateBeginningOffsets(Map.of(tp, 0L));
    SearchTally tally = new SearchTally();
    progress.update(consumer, tally, null);
    assertEquals("", text.toString(), "nothing before the first 200 ms");
    now.set(250_000_000L);
    progress.update(consumer, tally, null);
    now.set(300_000_000L);
    progress.update(consumer, tally, null);
    assertEquals("\r\033[KRead 0 records, 0 matched, 0 records/s; t-0 at 0", text.toString());
    progress.close();
    assertEquals(
        "\r\033[KRead 0 records, 0 matched, 0 records/s; t-0 at 0\r\033[K", text.toString());
  }
}
