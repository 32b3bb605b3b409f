package io.kafkit.app;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kafkit completion bash|zsh}: prints the shell completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Print the completion script for bash or zsh: subcommands, options, their values, and topic"
          + " and group names asked from the cluster on the command line (or the default one).",
      "bash: source <(kafkit completion bash)     zsh: source <(kafkit completion zsh)",
      "The distribution also carries them: completion/kafkit.bash, completion/_kafkit."
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells there is a script for. */
  static final class Shells implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("bash", "zsh").iterator();
    }
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      completionCandidates = Shells.class,
      description = "bash or zsh.")
  String shell;

  @Override
  public Integer call() {
    // the whole tree: the one running holds only this subcommand (Kafkit.commandLineFor)
    var root = Kafkit.commandLine();
    String script =
        switch (shell) {
          case "bash" -> BashCompletion.bash(root);
          case "zsh" -> BashCompletion.zsh(root);
          default ->
              throw new picocli.CommandLine.ParameterException(
                  spec.commandLine(), "No completion for '" + shell + "': give bash or zsh.");
        };
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
