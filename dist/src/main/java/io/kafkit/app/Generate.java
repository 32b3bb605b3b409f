package io.kafkit.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The build step that writes what the distribution derives from the tool registry ({@link Tools})
 * and the command model: man pages, completion scripts, the launcher's JVM flags by tool, and a
 * drop-in script for each Apache script a tool replaces.
 */
public final class Generate {
  private Generate() {}

  /**
   * {@code Generate DOCS_DIR BIN_DIR LAUNCHER_TEMPLATE}: man pages and completion scripts into
   * DOCS_DIR, {@code kafkit} and the drop-ins into BIN_DIR.
   */
  public static void main(String[] args) throws IOException {
    Path docs = Path.of(args[0]);
    Path bin = Files.createDirectories(Path.of(args[1]));
    CommandLine root = Kafkit.commandLine();
    ManPages.write(root, docs.resolve("man"));
    Path completion = Files.createDirectories(docs.resolve("completion"));
    write(completion.resolve("kafkit.bash"), BashCompletion.bash(root));
    write(completion.resolve("_kafkit"), BashCompletion.zsh(root));
    write(bin.resolve("kafkit"), launcher(Files.readString(Path.of(args[2]))));
    for (Map.Entry<String, String> dropIn : Tools.dropIns().entrySet()) {
      write(bin.resolve(dropIn.getKey()), dropIn(dropIn.getKey(), dropIn.getValue()));
    }
  }

  /** The launcher with the registry's JVM profiles filled in. */
  static String launcher(String template) {
    Map<Tools.JvmProfile, List<String>> byProfile = new EnumMap<>(Tools.JvmProfile.class);
    for (Tools.Tool tool : Tools.ALL) {
      byProfile.computeIfAbsent(tool.profile(), p -> new java.util.ArrayList<>()).add(tool.name());
    }
    StringBuilder cases = new StringBuilder();
    byProfile.forEach(
        (profile, tools) -> {
          if (profile != Tools.JvmProfile.SHORT_COMMAND) {
            cases.append(profileCase(String.join(" | ", tools), profile));
          }
        });
    cases.append(profileCase("*", Tools.JvmProfile.SHORT_COMMAND));
    String decoders =
        Tools.ALL.stream()
            .filter(tool -> tool.profile().brokerDecoders)
            .map(Tools.Tool::name)
            .collect(Collectors.joining(" | "));
    return template
        .replace("@JVM_PROFILES@\n", cases.toString())
        .replace("@BROKER_DECODER_TOOLS@", decoders.isEmpty() ? "__none__" : decoders);
  }

  private static String profileCase(String pattern, Tools.JvmProfile profile) {
    return "  %s)\n    # %s\n    JVM_FLAGS=\"%s\" ;;\n"
        .formatted(pattern, profile.name(), profile.jvmFlags);
  }

  static String dropIn(String script, String tool) {
    return """
        #!/bin/sh
        # Drop-in for Apache Kafka's %s: the same options and output, run by kafkit %s.
        self=$0
        while [ -h "$self" ]; do
          link=$(readlink "$self")
          case $link in
            /*) self=$link ;;
            *) self=$(dirname "$self")/$link ;;
          esac
        done
        exec "$(dirname "$self")/kafkit" %s "$@"
        """
        .formatted(script, tool, tool);
  }

  /** The launcher's JVM flags for each tool, read back from a launcher: what the test compares. */
  static Map<String, String> launcherFlags(String launcher) {
    Map<String, String> flags = new TreeMap<>();
    String[] lines = launcher.split("\n");
    for (int i = 0; i + 2 < lines.length; i++) {
      String pattern = lines[i].trim();
      String flagLine = lines[i + 2].trim();
      if (pattern.endsWith(")") && flagLine.startsWith("JVM_FLAGS=\"")) {
        String value = flagLine.substring("JVM_FLAGS=\"".length(), flagLine.indexOf("\" ;;"));
        for (String tool : pattern.substring(0, pattern.length() - 1).split(" \\| ")) {
          flags.put(tool, value);
        }
      }
    }
    return flags;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
