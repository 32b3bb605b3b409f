package io.kafkit.common.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates commands, mixins and converters for picocli, handing the {@link Environment} to those
 * whose constructor asks for it.
 */
public final class KafkitFactory implements IFactory {
  private final Environment environment;
  private final IFactory fallback = CommandLine.defaultFactory();

  public KafkitFactory(Environment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == Environment.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(environment));
      }
    }
    return fallback.create(type);
  }
}
