package io.kafkit.common.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a command reads from outside its arguments: environment variables and the user's home.
 * Injected (through {@link KafkitFactory}) so tests can give each run its own.
 */
public final class Environment {
  private final UnaryOperator<String> variables;
  private final Path home;

  private Environment(UnaryOperator<String> variables, Path home) {
    this.variables = variables;
    this.home = home;
  }

  public static Environment system() {
    return new Environment(System::getenv, Path.of(System.getProperty("user.home")));
  }

  public static Environment of(Map<String, String> variables, Path home) {
    Map<String, String> copy = Map.copyOf(variables);
    return new Environment(copy::get, home);
  }

  /** The variable's value, if it is set and not blank. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.apply(name)).filter(v -> !v.isBlank());
  }

  /**
   * {@code $KAFKIT_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/kafkit}, else {@code
   * ~/.config/kafkit}.
   */
  public Path configDir() {
    return variable("KAFKIT_CONFIG_DIR")
        .map(Path::of)
        .orElseGet(
            () ->
                variable("XDG_CONFIG_HOME")
                    .map(Path::of)
                    .orElse(home.resolve(".config"))
                    .resolve("kafkit"));
  }

  /** {@code $XDG_DATA_HOME/kafkit}, else {@code ~/.local/share/kafkit}. */
  public Path dataDir() {
    return variable("XDG_DATA_HOME")
        .map(Path::of)
        .orElse(home.resolve(".local").resolve("share"))
        .resolve("kafkit");
  }
}
