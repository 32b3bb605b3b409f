package io.kafkit.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bash completion script, generated from the command model: subcommands, each command's
 * options, the values of enum options, files for options that take a file, and the names of topics
 * and groups asked from the cluster ({@code kafkit __complete}) for --topic and --group. zsh runs
 * it through bashcompinit. The drop-in scripts complete as their subcommand.
 */
final class BashCompletion {
  private BashCompletion() {}

  static String zsh(CommandLine root) {
    return "#compdef kafkit\n# kafkit zsh completion: bash's, through bashcompinit.\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + bash(root);
  }

  static String bash(CommandLine root) {
    List<String> commands = new ArrayList<>();
    StringBuilder options = new StringBuilder();
    StringBuilder values = new StringBuilder();
    root.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()) {
                commands.add(name);
                describe(name, sub, options, values);
              }
            });
    return """
        # kafkit bash completion, generated from kafkit's commands ('kafkit completion bash').
        # Load it with: source <(kafkit completion bash)

        _kafkit_commands='%s --help --version'

        _kafkit_options() {
          case "$1" in
        %s    *) ;;
          esac
        }

        # What the word after an option is: a word list, or files, topics, groups; nothing for a
        # flag (status 1), so that options are completed instead.
        _kafkit_values() {
          case "$1" in
        %s    *) return 1 ;;
          esac
        }

        _kafkit_names() {
          local i k=kafkit conn=()
          [[ ${COMP_WORDS[0]} == */* ]] && k=${COMP_WORDS[0]%%/*}/kafkit
          for ((i = 1; i < COMP_CWORD - 1; i++)); do
            case ${COMP_WORDS[i]} in
              --bootstrap-server|--broker-list) conn+=(--bootstrap-server "${COMP_WORDS[i+1]}") ;;
              --command-config|--producer.config|--consumer.config) conn+=(--command-config "${COMP_WORDS[i+1]}") ;;
              --profile) conn+=(--profile "${COMP_WORDS[i+1]}") ;;
            esac
          done
          COMPREPLY=($(compgen -W "$("$k" __complete "$1" "${conn[@]}" 2>/dev/null)" -- "$2"))
        }

        _kafkit() {
          local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd first
          case ${COMP_WORDS[0]##*/} in
        %s    *)
              if [ "$COMP_CWORD" -eq 1 ]; then
                COMPREPLY=($(compgen -W "$_kafkit_commands" -- "$cur"))
                return
              fi
              cmd=${COMP_WORDS[1]} first=2 ;;
          esac
          if [ "$COMP_CWORD" -gt "$first" ] && [ -n "$(_kafkit_options "$cmd ${COMP_WORDS[first]}")" ]; then
            cmd="$cmd ${COMP_WORDS[first]}"
          fi
          local kind
          if kind=$(_kafkit_values "$cmd $prev"); then
            case $kind in
              @files) COMPREPLY=($(compgen -f -- "$cur")) ;;
              @topics) _kafkit_names topics "$cur" ;;
              @groups) _kafkit_names groups "$cur" ;;
              @any) COMPREPLY=() ;;
              *) COMPREPLY=($(compgen -W "$kind" -- "$cur")) ;;
            esac
            return
          fi
          COMPREPLY=($(compgen -W "$(_kafkit_options "$cmd")" -- "$cur"))
        }

        complete -o default -F _kafkit kafkit %s
        """
        .formatted(
            String.join(" ", commands),
            options,
            values,
            dropIns(),
            String.join(" ", Tools.dropIns().keySet()));
  }

  private static String dropIns() {
    StringBuilder s = new StringBuilder();
    Tools.dropIns()
        .forEach(
            (script, command) ->
                s.append("    ")
                    .append(script)
                    .append(") cmd=")
                    .append(command)
                    .append(" first=1 ;;\n"));
    return s.toString();
  }

  private static void describe(
      String path, CommandLine command, StringBuilder options, StringBuilder values) {
    CommandSpec spec = command.getCommandSpec();
    TreeSet<String> words = new TreeSet<>();
    List<OptionSpec> byName = new ArrayList<>(spec.options());
    byName.sort(java.util.Comparator.comparing(OptionSpec::longestName));
    for (OptionSpec option : byName) {
      if (option.hidden() && !isApacheSpelling(option)) {
        continue;
      }
      words.add(option.longestName());
      if (option.arity().max() > 0) {
        values
            .append("    \"")
            .append(path)
            .append(' ')
            .append(String.join("\"|\"" + path + " ", option.names()))
            .append("\") echo '")
            .append(kind(option))
            .append("' ;;\n");
      }
    }
    spec.positionalParameters()
        .forEach(
            p -> {
              if (p.completionCandidates() != null) {
                p.completionCandidates().forEach(words::add);
              }
            });
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()) {
                words.add(name);
                describe(path + " " + name, sub, options, values);
              }
            });
    options
        .append("    \"")
        .append(path)
        .append("\") echo '")
        .append(String.join(" ", words))
        .append("' ;;\n");
  }

  /** Apache's older names are hidden from help but are what old scripts and fingers type. */
  private static boolean isApacheSpelling(OptionSpec option) {
    String name = option.longestName();
    return name.contains(".config")
        || name.equals("--broker-list")
        || name.equals("--property")
        || name.equals("--producer-property")
        || name.equals("--consumer-property")
        || name.equals("--producer-props")
        || name.equals("--messages");
  }

  private static String kind(OptionSpec option) {
    String name = option.longestName();
    if (name.equals("--topic")) {
      return "@topics";
    }
    if (name.equals("--group")) {
      return "@groups";
    }
    Class<?> type = option.type();
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        names.add(constant.toString().toLowerCase(java.util.Locale.ROOT));
      }
      return String.join(" ", names);
    }
    if (option.completionCandidates() != null) {
      List<String> names = new ArrayList<>();
      option.completionCandidates().forEach(names::add);
      if (!names.isEmpty()) {
        return String.join(" ", names);
      }
    }
    String label = option.paramLabel().toUpperCase(java.util.Locale.ROOT);
    if (Path.class.isAssignableFrom(type)
        || java.io.File.class.isAssignableFrom(type)
        || label.contains("FILE")) {
      return "@files";
    }
    return "@any";
  }
}
