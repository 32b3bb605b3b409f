package io.kafkit.consumer;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The deserializers the formatter applies ({@code --key-deserializer}, {@code key.deserializer} and
 * the like), by class name, configured with their prefixed settings as Apache configures them. Null
 * means raw bytes.
 */
record Deserializers(Deserializer<?> key, Deserializer<?> value, Deserializer<?> headers) {

  static final Deserializers NONE = new Deserializers(null, null, null);

  /**
   * @throws IllegalArgumentException naming the class, when it cannot be loaded or configured
   */
  static Deserializers from(FormatterSettings settings) {
    return new Deserializers(
        load(settings, "key.deserializer", true),
        load(settings, "value.deserializer", false),
        load(settings, "headers.deserializer", false));
  }

  private static Deserializer<?> load(FormatterSettings settings, String key, boolean isKey) {
    String className = settings.properties().get(key);
    if (className == null || className.isBlank()) {
      return null;
    }
    String name = className.trim();
    Object instance;
    try {
      instance = Class.forName(name).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "Cannot find the "
              + key
              + " class "
              + name
              + ". Kafka's own (org.apache.kafka.common.serialization.StringDeserializer,"
              + " LongDeserializer, ...) are built in; put others' jars in kafkit's lib/.");
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalArgumentException("Cannot create the " + key + " " + name + ": " + e);
    }
    if (!(instance instanceof Deserializer<?> deserializer)) {
      throw new IllegalArgumentException(
          name + " is not a " + Deserializer.class.getName() + " (" + key + ")");
    }
    Map<String, String> config = settings.withPrefix(key);
    deserializer.configure(config, isKey);
    return deserializer;
  }
}
