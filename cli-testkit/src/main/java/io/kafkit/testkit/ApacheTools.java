package io.kafkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of Apache Kafka's own tools (org.apache.kafka:kafka-tools 4.4.0, copied with its own
 * dependencies to {@code kafkit.apache.lib} by the apache-oracle module) in a forked JVM, as the
 * oracle kafkit's output is compared with. Forked because Apache's tools end the JVM themselves,
 * write to the process's standard output, and need their own versions of Kafka's jars.
 */
public final class ApacheTools {
  private ApacheTools() {}

  public static CliResult run(String mainClass, String... args) {
    String lib = System.getProperty("kafkit.apache.lib");
    if (lib == null || !Files.isDirectory(Path.of(lib))) {
      throw new IllegalStateException(
          "Apache's tools are not at " + lib + ": build the apache-oracle module (mvn verify)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(lib + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).start();
      process.getOutputStream().close();
      CompletableFuture<byte[]> out = read(process.getInputStream());
      CompletableFuture<byte[]> err = read(process.getErrorStream());
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(mainClass + " did not finish within 120 s");
      }
      byte[] bytes = out.join();
      return new CliResult(
          process.exitValue(),
          new String(bytes, StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8),
          bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<byte[]> read(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
