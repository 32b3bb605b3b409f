package io.kafkit.dumplog;

import io.kafkit.common.cli.Environment;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.Verbosity;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.OutputFormat;
import io.kafkit.common.output.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kafkit dump-log}: Apache's DumpLogSegments, fast, and whole on damaged files. */
@Command(
    name = "dump-log",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Print what Kafka's files on disk hold: log segments (.log), KRaft snapshots (.checkpoint),"
          + " offset and time indexes (.index, .timeindex, checked against their log),"
          + " transaction indexes (.txnindex) and producer state snapshots (.snapshot).",
      "A damaged file is reported in one line and the other files are still dumped; the exit"
          + " code is 1 if anything was wrong."
    })
public final class DumpLogCommand implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin Verbosity verbosity;

  @Option(
      names = "--files",
      required = true,
      paramLabel = "FILE[,FILE...]",
      description = "The files to dump, comma-separated.")
  String files;

  @Option(
      names = "--print-data-log",
      description = "Print each record's key and payload (implies --deep-iteration).")
  boolean printDataLog;

  @Option(names = "--deep-iteration", description = "Print each record, not only each batch.")
  boolean deepIteration;

  @Option(
      names = "--skip-record-metadata",
      description =
          "Print records without their offset, sizes and headers (and control records as empty lines).")
  boolean skipRecordMetadata;

  @Option(
      names = "--verify-index-only",
      description = "Check the index against the log without printing its entries.")
  boolean verifyOnly;

  @Option(
      names = "--index-sanity-check",
      description = "Only run the check a broker runs at start-up on the index.")
  boolean indexSanityOnly;

  @Option(
      names = "--max-message-size",
      paramLabel = "BYTES",
      defaultValue = "5242880",
      description = "The largest batch an index entry may point at (default: 5242880).")
  int maxMessageSize;

  @Option(
      names = "--max-bytes",
      paramLabel = "BYTES",
      defaultValue = "2147483647",
      description = "Read at most this many bytes of each log.")
  int maxBytes;

  @Option(
      names = "--key-decoder-class",
      paramLabel = "CLASS",
      arity = "0..1",
      fallbackValue = "org.apache.kafka.tools.api.StringDecoder",
      description =
          "How keys are printed: Apache's StringDecoder (default), IntegerDecoder, LongDecoder, DefaultDecoder (hex); or hex, base64.")
  String keyDecoder;

  @Option(
      names = "--value-decoder-class",
      paramLabel = "CLASS",
      arity = "0..1",
      fallbackValue = "org.apache.kafka.tools.api.StringDecoder",
      description = "How payloads are printed, as --key-decoder-class.")
  String valueDecoder;

  @Option(
      names = "--offsets-decoder",
      description = "Print __consumer_offsets records as group metadata and committed offsets.")
  boolean offsetsDecoder;

  @Option(
      names = "--transaction-log-decoder",
      description = "Print __transaction_state records as transaction metadata.")
  boolean transactionLogDecoder;

  @Option(
      names = "--cluster-metadata-decoder",
      description = "Print __cluster_metadata records (KRaft) as JSON.")
  boolean clusterMetadataDecoder;

  @Option(names = "--share-group-state-decoder", description = "Print __share_group_state records.")
  boolean shareGroupStateDecoder;

  @Option(
      names = "--remote-log-metadata-decoder",
      description = "Print __remote_log_metadata records.")
  boolean remoteLogMetadataDecoder;

  @Option(
      names = "--summary",
      description = "Instead of each batch: counts, ranges, codecs, producers, per file.")
  boolean summary;

  @Option(
      names = "--start-offset",
      paramLabel = "OFFSET",
      description = "Print batches from the one holding this offset (found through the index).")
  Long startOffset;

  @Option(
      names = "--end-offset",
      paramLabel = "OFFSET",
      description = "Stop after the batch holding this offset.")
  Long endOffset;

  public DumpLogCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    RecordParser parser = parser();
    boolean printContents =
        printDataLog || keyDecoder != null || valueDecoder != null || decoderFlag();
    boolean deep = deepIteration || printContents;
    LogReader.Range range = range();
    if (output.format() == OutputFormat.JSON) {
      for (String name : files.split(",")) {
        String suffix = SegmentFiles.suffix(Path.of(name));
        if (!suffix.equals(".log") && !suffix.equals(".checkpoint")) {
          throw usage(
              "--output json reads .log and .checkpoint files; dump "
                  + name
                  + " as text (leave --output out).");
        }
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    Out out = new Out(environment.stdout(), environment.stdoutTerminal());
    Findings findings = new Findings(err, out);
    DumpLog dump = new DumpLog(out, findings, output.format() == OutputFormat.JSON);
    for (String name : files.split(",")) {
      Path file = Path.of(name);
      try {
        dump.file(file, name, this, parser, deep, printContents, range);
      } catch (IOException | RuntimeException e) {
        if (out.failed()) {
          return exitCode(findings); // nobody reads any more
        }
        findings.problem(file, KafkaErrors.describe(e, null).message());
        if (verbosity.level() > 0) {
          e.printStackTrace(err);
        }
      }
    }
    try {
      out.flush();
    } catch (java.io.UncheckedIOException e) {
      return exitCode(findings); // nobody reads any more
    }
    findings.report();
    return exitCode(findings);
  }

  private static int exitCode(Findings findings) {
    return findings.anyFailed() ? ExitCodes.FAILED : ExitCodes.OK;
  }

  boolean decoderFlag() {
    return offsetsDecoder
        || transactionLogDecoder
        || clusterMetadataDecoder
        || shareGroupStateDecoder
        || remoteLogMetadataDecoder;
  }

  private RecordParser parser() {
    if (decoderFlag()) {
      return CoordinatorParsers.parser(this);
    }
    return RecordParser.decoders(
        decoder(keyDecoder, "--key-decoder-class"), decoder(valueDecoder, "--value-decoder-class"));
  }

  private FieldDecoder decoder(String name, String option) {
    if (name == null) {
      return FieldDecoder.STRING;
    }
    return FieldDecoder.named(name)
        .orElseThrow(
            () ->
                usage(
                    option
                        + " "
                        + name
                        + ": kafkit does not load decoder classes; it has "
                        + FieldDecoder.known()
                        + "."));
  }

  private void notNegative(String option, Long offset) {
    if (offset != null && offset < 0) {
      throw usage(option + " must be 0 or more, not " + offset + ".");
    }
  }

  private LogReader.Range range() {
    notNegative("--start-offset", startOffset);
    notNegative("--end-offset", endOffset);
    if (startOffset != null && endOffset != null && endOffset < startOffset) {
      throw usage("--end-offset " + endOffset + " is before --start-offset " + startOffset + ".");
    }
    if (maxBytes <= 0 || maxMessageSize <= 0) {
      throw usage("--max-bytes and --max-message-size must be positive.");
    }
    return new LogReader.Range(
        startOffset == null ? Long.MIN_VALUE : startOffset,
        endOffset == null ? Long.MAX_VALUE : endOffset,
        maxBytes);
  }

  boolean summary() {
    return summary;
  }

  boolean skipRecordMetadata() {
    return skipRecordMetadata;
  }

  boolean verifyOnly() {
    return verifyOnly;
  }

  boolean indexSanityOnly() {
    return indexSanityOnly;
  }

  int maxMessageSize() {
    return maxMessageSize;
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
