package io.kafkit.admin;

import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.convert.PropertiesFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The configs an {@code --alter} adds and deletes, read as kafka-configs reads them: {@code
 * --add-config 'k1=v1,k2=[v1,v2],k3=v3'} (square brackets group values with commas, and are
 * dropped), {@code --add-config-file} (a properties file), {@code --delete-config k1,k2}.
 */
record ConfigChanges(Map<String, String> added, List<String> deleted) {
  /** A comma or equals sign outside square brackets. */
  private static final String OUTSIDE_BRACKETS = "(?=[^\\]]*(?:\\[|$))";

  private static final Pattern KEY = Pattern.compile("[$a-zA-Z0-9._-]*");

  /** Thrown for a malformed value; the command turns it into a usage error. */
  static final class Malformed extends IllegalArgumentException {
    Malformed(String message) {
      super(message);
    }
  }

  static ConfigChanges parse(String addConfig, Path addConfigFile, List<String> deleteConfig) {
    Map<String, String> added = new LinkedHashMap<>();
    if (addConfigFile != null) {
      if (!Files.isRegularFile(addConfigFile)) {
        throw new KafkitException("The config file " + addConfigFile + " does not exist.");
      }
      Properties file = PropertiesFiles.read(addConfigFile);
      file.stringPropertyNames().stream().sorted().forEach(k -> added.put(k, file.getProperty(k)));
    }
    if (addConfig != null) {
      for (String pair : addConfig.split("," + OUTSIDE_BRACKETS)) {
        String[] kv = pair.split("\\s*=\\s*" + OUTSIDE_BRACKETS, -1);
        if (kv.length != 2) {
          throw new Malformed(
              "Invalid entity config: all configs to be added must be in the format \"key=val\""
                  + " or  \"key=[val1,val2]\" to group values which contain commas.");
        }
        added.put(kv[0].trim(), kv[1].replaceAll("\\[?\\]?", "").trim());
      }
    }
    for (String key : added.keySet()) {
      if (!KEY.matcher(key).matches()) {
        throw new Malformed("Invalid character found for config key: " + key);
      }
    }
    List<String> deleted = new ArrayList<>();
    if (deleteConfig != null) {
      deleteConfig.forEach(k -> deleted.add(k.trim()));
    }
    return new ConfigChanges(added, deleted);
  }
}
