package io.kafkit.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.Test;

/** kafkit's table of metadata versions and feature levels against Kafka's own (server-common). */
class FeatureLevelsTest {
  @Test
  void metadataVersionsAreKafkas() {
    List<String> kafka = new ArrayList<>();
    for (MetadataVersion mv : MetadataVersion.VERSIONS) {
      kafka.add(mv.version() + "=" + mv.featureLevel() + (mv.isProduction() ? "" : " unstable"));
    }
    List<String> ours = new ArrayList<>();
    for (FeatureLevels.MetadataVersion mv : FeatureLevels.METADATA_VERSIONS) {
      ours.add(mv.version() + "=" + mv.level() + (mv.production() ? "" : " unstable"));
    }
    assertEquals(kafka, ours);
    assertEquals(
        MetadataVersion.LATEST_PRODUCTION.version(), FeatureLevels.LATEST_PRODUCTION.version());
    assertEquals(MetadataVersion.MINIMUM_VERSION.version(), FeatureLevels.MINIMUM.version());
  }

  @Test
  void releaseVersionsReadAsKafkaReadsThem() {
    for (String text :
        List.of(
            "3.3", "3.5", "3.7", "3.9-IV0", "4.0", "4.0.1", "4.4", "4.4-IV1", "4.5-IV0",
            "3.9.0-x")) {
      assertEquals(
          MetadataVersion.fromVersionString(text, true).version(),
          FeatureLevels.metadataVersion(text).version(),
          text);
    }
    for (String text : List.of("4.5", "bogus", "3.2-IV0", "")) {
      IllegalArgumentException kafka =
          assertThrows(
              IllegalArgumentException.class, () -> MetadataVersion.fromVersionString(text, true));
      IllegalArgumentException ours =
          assertThrows(IllegalArgumentException.class, () -> FeatureLevels.metadataVersion(text));
      assertEquals(kafka.getMessage(), ours.getMessage(), text);
    }
  }

  @Test
  void featuresTheirLevelsDefaultsAndDependenciesAreKafkas() {
    List<String> kafkaNames =
        Feature.PRODUCTION_FEATURES.stream().map(Feature::featureName).toList();
    assertEquals(
        kafkaNames, FeatureLevels.FEATURES.stream().map(FeatureLevels.Feature::name).toList());
    for (Feature f : Feature.PRODUCTION_FEATURES) {
      FeatureLevels.Feature ours = FeatureLevels.feature(f.featureName()).orElseThrow();
      for (MetadataVersion mv : MetadataVersion.VERSIONS) {
        assertEquals(
            f.defaultLevel(mv),
            ours.defaultLevel(FeatureLevels.metadataVersion(mv.version())),
            f.featureName() + " at " + mv);
      }
      for (short level = 0; level <= f.latestTesting(); level++) {
        Map<String, Short> kafka =
            new LinkedHashMap<>(f.fromFeatureLevel(level, true).dependencies());
        assertEquals(
            kafka, ours.version(level).orElseThrow().requires(), f.featureName() + "=" + level);
      }
      assertEquals(f.latestTesting() + 1, ours.versions().size(), f.featureName());
    }
  }
}
