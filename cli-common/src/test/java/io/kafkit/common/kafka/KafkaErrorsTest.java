package io.kafkit.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class KafkaErrorsTest {
  private static Failure describe(Throwable t) {
    return KafkaErrors.describe(t, null);
  }

  @Test
  void unwrapsFuturesToTheBrokersMessage() {
    Failure f =
        describe(new ExecutionException(new TopicExistsException("Topic 'a' already exists.")));
    assertEquals(new Failure("Topic 'a' already exists.", ExitCodes.FAILED), f);
    assertEquals(
        "This server does not host this topic-partition.",
        describe(
                new ExecutionException(
                    new UnknownTopicOrPartitionException(
                        "This server does not host this topic-partition.")))
            .message());
    assertEquals(
        "The group is not empty.",
        describe(new GroupNotEmptyException("The group is not empty.")).message());
  }

  @Test
  void securityFailuresSayWhereToLook() {
    Failure auth = describe(new SaslAuthenticationException("Invalid username or password"));
    assertTrue(auth.message().startsWith("Authentication failed: Invalid username or password"));
    assertTrue(auth.message().contains("--command-config"));
    Failure authz =
        describe(new TopicAuthorizationException("Not authorized to access topics: [t]"));
    assertEquals("Not authorized to access topics: [t]", authz.message());
    assertEquals(
        "Authentication failed during authentication due to invalid credentials with SASL"
            + " mechanism SCRAM-SHA-256. Check the sasl.* settings in --command-config (or the"
            + " profile).",
        describe(
                new SaslAuthenticationException(
                    "Authentication failed during authentication due to invalid credentials with"
                        + " SASL mechanism SCRAM-SHA-256"))
            .message());
    assertEquals(
        "Not authorized to access group 'g1': the user needs the group's rights (ACLs) from an"
            + " administrator.",
        describe(
                new GroupAuthorizationException(
                    "FindCoordinator request for groupId `CoordinatorKey(idValue='g1',"
                        + " type=GROUP)` failed due to authorization failure"))
            .message());
    assertEquals(
        "Not authorized: Topic authorization failed.",
        describe(new TopicAuthorizationException("Topic authorization failed.")).message());
  }

  @Test
  void exitCodesFollowThePolicy() {
    assertEquals(ExitCodes.INTERRUPTED, describe(new InterruptException("x")).exitCode());
    assertEquals(ExitCodes.USAGE, describe(new ConfigException("acks", "x", "bad")).exitCode());
    assertEquals(
        ExitCodes.USAGE, describe(new KafkitException("u", ExitCodes.USAGE, null)).exitCode());
    assertEquals("No such file: /x", describe(new NoSuchFileException("/x")).message());
  }

  @Test
  void unexpectedErrorsPointToVerbose() {
    Failure f = describe(new IllegalStateException("boom"));
    assertEquals(ExitCodes.FAILED, f.exitCode());
    assertTrue(f.message().contains("boom") && f.message().contains("--verbose"), f.message());
  }

  @Test
  void tlsFailuresSayWhatIsWrongWithTheCertificate() {
    Failure untrusted =
        describe(
            new SslAuthenticationException(
                "SSL handshake failed",
                new javax.net.ssl.SSLHandshakeException(
                    "PKIX path building failed: unable to find valid certification path to"
                        + " requested target")));
    assertTrue(
        untrusted.message().startsWith("The broker's certificate is not trusted (PKIX path"),
        untrusted.message());
    assertTrue(untrusted.message().contains("ssl.truststore.location"), untrusted.message());
    assertEquals(ExitCodes.FAILED, untrusted.exitCode());
    assertTrue(
        KafkaErrors.tls("No subject alternative names matching IP address 10.0.0.7 found")
            .startsWith("The broker's certificate does not name the host 10.0.0.7 ("));
    assertTrue(
        KafkaErrors.tls("No subject alternative DNS name matching kafka-1.example found.")
            .startsWith("The broker's certificate does not name the host kafka-1.example ("));
    assertTrue(
        KafkaErrors.tls("No subject alternative names present")
            .startsWith("The broker's certificate does not name the host the client connected"));
    assertTrue(
        KafkaErrors.tls("Received fatal alert: protocol_version")
            .startsWith("The TLS handshake failed: Received fatal alert: protocol_version."));
  }
}
