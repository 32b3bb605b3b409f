package io.kafkit.common.cli;

import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.ConnectionSettings;
import io.kafkit.common.kafka.Failure;
import io.kafkit.common.kafka.KafkaErrors;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Every exception a command throws ends here: one line on stderr saying what went wrong and what to
 * do, the stack trace only with {@code --verbose}, and the exit code of the policy.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    Failure failure = KafkaErrors.describe(ex, connectionOf(cmd));
    PrintWriter err = cmd.getErr();
    String prefix = cmd.getCommand() instanceof ErrorPrefix p ? p.errorPrefix() : "Error: ";
    err.println(cmd.getColorScheme().errorText(prefix + failure.message()));
    if (verbose(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }

  private static ConnectionSettings connectionOf(CommandLine cmd) {
    for (CommandLine.Model.CommandSpec mixin : cmd.getCommandSpec().mixins().values()) {
      if (mixin.userObject() instanceof ConnectionOptions options) {
        return options.resolvedOrNull();
      }
    }
    return null;
  }

  private static boolean verbose(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
