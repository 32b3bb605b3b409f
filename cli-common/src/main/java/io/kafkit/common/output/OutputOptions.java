package io.kafkit.common.output;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --output text|json}, for every command that prints structured data. An action with a
 * result prints it through {@link #print}; an action without one calls {@link #refuseJson}, so
 * {@code --output json} is never silently ignored.
 */
public final class OutputOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(
      names = "--output",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "Print as Apache's tool does (text, the default) or as JSON.")
  private OutputFormat format = OutputFormat.TEXT;

  public OutputFormat format() {
    return format;
  }

  public boolean json() {
    return format == OutputFormat.JSON;
  }

  /** A usage error if JSON was asked for: the action (such as "--alter") prints no result. */
  public void refuseJson(String action) {
    if (json()) {
      throw new ParameterException(
          mixee.commandLine(),
          "--output json: " + action + " prints no result to format; leave --output out.");
    }
  }

  /** Prints the view as text through the renderer, or as one JSON document. */
  public <V> void print(V view, TextRenderer<? super V> text, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      Json.print(view, out);
    } else {
      text.render(view, out);
    }
    out.flush();
  }
}
