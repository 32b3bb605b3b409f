package io.kafkit.admin;

import org.apache.kafka.clients.admin.ConfigEntry.ConfigSource;

/** Where a config value comes from, in words: "default", "static", "dynamic broker", "topic"... */
final class ConfigSources {
  private ConfigSources() {}

  /** What is shown in place of a sensitive value (the broker never sends it). */
  static final String SENSITIVE = "(sensitive)";

  static String label(ConfigSource source) {
    return switch (source) {
      case DEFAULT_CONFIG -> "default";
      case STATIC_BROKER_CONFIG -> "static";
      case DYNAMIC_BROKER_CONFIG -> "dynamic broker";
      case DYNAMIC_DEFAULT_BROKER_CONFIG -> "dynamic default";
      case DYNAMIC_TOPIC_CONFIG -> "topic";
      case DYNAMIC_BROKER_LOGGER_CONFIG -> "broker logger";
      case DYNAMIC_CLIENT_METRICS_CONFIG -> "client metrics";
      case DYNAMIC_GROUP_CONFIG -> "group";
      case UNKNOWN -> "unknown";
    };
  }
}
