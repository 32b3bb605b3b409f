package io.kafkit.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureLogTest {
  @Test
  void showsTheFirstOfEachReasonThenSummarisesAsRanges() {
    List<String> shown = new ArrayList<>();
    FailureLog log = new FailureLog(shown::add, false);
    for (int line : new int[] {3, 5, 6, 7, 9}) {
      log.add(line, "too large", "line " + line + " too large");
    }
    log.add(4, "gone", "line 4 gone");
    assertEquals(List.of("line 3 too large", "line 4 gone"), shown);
    assertEquals(
        List.of(
            "Not sent: lines 3, 5-7, 9 (5 records): too large",
            "Not sent: line 4 (1 record): gone"),
        log.summary());
    assertEquals(6, log.count());
  }
}
