package io.kafkit.cluster;

import io.kafkit.cluster.FeatureLevels.Feature;
import io.kafkit.cluster.FeatureLevels.MetadataVersion;
import io.kafkit.common.cli.ArgparseRules;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeFeaturesOptions;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FeatureUpdate.UpgradeType;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.SupportedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.KafkaFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kafkit features}: kafka-features.sh's subcommands, Apache's lines, kafkit's errors. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "This tool manages feature flags in Kafka. The connection options come before the"
            + " subcommand, as in Apache's tool.",
    subcommands = {
      FeaturesCommand.Describe.class,
      FeaturesCommand.Upgrade.class,
      FeaturesCommand.Downgrade.class,
      FeaturesCommand.Disable.class,
      FeaturesCommand.VersionMapping.class,
      FeaturesCommand.FeatureDependencies.class
    })
public final class FeaturesCommand extends ConnectedParent {
  @Override
  String subcommands() {
    return "describe, upgrade, downgrade, disable, version-mapping or feature-dependencies";
  }

  /** Apache's {@code feature=level} argument, or its usage error. */
  static FeatureLevels.Level level(CommandSpec spec, String given) {
    try {
      return FeatureLevels.Level.parse(given);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** How a level of a feature reads: metadata.version's as its name, others as numbers. */
  static String levelText(String feature, short level) {
    if (!feature.equals(FeatureLevels.METADATA_VERSION)) {
      return Short.toString(level);
    }
    return FeatureLevels.metadataVersion(level)
        .map(MetadataVersion::version)
        .orElse("UNKNOWN " + level);
  }

  /** {@code describe [--node-id N]}. */
  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Describes the current active feature flags.")
  static final class Describe implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand FeaturesCommand parent;
    @Mixin OutputOptions output;

    @Option(
        names = "--node-id",
        paramLabel = "ID",
        description = "The node to ask (default: any broker or controller).")
    Integer nodeId;

    /** A feature's supported range, finalized level (0: none) and the metadata's epoch. */
    record Row(
        String feature,
        short supportedMinVersion,
        short supportedMaxVersion,
        short finalizedVersionLevel,
        Long epoch) {}

    record View(List<Row> features) {}

    @Override
    public Integer call() throws Exception {
      if (nodeId != null && nodeId < 0) {
        throw new ParameterException(
            spec.commandLine(), "Invalid node id " + nodeId + ": must be non-negative.");
      }
      DescribeFeaturesOptions options = new DescribeFeaturesOptions();
      if (nodeId != null) {
        options.nodeId(nodeId);
      }
      FeatureMetadata metadata;
      try (Admin admin = parent.admin()) {
        metadata = admin.describeFeatures(options).featureMetadata().get();
      }
      List<Row> rows = new ArrayList<>();
      for (String feature : new TreeSet<>(metadata.supportedFeatures().keySet())) {
        SupportedVersionRange range = metadata.supportedFeatures().get(feature);
        FinalizedVersionRange finalized = metadata.finalizedFeatures().get(feature);
        rows.add(
            new Row(
                feature,
                range.minVersion(),
                range.maxVersion(),
                finalized == null ? 0 : finalized.maxVersionLevel(),
                metadata.finalizedFeaturesEpoch().isPresent()
                    ? metadata.finalizedFeaturesEpoch().get()
                    : null));
      }
      output.print(new View(rows), Describe::text, spec.commandLine().getOut());
      return ExitCodes.OK;
    }

    private static void text(View view, PrintWriter out) {
      for (Row r : view.features()) {
        out.printf(
            "Feature: %-40s  SupportedMinVersion: %-15s  SupportedMaxVersion: %-15s "
                + " FinalizedVersionLevel: %-15s  Epoch: %s%n",
            r.feature(),
            levelText(r.feature(), r.supportedMinVersion()),
            levelText(r.feature(), r.supportedMaxVersion()),
            levelText(r.feature(), r.finalizedVersionLevel()),
            r.epoch() == null ? "-" : r.epoch().toString());
      }
    }
  }

  /** What upgrade, downgrade and disable share: the updates, the dry run, the report. */
  abstract static class Change implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @ParentCommand FeaturesCommand parent;
    @Mixin OutputOptions output;

    @Option(
        names = "--feature",
        paramLabel = "FEATURE",
        description =
            "A feature and its new level, as group.version=1 (disable: its name); repeatable.")
    List<String> features = new ArrayList<>();

    @Option(names = "--dry-run", description = "Validate the change, but do not make it.")
    boolean dryRun;

    /** One feature's outcome: {@code error} null when it was (or can be) changed. */
    record Result(String feature, short level, String error) {}

    record View(String operation, boolean dryRun, List<Result> results) {}

    abstract String operation();

    abstract UpgradeType type();

    /** The updates asked for, by feature name, in the order given; usage errors thrown. */
    abstract Map<String, Short> updates(PrintWriter notes);

    ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }

