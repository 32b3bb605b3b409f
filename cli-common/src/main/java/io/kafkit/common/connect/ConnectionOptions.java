package io.kafkit.common.connect;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.convert.DurationConverter;
import io.kafkit.common.convert.KeyValue;
import io.kafkit.common.convert.PropertiesFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The connection options every tool shares. A tool adds Apache's older spellings of them ({@code
 * --broker-list}, {@code --producer.config}, {@code --consumer-property}, ...) as hidden options of
 * its own that call the setters here.
 *
 * <p>The bootstrap server comes from the first of: {@code --bootstrap-server}; bootstrap.servers in
 * {@code --command-property} or {@code --command-config}; {@code $KAFKIT_BOOTSTRAP_SERVER}; the
 * profile ({@code --profile} or {@code $KAFKIT_PROFILE}); {@code localhost:9092}. Client properties
 * are layered the same way: the profile's, then the config file's, then each property given on the
 * command line.
 */
public final class ConnectionOptions {
  public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final String BOOTSTRAP = "bootstrap.servers";
  static final String CONTROLLERS = "bootstrap.controllers";

  private final Environment environment;

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private String bootstrapServer;
  private String legacyBootstrapServer;
  private String bootstrapController;
  private Path configFile;
  private final List<Map.Entry<String, String>> properties = new ArrayList<>();
  private String profile;
  private Duration timeout;
  private ConnectionSettings resolved;

  public ConnectionOptions(Environment environment) {
    this.environment = environment;
  }

  @Option(
      names = "--bootstrap-server",
      paramLabel = "HOST:PORT[,HOST:PORT...]",
      description =
          "The Kafka server(s) to connect to. Default: $KAFKIT_BOOTSTRAP_SERVER, the profile's,"
              + " or localhost:9092.")
  public void bootstrapServer(String servers) {
    this.bootstrapServer = servers;
  }

  /**
   * Apache's older {@code --broker-list}: used, as Apache uses it, only when {@code
   * --bootstrap-server} is not given.
   */
  public void legacyBootstrapServer(String servers) {
    this.legacyBootstrapServer = servers;
  }

  /**
   * Connects to the KRaft controllers instead ({@code bootstrap.controllers}), for the tools that
   * take Apache's {@code --bootstrap-controller}; not with {@code --bootstrap-server}.
   */
  public void bootstrapController(String controllers) {
    this.bootstrapController = controllers;
  }

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description = "A Kafka client properties file (security settings and the like).")
  public void configFile(Path file) {
    this.configFile = file;
  }

  @Option(
      names = "--command-property",
      paramLabel = "KEY=VALUE",
      arity = "1..*",
      description =
          "Kafka client properties (a=1 b=2, or the option repeated); win over --command-config.")
  private List<String> commandProperties = new ArrayList<>();

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "A saved connection profile (default: $KAFKIT_PROFILE); see 'kafkit profile'.")
  public void profile(String name) {
    this.profile = name;
  }

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.Positive.class,
      description = "How long to wait for the cluster before giving up (default: 10s).")
  public void timeout(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Adds a client property after those of --command-property: how a tool feeds its own spellings
   * ({@code --producer-property}) and flags into the same configuration.
   */
  public void property(String key, String value) {
    properties.add(Map.entry(key, value));
  }

  /** Adds a {@code key=value} property, parsed as Apache's tools parse it. */
  public void property(String keyValue) {
    try {
      properties.add(KeyValue.parse(keyValue));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }

  /** Whether {@code --command-config} was given: a tool's older spelling may not be given too. */
  public boolean hasConfigFile() {
    return configFile != null;
  }

  /** Whether {@code --command-property} was given. */
  public boolean hasCommandProperties() {
    return !commandProperties.isEmpty();
  }

  /** The {@code --command-property} values as given, for a tool that checks them more strictly. */
  public List<String> commandProperties() {
    return List.copyOf(commandProperties);
  }

  /** The merged settings; computed once. */
  public ConnectionSettings resolve() {
    if (resolved == null) {
      resolved = doResolve();
    }
    return resolved;
  }

  /** The settings if {@link #resolve()} has run, for error messages. */
  public ConnectionSettings resolvedOrNull() {
    return resolved;
  }

  private ConnectionSettings doResolve() {
    Properties merged = new Properties();
    Optional<String> profileName =
        Optional.ofNullable(profile).or(() -> environment.variable("KAFKIT_PROFILE"));
    Properties profileProperties =
        profileName.map(new Profiles(environment.configDir())::load).orElseGet(Properties::new);
    merged.putAll(profileProperties);
    Object fromProfile = merged.remove(BOOTSTRAP);
    if (configFile != null) {
      merged.putAll(PropertiesFiles.read(configFile));
    }
    commandProperties.forEach(this::property);
    commandProperties.clear();
    properties.forEach(e -> merged.put(e.getKey(), e.getValue()));

    String servers;
    String source;
    if (bootstrapController != null) {
      if (bootstrapServer != null) {
        throw new ParameterException(
            mixee.commandLine(),
            "Only one of --bootstrap-server or --bootstrap-controller can be specified");
      }
      BootstrapServers.problem(bootstrapController)
          .ifPresent(
              problem -> {
                throw new ParameterException(
                    mixee.commandLine(), problem + " (from --bootstrap-controller)");
              });
      merged.remove(BOOTSTRAP);
      merged.put(CONTROLLERS, bootstrapController);
      return new ConnectionSettings(
          bootstrapController,
          "--bootstrap-controller",
          merged,
          timeout == null ? DEFAULT_TIMEOUT : timeout);
    }
    if (bootstrapServer != null) {
      servers = bootstrapServer;
      source = "--bootstrap-server";
    } else if (legacyBootstrapServer != null) {
      servers = legacyBootstrapServer;
      source = "--broker-list";
    } else if (merged.getProperty(BOOTSTRAP) != null) {
      servers = merged.getProperty(BOOTSTRAP);
      source = "bootstrap.servers in the client properties";
    } else if (environment.variable("KAFKIT_BOOTSTRAP_SERVER").isPresent()) {
      servers = environment.variable("KAFKIT_BOOTSTRAP_SERVER").get();
      source = "$KAFKIT_BOOTSTRAP_SERVER";
    } else if (fromProfile != null) {
      servers = fromProfile.toString();
      source = "profile '" + profileName.orElseThrow() + "'";
    } else {
      servers = DEFAULT_BOOTSTRAP;
      source = "the default";
    }
    BootstrapServers.problem(servers)
        .ifPresent(
            problem -> {
              throw new ParameterException(mixee.commandLine(), problem + " (from " + source + ")");
            });
    merged.put(BOOTSTRAP, servers);
    return new ConnectionSettings(
        servers, source, merged, timeout == null ? DEFAULT_TIMEOUT : timeout);
  }
}
