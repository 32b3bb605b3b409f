package io.kafkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {
  @Test
  void bracketsGroupValuesWithCommasAndAreDropped() {
    ConfigChanges c =
        ConfigChanges.parse(
            "k1=v1, k2=[a,b,c],SCRAM-SHA-256=[iterations=8192,password=x=y],empty=", null, null);
    assertEquals(
        Map.of(
            "k1",
            "v1",
            "k2",
            "a,b,c",
            "SCRAM-SHA-256",
            "iterations=8192,password=x=y",
            "empty",
            ""),
        c.added());
  }

  @Test
  void deletedKeysAreTrimmed() {
    assertEquals(List.of("a", "b"), ConfigChanges.parse(null, null, List.of(" a", "b ")).deleted());
  }

  @Test
  void aPairWithoutValueOrABadKeyIsRefused() {
    assertThrows(ConfigChanges.Malformed.class, () -> ConfigChanges.parse("k1", null, null));
    assertEquals(
        "Invalid character found for config key: bad key",
        assertThrows(
                ConfigChanges.Malformed.class, () -> ConfigChanges.parse("bad key=1", null, null))
            .getMessage());
  }

  @Test
  void credentialsParseAsApacheAndTheirProblemsNeverShowThePassword() {
    QuotaConfigs.Parsed p = QuotaConfigs.credential("SCRAM-SHA-256", "iterations=8192,password=pw");
    assertEquals(8192, p.iterations());
    assertEquals(4096, QuotaConfigs.credential("SCRAM-SHA-256", "password=pw").iterations());
    String problem = QuotaConfigs.credential("SCRAM-SHA-256", "pass=secret-value").problem();
    assertEquals(
        "Invalid credential property SCRAM-SHA-256: write SCRAM-SHA-256=[iterations=N,password=SECRET],"
            + " or without the brackets in --add-config-file (the value given is not shown)",
        problem);
  }
}
