package io.kafkit.producer;

import io.kafkit.common.cli.ShutdownHook;
import java.nio.charset.StandardCharsets;

/**
 * A person typing records at the {@code >} prompt. A line that cannot be parsed or sent shows one
 * line above the prompt, and the prompt stays: nothing typed later is lost.
 */
final class PromptProducer {
  private final Prompt prompt;
  private final RecordParser parser;
  private final Delivery delivery;
  private final RunReport report;

  PromptProducer(Prompt prompt, RecordParser parser, Delivery delivery, RunReport report) {
    this.prompt = prompt;
    this.parser = parser;
    this.delivery = delivery;
    this.report = report;
  }

  int run() {
    // Ctrl-C while a send blocks (jline catches it only while reading) ends the JVM: flush first.
    try (ShutdownHook hook = ShutdownHook.register("console-producer-shutdown", delivery::finish)) {
      return loop();
    }
  }

  private int loop() {
    long lineNumber = 0;
    for (String line = prompt.readLine(); line != null; line = prompt.readLine()) {
      lineNumber++;
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      try {
        delivery.send(parser.parse(bytes, 0, bytes.length, lineNumber), lineNumber);
      } catch (LineException e) {
        delivery.failures().add(lineNumber, e.getMessage(), "Error: " + e.getMessage());
      }
    }
    delivery.finish();
    return report.print(lineNumber, null, false);
  }
}