    /** Apache's feature=level, each given once. */
    void put(Map<String, Short> updates, String given) {
      FeatureLevels.Level level = level(spec, given);
      putOnce(updates, level.feature(), level.level());
    }

    void putOnce(Map<String, Short> updates, String name, short level) {
      if (level < 0) {
        throw usage("Cannot specify a negative version level.");
      }
      if (updates.put(name, level) != null) {
        throw usage("Feature " + name + " was specified more than once.");
      }
    }

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Map<String, Short> updates = updates(output.json() ? err : out);
      if (updates.isEmpty()) {
        throw usage("You must specify at least one feature to " + operation());
      }
      Map<String, FeatureUpdate> requests = new LinkedHashMap<>();
      updates.forEach((name, level) -> requests.put(name, new FeatureUpdate(level, type())));
      Map<String, String> errors = new TreeMap<>();
      try (Admin admin = parent.admin()) {
        Map<String, KafkaFuture<Void>> answers =
            admin
                .updateFeatures(requests, new UpdateFeaturesOptions().validateOnly(dryRun))
                .values();
        for (Map.Entry<String, KafkaFuture<Void>> e : answers.entrySet()) {
          try {
            e.getValue().get();
            errors.put(e.getKey(), null);
          } catch (ExecutionException x) {
            Throwable cause = KafkaErrors.unwrap(x);
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException
                || cause instanceof org.apache.kafka.common.errors.AuthorizationException) {
              throw x; // the cluster did not answer, or refused: one error line for the run
            }
            errors.put(e.getKey(), cause.getMessage());
          }
        }
      }
      List<Result> results = new ArrayList<>();
      errors.forEach(
          (feature, error) -> results.add(new Result(feature, updates.get(feature), error)));
      output.print(new View(operation(), dryRun, results), this::text, out);
      long failed = results.stream().filter(r -> r.error() != null).count();
      if (failed > 0) {
        err.println("Error: " + failed + " out of " + results.size() + " operation(s) failed.");
        err.flush();
        return ExitCodes.FAILED;
      }
      return ExitCodes.OK;
    }

    private void text(View view, PrintWriter out) {
      boolean disable = view.operation().equals("disable");
      for (Result r : view.results()) {
        if (r.error() != null) {
          out.println(
              (view.dryRun() ? "Can not " : "Could not ")
                  + (disable
                      ? "disable " + r.feature()
                      : view.operation() + " " + r.feature() + " to " + r.level())
                  + ". "
                  + r.error());
        } else {
          out.println(
              r.feature()
                  + (view.dryRun() ? " can be " : " was ")
                  + (disable ? "disabled." : view.operation() + "d to " + r.level() + "."));
        }
      }
    }
  }

  /** What upgrade and downgrade share: --metadata and --release-version. */
  abstract static class LevelChange extends Change {
    @Option(
        names = "--metadata",
        paramLabel = "VERSION",
        description =
            "Deprecated: the metadata.version, as 4.4-IV2 (use --feature or --release-version).")
    String metadata;

    @Option(
        names = "--release-version",
        paramLabel = "VERSION",
        description =
            "Set every feature to the level of this release, as 4.4 or 4.4-IV2 (see"
                + " version-mapping).")
    String releaseVersion;

    @Override
    Map<String, Short> updates(PrintWriter notes) {
      if (releaseVersion != null && (metadata != null || !features.isEmpty())) {
        throw usage("Can not specify `release-version` with other feature flags.");
      }
      Map<String, Short> updates = new LinkedHashMap<>();
      if (releaseVersion != null) {
        MetadataVersion mv = version(releaseVersion);
        updates.put(FeatureLevels.METADATA_VERSION, mv.level());
        for (Feature f : FeatureLevels.FEATURES) {
          short level = f.defaultLevel(mv);
          if (type() != UpgradeType.UPGRADE || level > 0) {
            updates.put(f.name(), level);
          }
        }
        return updates;
      }
      if (metadata != null) {
        notes.println(" `metadata` flag is deprecated and may be removed in a future release.");
        notes.flush();
        updates.put(FeatureLevels.METADATA_VERSION, version(metadata).level());
      }
      features.forEach(f -> put(updates, f));
      return updates;
    }

    private MetadataVersion version(String text) {
      try {
        return FeatureLevels.metadataVersion(text);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
  }

  /** {@code upgrade}. */
  @Command(
      name = "upgrade",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Upgrade one or more feature flags.")
  static final class Upgrade extends LevelChange {
    @Override
    String operation() {
      return "upgrade";
    }

    @Override
    UpgradeType type() {
      return UpgradeType.UPGRADE;
    }
  }

  /** {@code downgrade [--unsafe]}. */
  @Command(
      name = "downgrade",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Downgrade one or more feature flags.")
  static final class Downgrade extends LevelChange {
    @Option(
        names = "--unsafe",
        description = "Perform this downgrade even if it may irreversibly destroy metadata.")
    boolean unsafe;

    @Override
    String operation() {
      return "downgrade";
    }

    @Override
    UpgradeType type() {
      return unsafe ? UpgradeType.UNSAFE_DOWNGRADE : UpgradeType.SAFE_DOWNGRADE;
    }
  }

  /** {@code disable --feature NAME}. */
  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Disable one or more feature flags. This is the same as downgrading the version to"
              + " zero.")
  static final class Disable extends Change {
    @Option(
        names = "--unsafe",
        description = "Disable this feature flag even if it may irreversibly destroy metadata.")
    boolean unsafe;

    @Override
    String operation() {
      return "disable";
    }

    @Override
    UpgradeType type() {
      return unsafe ? UpgradeType.UNSAFE_DOWNGRADE : UpgradeType.SAFE_DOWNGRADE;
    }

    @Override
    Map<String, Short> updates(PrintWriter notes) {
      Map<String, Short> updates = new LinkedHashMap<>();
      features.forEach(f -> putOnce(updates, f, (short) 0));
      return updates;
    }
  }

  /** {@code version-mapping [--release-version V]}: no cluster needed. */
  @Command(
      name = "version-mapping",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Look up the feature levels of a metadata version (default: the latest stable one).")
  static final class VersionMapping implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @Mixin OutputOptions output;

    @Option(
        names = "--release-version",
        paramLabel = "VERSION",
        description =
            "The release version, as 4.4 or 4.4-IV2 (at least 3.3-IV3; default: 4.4-IV2).")
    String releaseVersion;

    /** The metadata version's level as asked for, and each feature's level with it. */
    record View(String releaseVersion, short metadataVersion, Map<String, Short> features) {}

    @Override
    public Integer call() {
      String asked =
          releaseVersion != null ? releaseVersion : FeatureLevels.LATEST_PRODUCTION.version();
      MetadataVersion mv;
      try {
        mv = FeatureLevels.metadataVersion(asked);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      Map<String, Short> levels = new LinkedHashMap<>();
      FeatureLevels.FEATURES.forEach(f -> levels.put(f.name(), f.defaultLevel(mv)));
      output.print(
          new View(asked, mv.level(), levels),
          (v, w) -> {
            w.printf("metadata.version=%d (%s)%n", v.metadataVersion(), v.releaseVersion());
            v.features().forEach((name, level) -> w.printf("%s=%d%n", name, level));
          },
          spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  /** {@code feature-dependencies --feature F=L ...}: no cluster needed. */
  @Command(
      name = "feature-dependencies",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Look up what a level of a feature requires; repeatable.")
  static final class FeatureDependencies implements Callable<Integer>, ArgparseRules {
    @Spec CommandSpec spec;
    @Mixin OutputOptions output;

    @Option(
        names = "--feature",
        required = true,
        paramLabel = "FEATURE=LEVEL",
        description = "A feature and level, as eligible.leader.replicas.version=1; repeatable.")
    List<String> features = new ArrayList<>();

    /** A feature level (metadata.version's with its name) and what it requires. */
    record Dependency(String feature, short level, String version, Map<String, Short> requires) {}

    record View(List<Dependency> features) {}

    @Override
    public Integer call() {
      List<Dependency> found = new ArrayList<>();
      for (String given : features) {
        found.add(lookUp(given));
      }
      output.print(new View(found), FeatureDependencies::text, spec.commandLine().getOut());
      return ExitCodes.OK;
    }

    private Dependency lookUp(String given) {
      FeatureLevels.Level parsed = level(spec, given);
      String name = parsed.feature();
      short level = parsed.level();
      if (name.equals(FeatureLevels.METADATA_VERSION)) {
        MetadataVersion mv =
            FeatureLevels.metadataVersion(level)
                .orElseThrow(() -> usage("Unknown metadata.version " + level));
        return new Dependency(name, level, mv.version(), Map.of());
      }
      Feature feature =
          FeatureLevels.feature(name).orElseThrow(() -> usage("Unknown feature: " + name));
      FeatureLevels.FeatureVersion version =
          feature
              .version(level)
              .orElseThrow(() -> usage("No feature:" + name + " with feature level " + level));
      return new Dependency(name, level, null, version.requires());
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }

    private static void text(View view, PrintWriter out) {
      for (Dependency d : view.features()) {
        if (d.version() != null) {
          out.printf("%s=%d (%s) has no dependencies.%n", d.feature(), d.level(), d.version());
        } else if (d.requires().isEmpty()) {
          out.printf("%s=%d has no dependencies.%n", d.feature(), d.level());
        } else {
          out.printf("%s=%d requires:%n", d.feature(), d.level());
          d.requires()
              .forEach(
                  (dep, level) -> {
                    if (dep.equals(FeatureLevels.METADATA_VERSION)) {
                      out.printf("    %s=%d (%s)%n", dep, level, levelText(dep, level));
                    } else {
                      out.printf("    %s=%d%n", dep, level);
                    }
                  });
        }
      }
    }
  }
}
