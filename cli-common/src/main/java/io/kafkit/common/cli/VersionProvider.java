package io.kafkit.common.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: kafkit's own version and the version of the Kafka client it carries. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"kafkit " + kafkitVersion() + " (Kafka client " + kafkaVersion() + ")"};
  }

  public static String kafkitVersion() {
    return properties().getProperty("version", "unknown");
  }

  public static String kafkaVersion() {
    // AppInfoParser would load the client's metrics classes; the build records the same version.
    return properties().getProperty("kafka.version", "unknown");
  }

  private static Properties properties() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/kafkit-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
