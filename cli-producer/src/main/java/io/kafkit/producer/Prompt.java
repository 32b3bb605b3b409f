package io.kafkit.producer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The terminal at the {@code >} prompt: line editing, and history kept across runs in a file. Owns
 * the terminal, which it restores on close.
 */
final class Prompt implements Closeable {
  static final String PROMPT = ">";

  private final Terminal terminal;
  private final LineReader reader;

  Prompt(Path historyFile) throws IOException {
    Files.createDirectories(historyFile.toAbsolutePath().getParent());
    this.terminal = TerminalBuilder.builder().system(true).name("kafkit").build();
    if (terminal.getWidth() <= 0) {
      // A terminal that reports no size (some serial lines, ptys made by scripts) still edits.
      terminal.setSize(new Size(80, 24));
    }
    this.reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("kafkit-console-producer")
            .variable(LineReader.HISTORY_FILE, historyFile)
            .variable(LineReader.HISTORY_SIZE, 1000)
            .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
  }

  /** The next line typed, or null when the user leaves (Ctrl-D, or Ctrl-C). */
  String readLine() {
    try {
      return reader.readLine(PROMPT);
    } catch (EndOfFileException e) {
      return null;
    } catch (UserInterruptException e) {
      // jline interrupts this thread on Ctrl-C: clear it, or the final flush would give up.
      Thread.interrupted();
      return null;
    }
  }

  /** Shows a message above the prompt, from any thread, leaving what is being typed alone. */
  void show(String message) {
    reader.printAbove(message);
  }

  @Override
  public void close() throws IOException {
    try {
      reader.getHistory().save();
    } finally {
      terminal.close();
    }
  }
}
