package io.ringlog.engine.it;

import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash loop: five times, the real ringlogd on the same journal takes a TCP sender's numbered messages and is
 * killed with SIGKILL at a random moment. Each restart must come up and journal a new record well within 10 s
 * (so never waiting out Chronicle's 15 s write lock), and at the end every record's CRC is valid and each run's
 * records are, in order, a prefix of what its sender wrote. The per-crash loss window (written by the sender
 * before the kill, minus journaled from that run: in socket buffers, the ring, or unread) is printed.
 */
@Tag("reliability")
class CrashLoopIT
{
    private static final int RUNS = 5;

    @TempDir
    Path dir;

    @Test
    void everyRestartRecoversQuicklyAndKeepsAPrefixOfEachRun() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Random random = new Random(42);
        final long[] written = new long[RUNS];
        final long[] restartMs = new long[RUNS];
        for (int run = 0; run < RUNS; run++)
        {
            final long began = System.nanoTime();
            try (RinglogdProcess p = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "-1", "--journal",
                journal.toString()))
            {
                assertNotNull(p.firstLine, p.stderrText());
                assertTrue(p.tcpPort > 0, "listening line of run " + run + ": " + p.firstLine + " " + p.stderrText());
                final AtomicLong count = new AtomicLong();
                final Thread sender = sender(p.tcpPort, run, count);
                try (JournalReader reader = new JournalReader(journal))
                {
                    reader.toEnd();
                    sender.start();
                    JournalRecord first = null;
                    final long deadline = System.nanoTime() + 10_000_000_000L;
                    while (first == null && System.nanoTime() < deadline)
                    {
                        first = reader.next();
                        if (first == null)
                        {
                            Thread.sleep(1);
                        }
                    }
                    restartMs[run] = (System.nanoTime() - began) / 1_000_000;
                    assertNotNull(first, "run " + run + " journaled nothing within 10 s of starting");
                }
                Thread.sleep(200 + random.nextInt(1300)); // under load, then the crash
                p.kill();
                sender.join(10_000);
                written[run] = count.get();
            }
        }

        final List<List<Long>> seqs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++)
        {
            seqs.add(new ArrayList<>());
        }
        final CRC32C crc = new CRC32C();
        final byte[] scratch = new byte[4096];
        int lastRun = 0;
        long records = 0;
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.toStart();
            JournalRecord r;
            for (long k = 0; k < 100_000_000L && (r = reader.next()) != null; k++)
            {
                records++;
                assertTrue(r.crcMatches(crc, scratch), "CRC of record " + reader.index());
                final byte[] raw = new byte[r.rawLength()];
                r.getRaw(raw);
                final String[] words = new String(raw, StandardCharsets.US_ASCII).split(" ");
                final int run = Integer.parseInt(words[words.length - 3]);
                assertTrue(run >= lastRun, "runs in order at record " + reader.index());
                lastRun = run;
                seqs.get(run).add(Long.parseLong(words[words.length - 1]));
            }
        }
        for (int run = 0; run < RUNS; run++)
        {
            final List<Long> s = seqs.get(run);
            for (int i = 0; i < s.size(); i++)
            {
                assertEquals(i, s.get(i).longValue(), "run " + run + ": record " + i + " is message " + i);
            }
            assertTrue(s.size() <= written[run], "run " + run + " journaled no more than was written");
            assertTrue(restartMs[run] < 10_000, "run " + run + " up and journaling in " + restartMs[run] + " ms");
            System.out.println("crash loop run " + run + ": up and journaling in " + restartMs[run] + " ms; sender " +
                "wrote " + written[run] + ", journaled " + s.size() + ", loss window " + (written[run] - s.size()));
        }
        System.out.println("crash loop: " + records + " records, all CRCs valid");
    }

    /** Writes "... run R seq N" lines, one write each, counting those the socket accepted, until it fails. */
    private static Thread sender(final int port, final int run, final AtomicLong count)
    {
        final Thread t = new Thread(() ->
        {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port))
            {
                final OutputStream out = s.getOutputStream();
                for (long i = 0; i < 50_000_000L; i++)
                {
                    out.write(("<13>1 - h app - - - crash loop run " + run + " seq " + i + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                    count.set(i + 1);
                }
            }
            catch (final IOException e)
            {
                // the kill: what was written so far is the count
            }
        }, "crash-loop-sender-" + run);
        t.setDaemon(true);
        return t;
    }
}
