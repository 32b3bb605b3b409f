package io.kafkit.registry;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.connect.Profiles;
import io.kafkit.common.convert.KeyValue;
import io.kafkit.common.convert.PropertiesFiles;
import io.kafkit.common.schema.RegistryClient;
import io.kafkit.common.schema.RegistrySettings;
import io.kafkit.common.schema.SchemaException;
import java.nio.file.Path;
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
 * Where the registry is: {@code --schema-registry}, or {@code schema.registry.url} with its
 * credentials and TLS settings from a profile, {@code --command-config} or {@code
 * --command-property}, as the console tools read them.
 */
final class RegistryOptions {
  private final Environment environment;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--schema-registry",
      paramLabel = "URL",
      description =
          "The registry's API root (Apicurio's: .../apis/ccompat/v7). Default:"
              + " schema.registry.url in the client properties or profile.")
  String url;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description = "A client properties file: schema.registry.url, basic.auth.user.info, ...")
  Path configFile;

  @Option(
      names = "--command-property",
      paramLabel = "KEY=VALUE",
      arity = "1..*",
      description = "Client properties; win over --command-config.")
  List<String> properties = new ArrayList<>();

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "A saved connection profile (default: $KAFKIT_PROFILE); see 'kafkit profile'.")
  String profile;

  private RegistryClient client;

  RegistryOptions(Environment environment) {
    this.environment = environment;
  }

  /** The client, made once. */
  RegistryClient client() {
    if (client == null) {
      client = newClient();
    }
    return client;
  }

  void close() {
    if (client != null) {
      client.close();
    }
  }

  private RegistryClient newClient() {
    Properties merged = new Properties();
    Optional.ofNullable(profile)
        .or(() -> environment.variable("KAFKIT_PROFILE"))
        .map(new Profiles(environment.configDir())::load)
        .ifPresent(merged::putAll);
    if (configFile != null) {
      merged.putAll(PropertiesFiles.read(configFile));
    }
    for (String p : properties) {
      Map.Entry<String, String> e;
      try {
        e = KeyValue.parse(p);
      } catch (IllegalArgumentException ex) {
        throw new ParameterException(mixee.commandLine(), ex.getMessage());
      }
      merged.put(e.getKey(), e.getValue());
    }
    try {
      return new RegistryClient(RegistrySettings.from(url, merged));
    } catch (SchemaException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }
}
