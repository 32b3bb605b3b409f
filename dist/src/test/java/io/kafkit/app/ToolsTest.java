package io.kafkit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The tool registry against everything derived from it: when a tool is added, renamed or given
 * another profile, these fail until the root command, scripts, completion and man pages agree.
 */
class ToolsTest {
  static final Path LAUNCHER = Path.of("src/main/launcher/kafkit");

  @Test
  void theRootCommandHasExactlyTheRegisteredTools() {
    CommandLine root = Kafkit.commandLine();
    Map<String, Class<?>> subcommands = new LinkedHashMap<>();
    root.getSubcommands()
        .forEach((name, sub) -> subcommands.put(name, sub.getCommand().getClass()));
    Map<String, Class<?>> registered = new LinkedHashMap<>();
    Tools.ALL.forEach(tool -> registered.put(tool.name(), tool.command()));
    assertEquals(registered, subcommands);
  }

  @Test
  void eachToolIsNamedAsItsCommandNamesItself() {
    for (Tools.Tool tool : Tools.ALL) {
      CommandLine.Command command = tool.command().getAnnotation(CommandLine.Command.class);
      assertEquals(tool.name(), command.name(), tool.command().getName());
    }
  }

  @Test
  void everyToolModuleHasItsToolsRegistered() throws Exception {
    String parent = Files.readString(Path.of("../pom.xml"));
    Matcher module = Pattern.compile("<module>(cli-[a-z]+)</module>").matcher(parent);
    List<String> unregistered = new ArrayList<>();
    while (module.find()) {
      String name = module.group(1);
      if (name.equals("cli-common") || name.equals("cli-testkit")) {
        continue;
      }
      boolean registered =
          Tools.ALL.stream()
              .anyMatch(
                  tool ->
                      tool.command()
                          .getProtectionDomain()
                          .getCodeSource()
                          .getLocation()
                          .getPath()
                          .contains("/" + name + "/"));
      if (!registered) {
        unregistered.add(name);
      }
    }
    assertEquals(List.of(), unregistered, "tool modules with no command in Tools.ALL");
  }

  @Test
  void dropInsAreApacheScriptNamesEachForOneTool() {
    for (Tools.Tool tool : Tools.ALL) {
      for (String script : tool.apacheScripts()) {
        assertTrue(script.matches("kafka-[a-z0-9-]+\\.sh"), script);
      }
    }
    int scripts = Tools.ALL.stream().mapToInt(tool -> tool.apacheScripts().size()).sum();
    assertEquals(scripts, Tools.dropIns().size(), "an Apache script claimed by two tools");
    assertEquals("topics", Tools.dropIns().get("kafka-topics.sh"));
  }

  @Test
  void theLauncherGivesEachToolItsProfilesFlags() throws Exception {
    String launcher = Generate.launcher(Files.readString(LAUNCHER));
    assertTrue(!launcher.matches("(?s).*@[A-Z_]+@.*"), "a placeholder left in\n" + launcher);
    Map<String, String> read = Generate.launcherFlags(launcher);
    assertEquals(expectedFlags(), withDefault(read));
    assertTrue(
        launcher.contains("\n  dump-log)\n    for name in server-common"),
        "the file readers get the broker's decoders\n" + launcher);
  }

  /** What the launcher must give each tool: its profile's flags, the short command's by default. */
  static Map<String, String> expectedFlags() {
    Map<String, String> expected = new TreeMap<>();
    Tools.ALL.forEach(tool -> expected.put(tool.name(), tool.profile().jvmFlags));
    return expected;
  }

  /** A launcher's flags per tool, with the {@code *)} case applied to the tools not named. */
  static Map<String, String> withDefault(Map<String, String> read) {
    Map<String, String> flags = new TreeMap<>();
    Tools.ALL.forEach(
        tool -> flags.put(tool.name(), read.getOrDefault(tool.name(), read.get("*"))));
    return flags;
  }

  @Test
  void dropInScriptRunsItsTool() {
    String script = Generate.dropIn("kafka-topics.sh", "topics");
    assertTrue(script.startsWith("#!/bin/sh\n"), script);
    assertTrue(script.endsWith("exec \"$(dirname \"$self\")/kafkit\" topics \"$@\"\n"), script);
  }

  @Test
  void completionKnowsEveryVisibleToolAndEveryDropIn() {
    String bash = BashCompletion.bash(Kafkit.commandLine());
    String commands =
        bash.lines().filter(l -> l.startsWith("_kafkit_commands='")).findFirst().orElseThrow();
    List<String> words = List.of(commands.replaceAll("^[^']*'|'$", "").split(" "));
    for (Tools.Tool tool : Tools.ALL) {
      boolean hidden = tool.name().startsWith("__");
      assertEquals(!hidden, words.contains(tool.name()), tool.name() + " in " + commands);
    }
    String completeLine =
        bash.lines().filter(l -> l.startsWith("complete ")).findFirst().orElseThrow();
    assertEquals(
        "complete -o default -F _kafkit kafkit " + String.join(" ", Tools.dropIns().keySet()),
        completeLine);
    Tools.dropIns()
        .forEach(
            (script, tool) ->
                assertTrue(
                    bash.contains("    " + script + ") cmd=" + tool + " first=1 ;;"), script));
  }

  @Test
  void eachDropInsManPageNamesIt() {
    CommandLine root = Kafkit.commandLine();
    Tools.dropIns()
        .forEach(
            (script, tool) -> {
              String page = ManPages.page(root.getSubcommands().get(tool), "kafkit " + tool);
              assertTrue(
                  page.contains("\\fB" + ManPages.escape(script) + "\\fR runs this command"),
                  script);
            });
  }
}
