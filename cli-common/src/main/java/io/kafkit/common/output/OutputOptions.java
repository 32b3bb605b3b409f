package io.kafkit.common.output;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --output text|json}, for every command that prints structured data. */
public final class OutputOptions {

  @Option(
      names = "--output",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "Print as Apache's tool does (text, the default) or as JSON.")
  private OutputFormat format = OutputFormat.TEXT;

  public OutputFormat format() {
    return format;
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
