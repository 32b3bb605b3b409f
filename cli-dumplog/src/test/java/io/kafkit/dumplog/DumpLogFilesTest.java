package io.kafkit.dumplog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkit.common.cli.CommandLines;
import io.kafkit.common.cli.Environment;
import io.kafkit.testkit.CliResult;
import io.kafkit.testkit.CliRunner;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.utils.internals.Crc32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka's small files, built byte by byte here, and the output writer. */
class DumpLogFilesTest {
  @TempDir Path dir;

  static CliResult dump(String... args) {
    return new CliRunner(() -> DumpLogCommand.class).run(args);
  }

  @Test
  void numbersAndTextAsBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Out out = new Out(bytes, false);
    out.number(0)
        .text(" ")
        .number(-42)
        .text(" ")
        .number(Long.MAX_VALUE)
        .text(" ")
        .number(Long.MIN_VALUE)
        .text(" é")
        .newline();
    out.flush();
    assertEquals(
        "0 -42 9223372036854775807 -9223372036854775808 é\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void segmentNames() {
    assertEquals(
        42, SegmentFiles.baseOffset(Path.of("/d/00000000000000000042.timeindex")).getAsLong());
    assertTrue(SegmentFiles.baseOffset(Path.of("/d/notes.log")).isEmpty());
    assertEquals(
        "Snapshot end offset: 120, epoch: 3",
        SegmentFiles.checkpointHeader(Path.of("00000000000000000120-0000000003.checkpoint")));
    assertEquals(
        "KRaft bootstrap snapshot", SegmentFiles.checkpointHeader(Path.of("bootstrap.checkpoint")));
    assertNull(SegmentFiles.checkpointHeader(Path.of("x.checkpoint")));
  }

  @Test
  void aReaderThatGoesAwayEndsTheDumpQuietly() throws Exception {
    ByteBuffer index = ByteBuffer.allocate(8 * 20_000);
    for (int i = 0; i < 20_000; i++) {
      index.putInt(i).putInt(i * 100);
    }
    Path file = Files.write(dir.resolve("00000000000000000000.index"), index.array());
    // a pipe whose reader left after the first bytes, as `kafkit dump-log ... | head` leaves it
    int[] writes = {0};
    java.io.OutputStream closedPipe =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            writes[0]++;
            throw new java.io.IOException("Broken pipe");
          }
        };
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cmd =
        CommandLines.create(
            DumpLogCommand.class,
            Environment.of(Map.of(), dir, java.io.InputStream.nullInputStream(), closedPipe));
    cmd.setErr(new java.io.PrintWriter(err, true));
    int code = CommandLines.execute(cmd, "--files", file + "," + file);
    assertEquals(1, writes[0]); // the second file is not read
    assertFalse(err.toString().contains("Broken pipe"), err.toString());
    // the index's log segment is missing: that is still reported by the exit code
    assertEquals(1, code);
  }

  @Test
  void indexSanityWithKafkasWording() throws Exception {
    ByteBuffer index = ByteBuffer.allocate(17);
    index.putInt(5).putInt(0).putInt(9).putInt(100).put((byte) 0);
    Path file = Files.write(dir.resolve("00000000000000000010.index"), index.array());
    IndexFile parsed = IndexFile.open(file, 10, IndexFile.OFFSET_ENTRY);
    assertEquals(2, parsed.entries());
    assertEquals(19, parsed.offset(1));
    assertEquals(100, parsed.floorPosition(30));
    assertEquals(0, parsed.floorPosition(12));
    assertEquals(
        "Index file "
            + file.toAbsolutePath()
            + " is corrupt, found 17 bytes which is neither positive nor a multiple of 8",
        parsed.sanityProblem());
    CliResult r = dump("--files", file.toString(), "--index-sanity-check");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("is corrupt, found 17 bytes"), r.err());
  }

  @Test
  void timeIndexSanity() throws Exception {
    ByteBuffer index = ByteBuffer.allocate(24);
    index.putLong(2000).putInt(1).putLong(1000).putInt(2);
    Path file = Files.write(dir.resolve("00000000000000000000.timeindex"), index.array());
    String problem = IndexFile.open(file, 0, IndexFile.TIME_ENTRY).sanityProblem();
    assertTrue(
        problem.contains(
            "has non-zero size but the last timestamp is 1000 which is less than the first timestamp 2000"),
        problem);
  }

  @Test
  void producerSnapshotAndItsCorruption() throws Exception {
    ByteBuffer entries = ByteBuffer.allocate(4 + 46);
    entries
        .putInt(1)
        .putLong(7)
        .putShort((short) 2)
        .putInt(9)
        .putLong(41)
        .putInt(4)
        .putLong(1700000000000L)
        .putInt(3)
        .putLong(-1);
    byte[] body = entries.array();
    ByteBuffer file = ByteBuffer.allocate(6 + body.length);
    file.putShort((short) 1).putInt((int) Crc32C.compute(body, 0, body.length)).put(body);
    Path snapshot = Files.write(dir.resolve("00000000000000000042.snapshot"), file.array());
    CliResult r = dump("--files", snapshot.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(
        "Dumping "
            + snapshot
            + "\nproducerId: 7 producerEpoch: 2 coordinatorEpoch: 3 currentTxnFirstOffset: OptionalLong.empty"
            + " lastTimestamp: 1700000000000 firstSequence: 5 lastSequence: 9 lastOffset: 41 offsetDelta: 4 timestamp: 1700000000000\n",
        r.out());
    byte[] corrupt = file.array().clone();
    corrupt[20] ^= 1;
    Files.write(snapshot, corrupt);
    CliResult bad = dump("--files", snapshot.toString());
    assertEquals(1, bad.exitCode());
    assertTrue(
        bad.err().contains("Snapshot is corrupt (CRC is no longer valid). Stored crc: "),
        bad.err());
  }

  @Test
  void transactionIndexEntries() throws Exception {
    ByteBuffer txn = ByteBuffer.allocate(34 + 5);
    txn.putShort((short) 0).putLong(3).putLong(10).putLong(12).putLong(13);
    Path file = Files.write(dir.resolve("00000000000000000000.txnindex"), txn.array());
    CliResult r = dump("--files", file.toString());
    assertEquals(1, r.exitCode());
    assertTrue(
        r.out()
            .endsWith(
                "version: 0 producerId: 3 firstOffset: 10 lastOffset: 12 lastStableOffset: 13\n"),
        r.out());
    assertTrue(r.err().contains("ends with 5 bytes that are not a whole entry"), r.err());
  }

  @Test
  void usageErrors() {
    CliResult r = dump("--files", "x.log", "--value-decoder-class", "com.example.MyDecoder");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("kafkit does not load decoder classes"), r.err());
    assertEquals(
        2, dump("--files", "x.log", "--start-offset", "5", "--end-offset", "4").exitCode());
    assertEquals(2, dump().exitCode());
  }
}
