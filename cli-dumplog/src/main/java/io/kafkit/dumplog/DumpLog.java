package io.kafkit.dumplog;

import io.kafkit.common.output.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** One file of a dump-log run: checks it can be read, then dumps it according to its kind. */
final class DumpLog {
  private final Out out;
  private final Findings findings;
  private final boolean json;

  DumpLog(Out out, Findings findings, boolean json) {
    this.out = out;
    this.findings = findings;
    this.json = json;
  }

  void file(
      Path file,
      String name,
      DumpLogCommand options,
      RecordParser parser,
      boolean deep,
      boolean printContents,
      LogReader.Range range)
      throws IOException {
    if (!json) {
      out.text("Dumping ").text(name).newline();
    }
    if (Files.isDirectory(file)) {
      findings.problem(
          file,
          "is a directory; give the files in it (such as "
              + file.resolve("00000000000000000000.log")
              + ").");
      return;
    }
    String suffix = SegmentFiles.suffix(file);
    if (!isKnown(suffix)) {
      findings.unknown(file);
      return;
    }
    if (!Files.exists(file)) {
      findings.problem(file, "no such file.");
      return;
    }
    if (!Files.isReadable(file)) {
      findings.problem(file, "permission denied.");
      return;
    }
    OptionalLong base = SegmentFiles.baseOffset(file);
    switch (suffix) {
      case ".log", ".checkpoint" -> {
        if (suffix.equals(".log")) {
          if (base.isEmpty()) {
            findings.problem(
                file, "is not named as a segment (20 digits: its base offset, then .log).");
            return;
          }
          if (!json) {
            out.text("Log starting offset: ").number(base.getAsLong()).newline();
          }
        } else if (!json) {
          String header = SegmentFiles.checkpointHeader(file);
          if (header == null) {
            findings.problem(file, "is not named as a KRaft snapshot (OFFSET-EPOCH.checkpoint).");
            return;
          }
          out.text(header).newline();
        }
        log(file, options, parser, deep, printContents, range);
      }
      case ".index", ".timeindex" -> {
        if (base.isEmpty()) {
          findings.problem(
              file, "is not named as an index (20 digits: its base offset, then " + suffix + ").");
          return;
        }
        IndexDump index =
            new IndexDump(
                out,
                findings,
                options.indexSanityOnly(),
                options.verifyOnly(),
                options.maxMessageSize());
        if (suffix.equals(".index")) {
          index.offsetIndex(file, base.getAsLong());
        } else {
          index.timeIndex(file, base.getAsLong());
        }
      }
      case ".snapshot", ".txnindex" -> {
        StateFilesDump state = new StateFilesDump(out, findings);
        if (suffix.equals(".snapshot")) {
          state.producerSnapshot(file);
        } else {
          state.transactionIndex(file);
        }
      }
      default -> findings.unknown(file);
    }
  }

  private void log(
      Path file,
      DumpLogCommand options,
      RecordParser parser,
      boolean deep,
      boolean printContents,
      LogReader.Range range)
      throws IOException {
    LogReader reader = new LogReader(findings);
    if (options.summary()) {
      Summary summary = new Summary(file);
      reader.read(file, range, summary);
      if (json) {
        out.text(Json.line(summary.view())).newline();
      } else {
        out.text("Summary:").newline();
        Summary.text(summary.view(), out);
      }
      return;
    }
    BatchVisitor visitor =
        json
            ? new JsonBatches(file, out, deep, printContents)
            : new TextLines(file, out, deep, printContents, options.skipRecordMetadata(), parser);
    reader.read(file, range, visitor);
  }

  private static boolean isKnown(String suffix) {
    return switch (suffix) {
      case ".log", ".checkpoint", ".index", ".timeindex", ".snapshot", ".txnindex" -> true;
      default -> false;
    };
  }
}
