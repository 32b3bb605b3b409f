package io.kafkit.admin;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateDelegationTokenOptions;
import org.apache.kafka.clients.admin.DescribeDelegationTokenOptions;
import org.apache.kafka.clients.admin.ExpireDelegationTokenOptions;
import org.apache.kafka.clients.admin.RenewDelegationTokenOptions;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.token.delegation.DelegationToken;
import org.apache.kafka.common.security.token.delegation.TokenInformation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit delegation-tokens}: kafka-delegation-tokens.sh, the delegation tokens a SASL
 * cluster issues: create, renew, expire, describe; Apache's lines and table.
 */
@Command(
    name = "delegation-tokens",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description =
        "This tool helps to create, renew, expire, or describe delegation tokens (a cluster with"
            + " SASL authentication and delegation.token.secret.key set).")
public final class DelegationTokensCommand implements Callable<Integer> {
  /** Apache's table row: a date (16 characters) overflows its 15, as in Apache. */
  private static final String ROW = "%n%-15s %-30s %-15s %-15s %-25s %-15s %-15s %-15s%n";

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Option(names = "--create", description = "Create a new delegation token.")
  boolean create;

  @Option(names = "--renew", description = "Renew a token (--hmac, --renew-time-period).")
  boolean renew;

  @Option(names = "--expire", description = "Expire a token (--hmac, --expiry-time-period).")
  boolean expire;

  @Option(
      names = "--describe",
      description = "Describe the tokens of --owner-principal (default: those the user may see).")
  boolean describe;

  @Option(
      names = "--owner-principal",
      paramLabel = "TYPE:NAME",
      description = "The owner (--create: of the new token; --describe: of the tokens).")
  List<String> owners = new ArrayList<>();

  @Option(
      names = "--renewer-principal",
      paramLabel = "TYPE:NAME",
      description = "With --create: a principal that may renew the token; repeatable.")
  List<String> renewers = new ArrayList<>();

  @Option(
      names = "--max-life-time-period",
      paramLabel = "MS",
      description =
          "With --create: the token's longest life (default -1: the broker's"
              + " delegation.token.max.lifetime.ms).")
  Long maxLifeTime;

  @Option(
      names = "--renew-time-period",
      paramLabel = "MS",
      description = "With --renew: by how much (-1: the broker's delegation.token.expiry.time.ms).")
  Long renewTime;

  @Option(
      names = "--expiry-time-period",
      paramLabel = "MS",
      description = "With --expire: in how long (-1: now).")
  Long expiryTime;

  @Option(names = "--hmac", paramLabel = "BASE64", description = "The token's HMAC.")
  String hmac;

  /** A token as describe and create show it; the dates are epoch milliseconds. */
  record Token(
      String tokenId,
      String hmac,
      String owner,
      String requester,
      List<String> renewers,
      long issueTimestamp,
      long expiryTimestamp,
      long maxTimestamp) {
    static Token of(DelegationToken token) {
      TokenInformation info = token.tokenInfo();
      return new Token(
          info.tokenId(),
          token.hmacAsBase64String(),
          info.owner().toString(),
          info.tokenRequester().toString(),
          info.renewersAsString().stream().toList(),
          info.issueTimestamp(),
          info.expiryTimestamp(),
          info.maxTimestamp());
    }
  }

  record Tokens(List<Token> tokens) {}

  record Expiry(long expiryTimestamp) {}

