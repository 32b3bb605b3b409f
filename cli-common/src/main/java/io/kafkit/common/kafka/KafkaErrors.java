package io.kafkit.common.kafka;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.connect.Reachability;
import io.kafkit.common.convert.DurationConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Turns whatever a command threw into one line for the user and an exit code: the one place where
 * Kafka's exceptions are translated.
 */
public final class KafkaErrors {
  private KafkaErrors() {}

  /**
   * @param error what the command threw
   * @param connection where the command connected, if it got that far (for time-outs)
   */
  public static Failure describe(Throwable error, ConnectionSettings connection) {
    Throwable e = unwrap(error);
    if (e instanceof KafkitException k) {
      return new Failure(k.getMessage(), k.exitCode());
    }
    if (e instanceof io.kafkit.common.schema.SchemaException) {
      return failed(e.getMessage()); // a schema, a value or the registry: its message says which
    }
    if (e instanceof InterruptedException || e instanceof InterruptException) {
      return new Failure("Interrupted.", ExitCodes.INTERRUPTED);
    }
    if (e instanceof TimeoutException) {
      return new Failure(timeout(e, connection), ExitCodes.FAILED);
    }
    if (e instanceof ConfigException) {
      return config(e, connection);
    }
    if (e instanceof SslAuthenticationException) {
      return failed(tls(rootMessage(e)));
    }
    if (e instanceof AuthenticationException) {
      String message = sentence(message(e));
      return failed(
          (message.startsWith("Authentication failed") ? "" : "Authentication failed: ")
              + message
              + " Check the sasl.* settings in --command-config (or the profile).");
    }
    if (e instanceof GroupAuthorizationException g) {
      String group = g.groupId() != null ? g.groupId() : coordinatorKey(message(e));
      if (group != null) {
        return failed(
            "Not authorized to access group '"
                + group
                + "': the user needs the group's rights (ACLs) from an administrator.");
      }
    }
    if (e instanceof AuthorizationException) {
      String message = message(e);
      return failed(message.startsWith("Not authorized") ? message : "Not authorized: " + message);
    }
    if (e instanceof UnsupportedVersionException) {
      return failed("The broker does not support this request: " + message(e));
    }
    if (e instanceof ApiException || e instanceof KafkaException) {
      return failed(message(e));
    }
    if (e instanceof NoSuchFileException f) {
      return failed("No such file: " + f.getFile());
    }
    if (e instanceof AccessDeniedException f) {
      return failed("Permission denied: " + f.getFile());
    }
    if (e instanceof IOException) {
      return failed(message(e));
    }
    return failed(
        "Unexpected error: "
            + e.getClass().getName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + " (--verbose shows the stack trace)");
  }

  /** The exception that says what happened, under the wrappers futures put around it. */
  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e.getCause() != null
        && (e instanceof ExecutionException
            || e instanceof CompletionException
            || e instanceof UncheckedIOException
            || (e.getClass() == KafkaException.class && e.getCause() instanceof KafkaException))) {
      e = e.getCause();
    }
    return e;
  }

  private static String timeout(Throwable e, ConnectionSettings connection) {
    if (connection == null) {
      return "Timed out: " + message(e);
    }
    String servers = connection.bootstrapServers();
    String within = DurationConverter.format(connection.timeout());
    if (Reachability.nothingListens(servers)) {
      return "Cannot reach the Kafka cluster at "
          + servers
          + " (from "
          + connection.source()
          + ") within "
          + within
          + ": "
          + Reachability.diagnose(servers)
          + (connection.source().equals("--bootstrap-controller")
              ? ". Is a controller running there? Check --bootstrap-controller (the controllers'"
                  + " listener, not the brokers')."
              : ". Is a broker running there? Check --bootstrap-server,"
                  + " or start a local broker with 'kafkit broker start'.");
    }
    return "The Kafka cluster at "
        + servers
        + " did not answer within "
        + within
        + " ("
        + message(e)
        + "). Its port accepts connections: check that it is a Kafka listener and that the"
        + " security settings match it, or wait longer with --connect-timeout.";
  }

  private static final Pattern COORDINATOR_KEY = Pattern.compile("idValue='([^']*)'");

  /** The group an admin client's FindCoordinator error names inside its CoordinatorKey. */
  private static String coordinatorKey(String message) {
    Matcher m = COORDINATOR_KEY.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  private static String sentence(String message) {
    return message.endsWith(".") || message.endsWith("!") ? message : message + ".";
  }

  /** The two TLS failures people meet most, said plainly; any other as the JDK words it. */
  static String tls(String root) {
    if (root.contains("certification path") || root.contains("PKIX")) {
      return "The broker's certificate is not trusted ("
          + root
          + "). Set ssl.truststore.location (and ssl.truststore.password) in --command-config (or"
          + " the profile) to a truststore that holds the CA that signed it.";
    }
    if (root.startsWith("No subject alternative") || root.startsWith("No name matching")) {
      Matcher host = NAMED_HOST.matcher(root);
      return "The broker's certificate does not name the host "
          + (host.find() ? host.group(1) : "the client connected to")
          + " ("
          + root
          + "). Connect by a name the certificate holds (in --bootstrap-server and the brokers'"
          + " advertised.listeners), or have the certificate reissued with that name.";
    }
    return "The TLS handshake failed: "
        + root
        + ". Check the ssl.* settings in --command-config (or the profile).";
  }

  private static final Pattern NAMED_HOST =
      Pattern.compile("matching (?:IP address |DNS name |host )?(\\S+?)\\.? found");

  private static Failure config(Throwable e, ConnectionSettings connection) {
    String message = message(e);
    if (message.contains("No resolvable bootstrap urls")) {
      String servers = connection == null ? "" : " " + connection.bootstrapServers();
      return failed(
          "Cannot resolve the bootstrap server"
              + servers
              + " (unknown host). Check --bootstrap-server.");
    }
    return new Failure("Invalid client configuration: " + message, ExitCodes.USAGE);
  }

  private static Failure failed(String message) {
    return new Failure(message, ExitCodes.FAILED);
  }

  private static String message(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.trim();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return message(root);
  }
}
