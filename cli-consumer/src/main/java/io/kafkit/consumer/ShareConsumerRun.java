package io.kafkit.consumer;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.cli.ShutdownHook;
import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.ByteSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One run of the console share consumer. Records are acknowledged explicitly, and only once they
 * are written out: a record printed is accepted (or rejected, or released), a record fetched but
 * not printed (--max-messages reached, Ctrl-C, a closed pipe) goes back to the group when the
 * consumer closes, for another delivery.
 */
final class ShareConsumerRun {
  private final ConsoleShareConsumerCommand.ShareRequest request;
  private final ConnectionSettings settings;
  private final Environment environment;
  private final PrintWriter err;
  private final RecordDecoding decoding;
  private ByteSink out;
  private long count;

  ShareConsumerRun(
      ConsoleShareConsumerCommand.ShareRequest request,
      ConnectionSettings settings,
      Environment environment,
      PrintWriter err,
      RecordDecoding decoding) {
    this.request = request;
    this.settings = settings;
    this.environment = environment;
    this.err = err;
    this.decoding = decoding;
  }

  /** How the run ended. */
  enum End {
    MAX_MESSAGES,
    TIMEOUT,
    INTERRUPTED,
    OUTPUT_CLOSED
  }

  int run() {
    KafkaClients clients = new KafkaClients(settings);
    checkTopic(clients);
    Properties given = settings.clientProperties();
    Map<String, Object> overrides = new HashMap<>();
    String fromProperties = given.getProperty(ConsumerConfig.GROUP_ID_CONFIG);
    if (request.group() != null
        && fromProperties != null
        && !request.group().equals(fromProperties)) {
      throw new KafkitException(
          "The group ids given with --group and in the client properties differ: '"
              + request.group()
              + "', '"
              + fromProperties
              + "'. Give one.",
          ExitCodes.USAGE,
          null);
    }
    overrides.put(
        ConsumerConfig.GROUP_ID_CONFIG,
        request.group() != null
            ? request.group()
            : fromProperties != null ? fromProperties : ConsoleShareConsumerCommand.DEFAULT_GROUP);
    if (!given.containsKey(ConsumerConfig.CLIENT_ID_CONFIG)) {
      overrides.put(ConsumerConfig.CLIENT_ID_CONFIG, "console-share-consumer");
    }
    overrides.put("share.acknowledgement.mode", "explicit");
    out = new ByteSink(environment.stdout(), 1 << 16, environment.stdoutTerminal());
    CountDownLatch done = new CountDownLatch(1);
    End end = null;
    try (ShareConsumer<byte[], byte[]> consumer = clients.shareConsumer(overrides);
        ShutdownHook hook =
            ShutdownHook.register("console-share-consumer-shutdown", () -> stop(consumer, done))) {
      consumer.subscribe(List.of(request.topic()));
      try {
        end = loop(consumer);
      } finally {
        finish(consumer, end != End.OUTPUT_CLOSED);
        done.countDown();
      }
    } finally {
      request.formatter().close();
    }
    return end == End.INTERRUPTED ? ExitCodes.INTERRUPTED : ExitCodes.OK;
  }

  /**
   * The topic must exist (a share consumer would wait for it forever), and the cluster must answer
   * within the connect timeout.
   */
  private void checkTopic(KafkaClients clients) {
    try (Admin admin = clients.admin()) {
      admin.describeTopics(List.of(request.topic())).allTopicNames().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new KafkitException(
            "Topic '"
                + request.topic()
                + "' does not exist. List the topics with 'kafkit topics --list', or create it"
                + " with 'kafkit topics --create --topic "
                + request.topic()
                + "'.");
      }
      throw new CompletionException(e.getCause()); // named by kafkit's error handler
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkitException("Interrupted", ExitCodes.INTERRUPTED, e);
    }
  }

  private End loop(ShareConsumer<byte[], byte[]> consumer) {
    long lastRecord = System.nanoTime();
    long maxMessages = request.maxMessages();
    try {
      while (maxMessages < 0 || count < maxMessages) {
        long idleMs = (System.nanoTime() - lastRecord) / 1_000_000;
        if (idleMs >= request.timeoutMs()) {
          return End.TIMEOUT;
        }
        ConsumerRecords<byte[], byte[]> records =
            consumer.poll(Duration.ofMillis(Math.min(1000, request.timeoutMs() - idleMs)));
        if (records.isEmpty()) {
          continue;
        }
        lastRecord = System.nanoTime();
        if (!print(consumer, records, maxMessages)) {
          return End.OUTPUT_CLOSED;
        }
      }
      return End.MAX_MESSAGES;
    } catch (WakeupException e) {
      return End.INTERRUPTED;
    }
  }

  /**
   * Writes the records, flushes, then acknowledges those written; false if standard output is gone
   * (nothing of this poll is acknowledged then: it is all delivered again).
   */
  private boolean print(
      ShareConsumer<byte[], byte[]> consumer,
      ConsumerRecords<byte[], byte[]> records,
      long maxMessages) {
    List<ConsumerRecord<byte[], byte[]>> written = new ArrayList<>();
    List<ConsumerRecord<byte[], byte[]>> failed = new ArrayList<>();
    try {
      for (ConsumerRecord<byte[], byte[]> r : records) {
        if (maxMessages >= 0 && count >= maxMessages) {
          break;
        }
        count++;
        ConsumerRecord<byte[], byte[]> shown;
        try {
          shown = decoding == null ? r : decoding.apply(r, err);
        } catch (KafkitException e) {
          // --stop-on-decode-error, or a registry that fails: what was printed is acknowledged,
          // this record and the rest go back to the group
          count--;
          out.flush();
          written.forEach(w -> consumer.acknowledge(w, request.acknowledge()));
          throw e;
        }
        try {
          request.formatter().write(shown, out);
          written.add(r);
        } catch (IOException e) {
          throw e;
        } catch (RuntimeException e) {
          if (!request.rejectOnError()) {
            out.flush();
            written.forEach(w -> consumer.acknowledge(w, request.acknowledge()));
            throw new ConsumeLoop.FormatException(
                r, e, "--reject-message-on-error rejects such records and goes on");
          }
          err.println(
              "Error processing message, rejecting this message: "
                  + r.topic()
                  + "-"
                  + r.partition()
                  + "@"
                  + r.offset()
                  + ": "
                  + e.getMessage());
          failed.add(r);
        }
      }
      out.flush();
    } catch (IOException e) {
      return false;
    }
    written.forEach(r -> consumer.acknowledge(r, request.acknowledge()));
    failed.forEach(r -> consumer.acknowledge(r, AcknowledgeType.REJECT));
    return true;
  }

  /** The ending every exit path shares: what was printed is acknowledged, then the count. */
  private void finish(ShareConsumer<byte[], byte[]> consumer, boolean outputOpen) {
    try {
      if (outputOpen) {
        out.flush();
        if (request.systestEvents()) {
          out.write("shutdown_complete\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }
      consumer.commitSync();
    } catch (IOException e) {
      // standard output went away: what was acknowledged is sent above
    } catch (RuntimeException e) {
      err.println("Could not acknowledge the records printed: " + e.getMessage());
    } finally {
      if (decoding != null && decoding.summary() != null) {
        err.println(decoding.summary());
      }
      err.println("Processed a total of " + count + " messages");
      err.flush();
    }
  }

  /** Ctrl-C: wake the loop, and let it end the run (flush, acknowledge, close) first. */
  private static void stop(ShareConsumer<?, ?> consumer, CountDownLatch done) {
    consumer.wakeup();
    try {
      done.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
