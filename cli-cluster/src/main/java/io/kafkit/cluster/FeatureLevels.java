package io.kafkit.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The metadata versions and feature levels of Apache Kafka 4.4.0 (its server-common's
 * MetadataVersion and Feature), which kafka-features.sh prints and maps without asking the cluster.
 * {@code FeatureLevelsTest} holds this table to server-common's own.
 */
final class FeatureLevels {
  private FeatureLevels() {}

  static final String METADATA_VERSION = "metadata.version";

  /** A metadata version: {@code 4.4-IV2}, its feature level, and whether it is production-ready. */
  record MetadataVersion(String version, short level, boolean production) {
    /** The release it belongs to: {@code 4.4}. */
    String release() {
      return version.substring(0, version.indexOf('-'));
    }
  }

  /** A level of a feature: the metadata version that brings it by default, what it requires. */
  record FeatureVersion(
      short level, String bootstrapMetadataVersion, Map<String, Short> requires) {}

  /** A production feature and its levels, lowest first. */
  record Feature(String name, List<FeatureVersion> versions) {
    /** The level a cluster of this metadata version gets by default. */
    short defaultLevel(MetadataVersion mv) {
      short level = versions.get(0).level();
      for (FeatureVersion v : versions) {
        if (metadataVersion(v.bootstrapMetadataVersion()).level() > mv.level()) {
          break;
        }
        level = v.level();
      }
      return level;
    }

    Optional<FeatureVersion> version(short level) {
      return versions.stream().filter(v -> v.level() == level).findFirst();
    }
  }

  /** A feature and a level of it, as Apache reads {@code feature=level}: both trimmed. */
  record Level(String feature, short level) {
    static Level parse(String given) {
      int eq = given.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "Can't parse feature=level string " + given + ": equals sign not found.");
      }
      String level = given.substring(eq + 1).trim();
      try {
        return new Level(given.substring(0, eq).trim(), Short.parseShort(level));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Can't parse feature=level string "
                + given
                + ": unable to parse "
                + level
                + " as a short.");
      }
    }
  }

  static final List<MetadataVersion> METADATA_VERSIONS =
      List.of(
          new MetadataVersion("3.3-IV3", (short) 7, true),
          new MetadataVersion("3.4-IV0", (short) 8, true),
          new MetadataVersion("3.5-IV0", (short) 9, true),
          new MetadataVersion("3.5-IV1", (short) 10, true),
          new MetadataVersion("3.5-IV2", (short) 11, true),
          new MetadataVersion("3.6-IV0", (short) 12, true),
          new MetadataVersion("3.6-IV1", (short) 13, true),
          new MetadataVersion("3.6-IV2", (short) 14, true),
          new MetadataVersion("3.7-IV0", (short) 15, true),
          new MetadataVersion("3.7-IV1", (short) 16, true),
          new MetadataVersion("3.7-IV2", (short) 17, true),
          new MetadataVersion("3.7-IV3", (short) 18, true),
          new MetadataVersion("3.7-IV4", (short) 19, true),
          new MetadataVersion("3.8-IV0", (short) 20, true),
          new MetadataVersion("3.9-IV0", (short) 21, true),
          new MetadataVersion("4.0-IV0", (short) 22, true),
          new MetadataVersion("4.0-IV1", (short) 23, true),
          new MetadataVersion("4.0-IV2", (short) 24, true),
          new MetadataVersion("4.0-IV3", (short) 25, true),
          new MetadataVersion("4.1-IV0", (short) 26, true),
          new MetadataVersion("4.1-IV1", (short) 27, true),
          new MetadataVersion("4.2-IV0", (short) 28, true),
          new MetadataVersion("4.2-IV1", (short) 29, true),
          new MetadataVersion("4.3-IV0", (short) 30, true),
          new MetadataVersion("4.4-IV0", (short) 31, true),
          new MetadataVersion("4.4-IV1", (short) 32, true),
          new MetadataVersion("4.4-IV2", (short) 33, true),
          new MetadataVersion("4.5-IV0", (short) 34, false));

  static final MetadataVersion MINIMUM = METADATA_VERSIONS.get(0);

  static final MetadataVersion LATEST_PRODUCTION =
      METADATA_VERSIONS.stream().filter(MetadataVersion::production).reduce((a, b) -> b).get();

  /** The production features, in Apache's order (version-mapping prints them so). */
  static final List<Feature> FEATURES =
      List.of(
          feature("kraft.version", v(0, "3.3-IV3"), v(1, "3.9-IV0")),
          feature("transaction.version", v(0, "3.3-IV3"), v(1, "4.0-IV2"), v(2, "4.0-IV2")),
          feature("group.version", v(0, "3.3-IV3"), v(1, "4.0-IV0")),
          feature(
              "eligible.leader.replicas.version",
              v(0, "3.3-IV3"),
              new FeatureVersion((short) 1, "4.1-IV0", Map.of(METADATA_VERSION, (short) 23))),
          feature("share.version", v(0, "3.3-IV3"), v(1, "4.2-IV0"), v(2, "4.4-IV0")),
          feature("streams.version", v(0, "3.3-IV3"), v(1, "4.2-IV1")));

  private static Feature feature(String name, FeatureVersion... versions) {
    return new Feature(name, List.of(versions));
  }

  private static FeatureVersion v(int level, String bootstrap) {
    return new FeatureVersion((short) level, bootstrap, Map.of());
  }

  /**
   * A metadata version by its name ({@code 4.4-IV2}), or a production release ({@code 4.4}, its
   * last version; {@code 4.4.1} too), as Apache reads {@code --release-version}.
   */
  static MetadataVersion metadataVersion(String text) {
    String[] parts = text.split("\\.");
    String key = parts.length > 2 ? parts[0] + "." + parts[1] : text;
    Map<String, MetadataVersion> names = new LinkedHashMap<>();
    for (MetadataVersion mv : METADATA_VERSIONS) {
      names.put(mv.version(), mv);
      if (mv.production()) {
        names.put(mv.release(), mv); // a later version of the release replaces an earlier one
      }
    }
    MetadataVersion found = names.get(key);
    if (found == null) {
      throw new IllegalArgumentException(
          "Unknown metadata.version '"
              + text
              + "'. Supported metadata.version are: "
              + METADATA_VERSIONS.stream()
                  .map(MetadataVersion::version)
                  .collect(Collectors.joining(", ")));
    }
    return found;
  }

  static Optional<MetadataVersion> metadataVersion(short level) {
    return METADATA_VERSIONS.stream().filter(mv -> mv.level() == level).findFirst();
  }

  static Optional<Feature> feature(String name) {
    return FEATURES.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
