package io.ringlog.engine.it;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code journal.durability: sync} in the real ringlogd: the writer forces the journal to disk once per batch, so
 * {@code journal.syncs} is at least the number of batches the test forces (it waits for each round of messages to
 * be journaled before sending the next, so no batch spans two rounds) and at most one per message; every message
 * is journaled once, in order. With strace (CI installs it) the forcing is seen at the system call itself: the
 * engine's {@code msync(..., MS_SYNC)} calls while it takes traffic match {@code journal.syncs}. With the default
 * {@code page-cache} durability there is no sync and no {@code MS_SYNC} at all while it takes traffic.
 *
 * <p>The system calls are counted up to SIGTERM: at a clean stop the counters file is forced to disk once
 * ({@code MappedByteBuffer.force}, an {@code MS_SYNC} of its own, in either mode), which is printed but not
 * counted as a journal sync. Without strace the counter and journal checks still run, and the test says the
 * system-call check was skipped.
 */
@Tag("reliability")
class DurabilityIT
{
    private static final int ROUNDS = 20;
    private static final int PER_ROUND = 50;
    private static final int SENT = ROUNDS * PER_ROUND;
    /** Other MS_SYNC calls a sync-mode engine may make while it takes traffic (a Chronicle chunk released). */
    private static final int OTHER_MSYNCS = 2;
    private static final Path STRACE = Path.of("/usr/bin/strace");

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void syncForcesTheJournalToDiskOncePerBatch() throws Exception
    {
        final Run r = run("sync");
        assertTrue(r.syncs >= ROUNDS, "at least one sync per round (each round is its own batch): " + r.syncs);
        assertTrue(r.syncs <= r.journaled, "at most one sync per batch, so never more than journaled: " + r.syncs);
        if (r.traced)
        {
            assertTrue(r.msyncs > 0, "the engine called msync(MS_SYNC)");
            assertTrue(r.msyncs >= r.syncs && r.msyncs <= r.syncs + OTHER_MSYNCS,
                "one msync(MS_SYNC) per journal.syncs: " + r.msyncs + " calls, " + r.syncs + " syncs");
        }
    }

    @Test
    @Timeout(180)
    void pageCacheNeverForcesTheJournal() throws Exception
    {
        final Run r = run("page-cache");
        assertEquals(0, r.syncs, "journal.syncs in page-cache mode");
        if (r.traced)
        {
            assertEquals(0, r.msyncs, "no msync(MS_SYNC) while taking traffic in page-cache mode");
        }
    }

    /** What one engine run showed. */
    private record Run(long syncs, long journaled, boolean traced, long msyncs)
    {
    }

    private Run run(final String mode) throws Exception
    {
        final Path journal = dir.resolve(mode);
        final Path trace = dir.resolve(mode + ".strace");
        final boolean traced = Files.isExecutable(STRACE);
        final List<String> cmd = new ArrayList<>();
        if (traced)
        {
            cmd.addAll(List.of(STRACE.toString(), "-f", "-qq", "-e", "trace=msync", "-o", trace.toString()));
        }
        cmd.addAll(List.of(RinglogdProcess.java(), "-jar", RinglogdProcess.jar().toString(), "--tcp-port", "0",
            "--udp-port", "-1", "--journal", journal.toString(), "--set", "journal.durability=" + mode));
        final long syncs;
        final long journaled;
        final long msyncs;
        try (RinglogdProcess p = RinglogdProcess.start(dir, cmd, null))
        {
            assertNotNull(p.firstLine, p.stderrText());
            assertTrue(p.tcpPort > 0, p.firstLine + " " + p.stderrText());
            try (Socket s = p.connect())
            {
                final OutputStream out = s.getOutputStream();
                for (int round = 0; round < ROUNDS; round++)
                {
                    final StringBuilder lines = new StringBuilder();
                    for (int i = 0; i < PER_ROUND; i++)
                    {
                        lines.append("<14>1 - h app - - - durable s").append(round * PER_ROUND + i).append('\n');
                    }
                    out.write(lines.toString().getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    final long due = (long)(round + 1) * PER_ROUND;
                    assertEquals(due, p.awaitAccounted(due), "round " + round + " journaled before the next");
                }
            }
            final long[] v = settledCounters(journal);
            syncs = v[Counter.JOURNAL_SYNCS.id()];
            journaled = v[Counter.JOURNALED.id()];
            msyncs = traced ? msSyncCalls(trace) : -1;
            // SIGTERM to the JVM itself (strace's child), so the engine stops cleanly under the tracer
            final ProcessHandle jvm = traced ? p.process.toHandle().children().findFirst().orElseThrow() :
                p.process.toHandle();
            jvm.destroy();
            assertEquals(0, p.waitForExit(), "exit code after SIGTERM; stderr: " + p.stderrText());
            assertEquals(SENT, v[Counter.RECEIVED_TCP.id()], "received = sent");
            assertEquals(0, Counter.dropped(v), "dropped");
        }
        assertEquals(SENT, journaled, "journaled = sent");
        assertEquals(SENT, readJournal(journal), "every message in the journal, once, in order");
        if (traced)
        {
            System.out.printf("durability %s: sent %d in %d rounds, journaled %d, journal.syncs %d, " +
                    "msync(MS_SYNC) calls while taking traffic %d (%d in all, with the clean stop's)%n",
                mode, SENT, ROUNDS, journaled, syncs, msyncs, msSyncCalls(trace));
        }
        else
        {
            System.out.printf("durability %s: sent %d in %d rounds, journaled %d, journal.syncs %d; msync calls " +
                "not counted: no %s (run .ci/install-deps.sh)%n", mode, SENT, ROUNDS, journaled, syncs, STRACE);
        }
        return new Run(syncs, journaled, traced, msyncs);
    }

    /**
     * The counters once journal.syncs has stopped moving for 200 ms (the last batch's sync follows its journaled
     * count), read within 10 s.
     */
    private static long[] settledCounters(final Path journal) throws InterruptedException
    {
        long[] v = CountersFile.read(journal).values;
        for (int i = 0; i < 50; i++)
        {
            Thread.sleep(200);
            final long[] now = CountersFile.read(journal).values;
            if (now[Counter.JOURNAL_SYNCS.id()] == v[Counter.JOURNAL_SYNCS.id()])
            {
                return now;
            }
            v = now;
        }
        return v;
    }

    /**
     * {@code msync(addr, length, MS_SYNC)} calls in strace's output. With {@code -f} a call another thread
     * interrupts is split into "unfinished" and "resumed" lines; only the first names the flags, so each call is
     * counted once.
     */
    private static long msSyncCalls(final Path trace) throws IOException
    {
        long n = 0;
        for (final String line : Files.readAllLines(trace))
        {
            if (line.contains("msync(") && line.contains("MS_SYNC"))
            {
                n++;
            }
        }
        return n;
    }

    /** Reads every record: message {@code s<i>} must be the i-th. Returns the count. */
    private static long readJournal(final Path journal)
    {
        final byte[] raw = new byte[4096];
        long next = 0;
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.toStart();
            JournalRecord r;
            for (long k = 0; k < 10L * SENT && (r = reader.next()) != null; k++)
            {
                final int length = r.getRaw(raw);
                assertEquals(next, Tokens.last(raw, length, 's'), "record " + k + " is the next message sent");
                next++;
            }
        }
        return next;
    }
}
