package io.ringlog.tools;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.it.RinglogdProcess;
import io.ringlog.engine.journal.Journal;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention in a running ringlogd process ({@code java -jar ringlogd.jar}) whose journal rolls a real cycle file
 * every second (TEST_SECONDLY), limited by retention.maxBytes: while it writes across several cycles, old cycle
 * files go oldest first, the file being written never, the counters add up to the files and bytes that went, and
 * {@code ringlog cat} and {@code verify} still read exactly the messages of the cycles that remain.
 */
@Tag("reliability")
class RetentionRollingIT
{
    private static final int CYCLES = 6;
    private static final int PER_CYCLE = 200;
    /** Room for two cycles of this test (each ~545 KB of write position: 512 KiB index area + records). */
    private static final long MAX_BYTES = 1_300_000;

    @TempDir
    Path dir;

    private static String message(final int i)
    {
        return "<13>1 2026-11-25T00:00:00Z host app - - - retained m" + String.format("%05d", i);
    }

    private static TreeSet<String> cycleFiles(final Path journal) throws Exception
    {
        try (Stream<Path> s = Files.list(journal))
        {
            final TreeSet<String> names = new TreeSet<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).forEach(names::add);
            return names;
        }
    }

    /**
     * The write position of every cycle file but the newest: what retention counts as its size once it is done.
     * Works from the directory, not Chronicle's cached listing, which lags behind retention's deletions.
     */
    private static void recordSizes(final Path journal, final SingleChronicleQueue q, final Map<String, Long> sizes)
        throws Exception
    {
        final DateTimeFormatter names = DateTimeFormatter.ofPattern(q.rollCycle().format()).withZone(ZoneOffset.UTC);
        final TreeSet<String> files = cycleFiles(journal);
        for (final String name : files.headSet(files.last()))
        {
            final long startMs = Instant.from(names.parse(name.substring(0, name.length() - 4))).toEpochMilli();
            final int cycle = (int)((startMs - q.epoch()) / q.rollCycle().lengthInMillis());
            try
            {
                final SingleChronicleQueueStore store = q.storeForCycle(cycle, q.epoch(), false, null);
                if (store != null)
                {
                    try
                    {
                        sizes.put(name, store.writePosition());
                    }
                    finally
                    {
                        q.closeStore(store);
                    }
                }
            }
            catch (final IllegalStateException e)
            {
                System.out.println("retention deleted " + name + " while its size was read");
            }
        }
    }

    @Test
    @Timeout(120)
    void deletesOldestCycleFilesOfARunningEngineAndReadersStillWork() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final TreeSet<String> seen = new TreeSet<>();
        final Map<String, Long> sizes = new TreeMap<>();
        long deletedFiles;
        long deletedBytes;
        try (RinglogdProcess h = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "-1", "--journal",
            journal.toString(), "--set", "journal.rollCycle=TEST_SECONDLY", "--set", "retention.maxBytes=" + MAX_BYTES,
            "--set", "retention.checkIntervalMs=20"))
        {
            assertNotNull(h.firstLine, h.stderrText());
            assertTrue(h.tcpPort > 0, h.firstLine + " " + h.stderrText());
            try (SingleChronicleQueue q = Journal.openReadOnly(journal))
            {
                for (int c = 0; c < CYCLES; c++)
                {
                    final long second = System.currentTimeMillis() / 1000;
                    for (int k = 0; k < 200 && System.currentTimeMillis() / 1000 == second; k++)
                    {
                        Thread.sleep(10); // each batch in a new second: a new cycle file
                    }
                    try (Socket s = h.connect())
                    {
                        final OutputStream out = s.getOutputStream();
                        for (int j = 0; j < PER_CYCLE; j++)
                        {
                            out.write((message(c * PER_CYCLE + j) + "\n").getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    assertEquals((long)(c + 1) * PER_CYCLE, h.awaitAccounted((long)(c + 1) * PER_CYCLE));
                    recordSizes(journal, q, sizes);
                    final TreeSet<String> now = cycleFiles(journal);
                    seen.addAll(now);
                    assertEquals(seen.last(), now.last(), "the cycle being written is never deleted");
                    assertEquals(seen.tailSet(now.first(), true), now, "deleted oldest first: " + now);
                    System.out.println("after cycle " + c + ": files " + now + ", deleted so far " +
                        h.counter(Counter.RETENTION_DELETED_FILES) + " files, " +
                        h.counter(Counter.RETENTION_DELETED_BYTES) + " bytes");
                }
            }
            Thread.sleep(100); // a few more retention passes (every 20 ms) over the final state
            deletedFiles = h.counter(Counter.RETENTION_DELETED_FILES);
            deletedBytes = h.counter(Counter.RETENTION_DELETED_BYTES);
            assertEquals(0, h.terminate(), "exit code after SIGTERM; stderr: " + h.stderrText());
        }
        final TreeSet<String> left = cycleFiles(journal);
        final TreeSet<String> gone = new TreeSet<>(seen);
        gone.removeAll(left);
        long goneBytes = 0;
        for (final String name : gone)
        {
            goneBytes += sizes.get(name);
        }
        System.out.println("cycle files written " + seen.size() + ", deleted " + gone + " (" + goneBytes +
            " bytes by write position), left " + left + "; counters retention.deleted_files " + deletedFiles +
            ", retention.deleted_bytes " + deletedBytes);
        assertTrue(seen.size() >= CYCLES - 1, "the journal rolled: " + seen);
        assertTrue(gone.size() >= seen.size() - 3, "retention kept about two cycles: left " + left);
        assertEquals(gone.size(), deletedFiles, "retention.deleted_files");
        assertEquals(goneBytes, deletedBytes, "retention.deleted_bytes");

        final CliRun cat = CliRun.run("cat", "-o", "raw", "--journal", journal.toString());
        assertEquals(0, cat.exitCode, cat.stderr);
        final String[] lines = cat.outLines();
        assertTrue(lines.length > 0 && lines.length < CYCLES * PER_CYCLE, "some records went: " + lines.length);
        final int first = CYCLES * PER_CYCLE - lines.length;
        final List<String> expected = new ArrayList<>();
        for (int i = first; i < CYCLES * PER_CYCLE; i++)
        {
            expected.add(message(i));
        }
        assertEquals(expected, List.of(lines), "cat reads exactly the newest messages, in order");
        final CliRun verify = CliRun.run("verify", "--journal", journal.toString());
        assertEquals(0, verify.exitCode, verify.out());
        System.out.println("ringlog cat after retention: " + lines.length + " records, m" + first + "..m" +
            (CYCLES * PER_CYCLE - 1) + "; " + verify.out().trim());
    }
}
