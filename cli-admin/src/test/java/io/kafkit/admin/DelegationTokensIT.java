package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.output.Json;
import io.kafkit.testkit.ApacheTools;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import io.kafkit.testkit.KafkaCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafkit delegation-tokens against Apache's DelegationTokenCommand 4.4.0 on a SASL cluster. */
class DelegationTokensIT {
  static final String APACHE = "org.apache.kafka.tools.DelegationTokenCommand";
  static KafkaCluster cluster;
  static String config;

  @BeforeAll
  static void saslCluster(@TempDir Path dir) {
    cluster = KafkaCluster.sasl();
    config = cluster.adminConfigFile(dir).toString();
  }

  static String[] args(String... more) {
    List<String> all =
        new ArrayList<>(
            List.of("--bootstrap-server", cluster.bootstrapServers(), "--command-config", config));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  static CliResult kafkit(String... more) {
    return new CliRunner(() -> DelegationTokensCommand.class).run(args(more));
  }

  static CliResult apache(String... more) {
    return ApacheTools.run(APACHE, args(more));
  }

  @Test
  void createsDescribesRenewsAndExpiresAsApache() throws Exception {
    CliResult created =
        kafkit("--create", "--max-life-time-period", "-1", "--renewer-principal", "User:bob");
    assertEquals(0, created.exitCode(), created.toString());
    assertTrue(
        created
            .out()
            .startsWith(
                "Calling create token operation with renewers :[User:bob] ,"
                    + " max-life-time-period :-1\nCreated delegation token with tokenId : "),
        created.out());

    // the broker learns of the new token through the metadata log, a moment later
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!kafkit("--describe").out().contains("Total number of tokens : 1\n")
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    String owner = "User:" + KafkaCluster.SASL_ADMIN;
    CliResult theirs = apache("--describe", "--owner-principal", owner);
    CliResult ours = kafkit("--describe", "--owner-principal", owner);
    assertEquals(theirs.out(), ours.out(), theirs + "\n" + ours);
    assertTrue(ours.out().contains("\nTotal number of tokens : 1\n"), ours.out());
    // without an owner: every token the user may see (Apache: none, it asks for no owner's)
    String all = kafkit("--describe").out();
    assertEquals(
        theirs.out().substring(theirs.out().indexOf('\n')), all.substring(all.indexOf('\n')));
    assertTrue(apache("--describe").out().contains("Total number of tokens : 0\n"));

    JsonNode token =
        Json.mapper().readTree(kafkit("--describe", "--output", "json").out()).get("tokens").get(0);
    String hmac = token.get("hmac").asText();
    assertEquals("[\"User:bob\"]", token.get("renewers").toString());

    CliResult renewed = kafkit("--renew", "--hmac", hmac, "--renew-time-period", "-1");
    assertEquals(0, renewed.exitCode(), renewed.toString());
    assertTrue(
        renewed
            .out()
            .matches(
                "Calling renew token operation with hmac :\\S+ , renew-time-period :-1\n"
                    + "Completed renew operation. New expiry date : \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d\n"),
        renewed.out());

    CliResult expired = kafkit("--expire", "--hmac", hmac, "--expiry-time-period", "-1");
    assertEquals(0, expired.exitCode(), expired.toString());
    assertTrue(expired.out().contains("Completed expire operation. New expiry date : "));
    deadline = System.nanoTime() + 15_000_000_000L;
    while (!kafkit("--describe").out().contains("Total number of tokens : 0\n")
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(
        apache("--describe", "--owner-principal", owner).out(),
        kafkit("--describe", "--owner-principal", owner).out());

    CliResult unknown = kafkit("--renew", "--hmac", "AAAA", "--renew-time-period", "-1");
    assertEquals(1, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().startsWith("Error: "), unknown.err());
  }

  @Test
  void usageErrorsInApachesWords() {
    for (String[] bad :
        new String[][] {
          {"--create", "--renew"},
          {"--renew"},
          {"--renew", "--hmac", "abc"},
          {"--expire", "--hmac", "abc"},
          {"--create", "--max-life-time-period", "1", "--hmac", "x"},
          {"--describe", "--hmac", "x"},
          {"--renew", "--hmac", "x", "--renew-time-period", "1", "--owner-principal", "User:a"}
        }) {
      CliResult a = apache(bad);
      CliResult k = kafkit(bad);
      String what = String.join(" ", bad) + "\napache:\n" + a + "\nkafkit:\n" + k;
      assertEquals(2, k.exitCode(), what);
      assertEquals(
          a.err().lines().filter(l -> !l.startsWith("SLF4J:")).findFirst().orElseThrow(),
          k.err().lines().findFirst().orElseThrow().replaceFirst("^Error: ", ""),
          what);
    }
  }
}
