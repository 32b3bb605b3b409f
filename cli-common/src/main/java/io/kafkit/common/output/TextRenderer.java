package io.kafkit.common.output;

import java.io.PrintWriter;

/** Prints a view in a tool's text layout; a pure function of the view. */
@FunctionalInterface
public interface TextRenderer<V> {
  void render(V view, PrintWriter out);
}
