package io.kafkit.common.connect;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.convert.KeyValue;
import io.kafkit.common.output.OutputOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kafkit profile}: lists, shows (secrets masked), writes and deletes profiles. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    versionProvider = io.kafkit.common.cli.VersionProvider.class,
    description = {
      "Manage connection profiles: Kafka client properties files kept in kafkit's config"
          + " directory. Select one with --profile NAME or $KAFKIT_PROFILE."
    },
    subcommands = {
      ProfileCommand.ListProfiles.class,
      ProfileCommand.ShowProfile.class,
      ProfileCommand.SetProfile.class,
      ProfileCommand.DeleteProfile.class
    })
public final class ProfileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** A view of one profile, secrets masked. */
  public record ProfileView(String name, String file, Map<String, String> properties) {}

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the profiles.")
  static final class ListProfiles implements Callable<Integer> {
    private final Environment environment;
    @Spec CommandSpec spec;
    @Mixin OutputOptions output;

    ListProfiles(Environment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      List<String> names = new Profiles(environment.configDir()).names();
      output.print(names, (view, out) -> view.forEach(out::println), spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print a profile's properties, passwords and other secrets masked.")
  static final class ShowProfile implements Callable<Integer> {
    private final Environment environment;
    @Spec CommandSpec spec;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "NAME", description = "The profile.")
    String name;

    ShowProfile(Environment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      Profiles profiles = new Profiles(environment.configDir());
      Map<String, String> masked = new TreeMap<>();
      profiles
          .load(name)
          .forEach(
              (k, v) ->
                  masked.put(
                      k.toString(),
                      Profiles.isSecret(k.toString()) ? Profiles.MASK : v.toString()));
      ProfileView view = new ProfileView(name, profiles.file(name).toString(), masked);
      output.print(
          view,
          (v, out) -> v.properties().forEach((k, val) -> out.println(k + "=" + val)),
          spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Create a profile or change its properties. Existing properties not named are kept.",
        "Example: kafkit profile set prod --bootstrap-server kafka1:9093"
            + " --property security.protocol=SASL_SSL"
      })
  static final class SetProfile implements Callable<Integer> {
    private final Environment environment;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The profile.")
    String name;

    @Option(
        names = "--bootstrap-server",
        paramLabel = "HOST:PORT[,HOST:PORT...]",
        description = "The cluster's bootstrap servers.")
    String bootstrapServer;

    @Option(
        names = "--from-file",
        paramLabel = "FILE",
        description = "Copy the properties of a Kafka client properties file.")
    Path fromFile;

    @Option(
        names = "--property",
        paramLabel = "KEY=VALUE",
        description = "A Kafka client property; repeatable.")
    List<String> properties = List.of();

    @Option(names = "--unset", paramLabel = "KEY", description = "Remove a property; repeatable.")
    List<String> unset = List.of();

    SetProfile(Environment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
      Profiles profiles = new Profiles(environment.configDir());
      Properties merged = new Properties();
      if (Files.exists(profiles.file(name))) {
        merged.putAll(profiles.load(name));
      }
      if (fromFile != null) {
        try (Reader in = Files.newBufferedReader(fromFile, StandardCharsets.UTF_8)) {
          merged.load(in);
        }
      }
      for (String property : properties) {
        Map.Entry<String, String> kv;
        try {
          kv = KeyValue.parse(property);
        } catch (IllegalArgumentException e) {
          throw new KafkitException(e.getMessage(), ExitCodes.USAGE, e);
        }
        merged.put(kv.getKey(), kv.getValue());
      }
      if (bootstrapServer != null) {
        BootstrapServers.problem(bootstrapServer)
            .ifPresent(
                problem -> {
                  throw new KafkitException(problem, ExitCodes.USAGE, null);
                });
        merged.put(ConnectionOptions.BOOTSTRAP, bootstrapServer);
      }
      unset.forEach(merged::remove);
      profiles.save(name, merged);
      spec.commandLine().getErr().println("Saved profile '" + name + "' in " + profiles.file(name));
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a profile.")
  static final class DeleteProfile implements Callable<Integer> {
    private final Environment environment;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The profile.")
    String name;

    DeleteProfile(Environment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      if (!new Profiles(environment.configDir()).delete(name)) {
        throw new KafkitException("There is no profile '" + name + "'.");
      }
      spec.commandLine().getErr().println("Deleted profile '" + name + "'.");
      return ExitCodes.OK;
    }
  }
}