  @Override
  public Integer call() throws Exception {
    check();
    List<KafkaPrincipal> ownerList = principals(owners);
    List<KafkaPrincipal> renewerList = principals(renewers);
    byte[] hmacBytes = hmac == null ? null : decode(hmac);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter text = output.json() ? new PrintWriter(java.io.Writer.nullWriter()) : out;
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      if (create) {
        long life = maxLifeTime == null ? -1 : maxLifeTime;
        text.println(
            "Calling create token operation with renewers :"
                + renewerList
                + " , max-life-time-period :"
                + life);
        text.flush();
        CreateDelegationTokenOptions options =
            new CreateDelegationTokenOptions().maxlifeTimeMs(life).renewers(renewerList);
        if (!ownerList.isEmpty()) {
          options.owner(ownerList.get(0));
        }
        DelegationToken token = admin.createDelegationToken(options).delegationToken().get();
        text.println("Created delegation token with tokenId : " + token.tokenInfo().tokenId());
        output.print(new Tokens(List.of(Token.of(token))), DelegationTokensCommand::table, out);
      } else if (renew) {
        text.println(
            "Calling renew token operation with hmac :"
                + hmac
                + " , renew-time-period :"
                + renewTime);
        text.flush();
        long expiry =
            admin
                .renewDelegationToken(
                    hmacBytes, new RenewDelegationTokenOptions().renewTimePeriodMs(renewTime))
                .expiryTimestamp()
                .get();
        output.print(
            new Expiry(expiry),
            (v, w) ->
                w.println(
                    "Completed renew operation. New expiry date : " + date(v.expiryTimestamp())),
            out);
      } else if (expire) {
        text.println(
            "Calling expire token operation with hmac :"
                + hmac
                + " , expire-time-period :"
                + expiryTime);
        text.flush();
        long expiry =
            admin
                .expireDelegationToken(
                    hmacBytes, new ExpireDelegationTokenOptions().expiryTimePeriodMs(expiryTime))
                .expiryTimestamp()
                .get();
        output.print(
            new Expiry(expiry),
            (v, w) ->
                w.println(
                    "Completed expire operation. New expiry date : " + date(v.expiryTimestamp())),
            out);
      } else {
        if (ownerList.isEmpty()) {
          text.println("Calling describe token operation for current user.");
        } else {
          text.printf("Calling describe token operation for owners: %s%n", ownerList);
        }
        text.flush();
        // no owner: ask for every token the user may see (Apache asks for those of no owner,
        // an empty list, and is answered with none)
        DescribeDelegationTokenOptions options = new DescribeDelegationTokenOptions();
        if (!ownerList.isEmpty()) {
          options.owners(ownerList);
        }
        List<DelegationToken> tokens =
            admin.describeDelegationToken(options).delegationTokens().get();
        output.print(
            new Tokens(tokens.stream().map(Token::of).toList()),
            (v, w) -> {
              w.printf("Total number of tokens : %d", v.tokens().size());
              table(v, w);
            },
            out);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Apache's checks, in its order and words (the options a combination forbids, in a fixed order).
   */
  private void check() {
    int actions = (create ? 1 : 0) + (renew ? 1 : 0) + (expire ? 1 : 0) + (describe ? 1 : 0);
    if (actions != 1) {
      throw usage(
          "Command must include exactly one action: --create, --renew, --expire or --describe");
    }
    if (renew && hmac == null || expire && hmac == null) {
      throw usage("Missing required argument \"[hmac]\"");
    }
    if (renew && renewTime == null) {
      throw usage("Missing required argument \"[renew-time-period]\"");
    }
    if (expire && expiryTime == null) {
      throw usage("Missing required argument \"[expiry-time-period]\"");
    }
    Map<String, Boolean> given = new LinkedHashMap<>();
    given.put("hmac", hmac != null);
    given.put("renewer-principal", !renewers.isEmpty());
    given.put("owner-principal", !owners.isEmpty());
    given.put("max-life-time-period", maxLifeTime != null);
    given.put("renew-time-period", renewTime != null);
    given.put("expiry-time-period", expiryTime != null);
    String action = create ? "create" : renew ? "renew" : expire ? "expire" : "describe";
    List<String> forbidden =
        switch (action) {
          case "create" -> List.of("hmac", "renew-time-period", "expiry-time-period");
          case "renew" ->
              List.of(
                  "renewer-principal",
                  "max-life-time-period",
                  "expiry-time-period",
                  "owner-principal");
          case "expire" -> List.of("max-life-time-period", "renew-time-period", "owner-principal");
          default ->
              List.of("renew-time-period", "max-life-time-period", "hmac", "expiry-time-period");
        };
    for (String option : forbidden) {
      if (given.get(option)) {
        throw usage("Option \"[" + action + "]\" can't be used with option \"[" + option + "]\"");
      }
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Principals as {@code Type:name}, as Kafka parses them; a usage error otherwise. */
  private List<KafkaPrincipal> principals(List<String> given) {
    List<KafkaPrincipal> principals = new ArrayList<>();
    for (String value : given) {
      String[] parts = value.trim().split(":", 2);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        throw usage(
            "expected a string in format principalType:principalName but got " + value.trim());
      }
      principals.add(new KafkaPrincipal(parts[0], parts[1]));
    }
    return principals;
  }

  private byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw usage("--hmac is not Base64 (" + e.getMessage() + "): give the HMAC create printed.");
    }
  }

  /** Apache's dates: minutes, in this machine's time zone. */
  private static String date(long epochMillis) {
    return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm").format(epochMillis);
  }

  private static void table(Tokens tokens, PrintWriter out) {
    out.printf(
        ROW,
        "TOKENID",
        "HMAC",
        "OWNER",
        "REQUESTER",
        "RENEWERS",
        "ISSUEDATE",
        "EXPIRYDATE",
        "MAXDATE");
    for (Token t : tokens.tokens()) {
      out.printf(
          ROW,
          t.tokenId(),
          t.hmac(),
          t.owner(),
          t.requester(),
          t.renewers(),
          date(t.issueTimestamp()),
          date(t.expiryTimestamp()),
          date(t.maxTimestamp()));
    }
  }
}
