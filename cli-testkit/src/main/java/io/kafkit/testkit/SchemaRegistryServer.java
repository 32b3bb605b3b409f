package io.kafkit.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real schema registry for the tests: Apicurio Registry 2.4.2 (built by the
 * schema-registry-server module), in memory, on a free loopback port, started once per test JVM and
 * stopped when it exits. Its Confluent-compatible API is at {@link #url()}.
 */
public final class SchemaRegistryServer {
  private static final Pattern LISTENING = Pattern.compile("Listening on: (http://[^\\s,]+)");
  private static SchemaRegistryServer shared;

  private final Process process;
  private final String root;

  private SchemaRegistryServer(Process process, String root) {
    this.process = process;
    this.root = root;
  }

  /** The registry every test of this JVM shares. */
  public static synchronized SchemaRegistryServer shared() {
    if (shared == null) {
      shared = start();
      SchemaRegistryServer s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "schema-registry-stop"));
    }
    return shared;
  }

  /** The Confluent-compatible API root: {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
  public String url() {
    return root + "/apis/ccompat/v7";
  }

  private static SchemaRegistryServer start() {
    String jar = System.getProperty("kafkit.schema.registry.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "The schema registry is not at "
              + jar
              + ": build the schema-registry-server module (mvn verify)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dquarkus.http.port=0");
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.log.category.\"io.apicurio.common.apps.logging.audit\".level=WARN");
    command.add("-jar");
    command.add(jar);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CompletableFuture<String> listening = new CompletableFuture<>();
    StringBuffer log = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (log.length() < 64_000) {
                    log.append(line).append('\n');
                  }
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    listening.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              listening.completeExceptionally(
                  new IllegalStateException("The schema registry ended:\n" + log));
            },
            "schema-registry-log");
    reader.setDaemon(true);
    reader.start();
    try {
      String root = listening.get(90, TimeUnit.SECONDS);
      return new SchemaRegistryServer(process, root);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("The schema registry did not start: " + e + "\n" + log, e);
    }
  }

  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
