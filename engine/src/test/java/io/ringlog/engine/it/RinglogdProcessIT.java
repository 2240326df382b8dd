package io.ringlog.engine.it;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ringlogd as users run it: the shaded jar, no JVM flags, real signals, real sockets, real files. */
class RinglogdProcessIT
{
    private static byte[] message(final int i)
    {
        final String m = "<14>1 2026-11-25T04:36:48.000001Z host app 7 ID [x@1 seq=\"" + i + "\"] message " + i;
        final byte[] b = m.getBytes(StandardCharsets.UTF_8);
        final byte[] p = (b.length + " ").getBytes(StandardCharsets.US_ASCII);
        final byte[] out = new byte[p.length + b.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(b, 0, out, p.length, b.length);
        return out;
    }

    /** Sends messages [from, to) on one connection and closes it. */
    private static void send(final int port, final int from, final int to) throws IOException
    {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16))
        {
            for (int i = from; i < to; i++)
            {
                out.write(message(i));
            }
        }
    }

    /** The seq="N" of every record, in journal order, checking each record's CRC. */
    private static List<Integer> sequences(final Path journal)
    {
        final List<Integer> seqs = new ArrayList<>();
        final CRC32C crc = new CRC32C();
        final byte[] scratch = new byte[1 << 16];
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.toStart();
            JournalRecord r;
            while ((r = reader.next()) != null)
            {
                assertTrue(r.crcMatches(crc, scratch), "record " + Long.toHexString(reader.index()) + " CRC");
                final byte[] raw = new byte[r.rawLength()];
                r.getRaw(raw);
                final String s = new String(raw, StandardCharsets.UTF_8);
                final int at = s.indexOf("seq=\"") + 5;
                seqs.add(Integer.parseInt(s.substring(at, s.indexOf('"', at))));
            }
        }
        return seqs;
    }

    @Test
    void runsOnEmbeddedDefaultsAndPrintsWhereItListens(@TempDir final Path dir) throws Exception
    {
        try (ServerSocket probe = new ServerSocket(5514, 1, InetAddress.getLoopbackAddress()))
        {
            probe.close();
        }
        catch (final IOException e)
        {
            Assumptions.abort("port 5514 is in use on this machine: " + e.getMessage());
        }
        try (RinglogdProcess p = RinglogdProcess.start(dir))
        {
            assertNotNull(p.firstLine, "stderr: " + p.stderrText());
            assertEquals(5514, p.tcpPort, p.firstLine);
            assertEquals(5514, p.udpPort, p.firstLine);
            assertTrue(p.firstLine.startsWith("ringlogd listening on tcp://127.0.0.1:5514 udp://127.0.0.1:5514, " +
                "journal " + dir.toRealPath().resolve("journal")), p.firstLine);
            send(p.tcpPort, 0, 10);
            assertEquals(0, p.terminate(), "graceful stop exits 0; stderr: " + p.stderrText());
            assertEquals(10, sequences(dir.resolve("journal")).size());
            assertFalse(p.stderrText().contains("Exception"), p.stderrText());
        }
    }

    @Test
    void sigtermUnderLoadJournalsEverythingAlreadySentAndExitsZero(@TempDir final Path dir) throws Exception
    {
        final int n = 300_000;
        try (RinglogdProcess p = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "-1", "--journal", "j"))
        {
            assertNotNull(p.firstLine, p.stderrText());
            send(p.tcpPort, 0, n); // returns once every byte is in the kernel's buffers; much is not yet read
            assertEquals(0, p.terminate(), p.stderrText());
        }
        final List<Integer> seqs = sequences(dir.resolve("j"));
        assertEquals(n, seqs.size(), "every message written before SIGTERM is journaled");
        for (int i = 0; i < n; i++)
        {
            assertEquals(i, seqs.get(i));
        }
        final CountersFile.Snapshot c = CountersFile.read(dir.resolve("j"));
        assertEquals(n, c.get(Counter.RECEIVED_TCP));
        assertEquals(n, c.get(Counter.JOURNALED));
        assertEquals(0, c.heartbeatMs);
    }

    @Test
    void afterKillNineARestartAppendsToTheSameJournalAndEveryCompleteRecordReadsBack(@TempDir final Path dir)
        throws Exception
    {
        final int first = 200_000;
        int beforeKill;
        try (RinglogdProcess p = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "-1", "--journal", "j"))
        {
            assertNotNull(p.firstLine, p.stderrText());
            final Thread sender = new Thread(() ->
            {
                try
                {
                    send(p.tcpPort, 0, first);
                }
                catch (final IOException expected)
                {
                    // the engine dies under it
                }
            });
            sender.start();
            final long deadline = System.nanoTime() + 30_000_000_000L;
            while (CountersFile.read(dir.resolve("j")).get(Counter.JOURNALED) < 20_000 && System.nanoTime() < deadline)
            {
                Thread.sleep(1);
            }
            p.kill(); // mid-stream
            sender.join(30_000);
        }
        final List<Integer> afterCrash = sequences(dir.resolve("j"));
        beforeKill = afterCrash.size();
        assertTrue(beforeKill >= 20_000, "records journaled before the kill read back: " + beforeKill);
        for (int i = 0; i < beforeKill; i++)
        {
            assertEquals(i, afterCrash.get(i), "a prefix of what was sent, in order, nothing torn");
        }

        final long start = System.nanoTime();
        try (RinglogdProcess p = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "-1", "--journal", "j"))
        {
            assertNotNull(p.firstLine, "restart after kill -9 printed nothing: " + p.stderrText());
            System.out.printf("restart after kill -9: listening after %d ms, %d records survived%n",
                (System.nanoTime() - start) / 1_000_000, beforeKill);
            send(p.tcpPort, 1_000_000, 1_001_000);
            assertEquals(0, p.terminate(), p.stderrText());
        }
        final List<Integer> all = sequences(dir.resolve("j"));
        assertEquals(beforeKill + 1000, all.size());
        assertEquals(afterCrash, all.subList(0, beforeKill));
        for (int i = 0; i < 1000; i++)
        {
            assertEquals(1_000_000 + i, all.get(beforeKill + i), "the restart appends after the last record");
        }
    }

    @Test
    void aSecondEngineOnTheSameJournalIsRefusedWithOneLine(@TempDir final Path dir) throws Exception
    {
        try (RinglogdProcess first = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "-1", "--journal", "j"))
        {
            assertNotNull(first.firstLine, first.stderrText());
            try (RinglogdProcess second =
                RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "-1", "--journal", "j"))
            {
                assertEquals(1, second.waitForExit());
                final String err = second.stderrText().strip();
                assertTrue(err.matches("ringlogd: journal .*/j is in use by another ringlogd \\(pid \\d+\\)"), err);
            }
            assertEquals(0, first.terminate());
        }
    }

    @Test
    void badConfigurationIsOneLineNamingTheKeyAndExitsTwo(@TempDir final Path dir) throws Exception
    {
        final Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "listen:\n  bind: 127.0.0.1\nring:\n  size: 1000\n");
        try (RinglogdProcess p = RinglogdProcess.start(dir, "--config", cfg.toString()))
        {
            assertEquals(2, p.waitForExit());
            assertEquals("ringlogd: " + cfg + ":4: ring.size: must be a power of two, got 1000",
                p.stderrText().strip());
        }
        try (RinglogdProcess p = RinglogdProcess.start(dir, "--wait-strategy", "warp"))
        {
            assertEquals(2, p.waitForExit());
            assertTrue(p.stderrText().strip().startsWith("ringlogd: --wait-strategy: ring.waitStrategy: unknown"),
                p.stderrText());
            assertEquals(1, p.stderrText().strip().lines().count());
        }
        try (RinglogdProcess p = RinglogdProcess.start(dir, "--tcp-port", "x"))
        {
            assertEquals(2, p.waitForExit());
            assertFalse(p.stderrText().contains("\tat "), "no stack trace: " + p.stderrText());
        }
    }

    @Test
    void aPortInUseIsOneLine(@TempDir final Path dir) throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            RinglogdProcess p = RinglogdProcess.start(dir, "--tcp-port", String.valueOf(taken.getLocalPort()),
                "--udp-port", "-1"))
        {
            assertEquals(1, p.waitForExit());
            final String err = p.stderrText().strip();
            assertTrue(err.startsWith("ringlogd: cannot listen on tcp://127.0.0.1:" + taken.getLocalPort() + ": "),
                err);
            assertEquals(1, err.lines().count(), err);
        }
    }

    @Test
    void helpExitsZero(@TempDir final Path dir) throws Exception
    {
        final Process p = new ProcessBuilder(RinglogdProcess.java(), "-jar", RinglogdProcess.jar().toString(), "--help")
            .redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        for (final String flag : new String[] {"--config", "--bind", "--tcp-port", "--udp-port", "--journal",
            "--parsers", "--ring-size", "--wait-strategy"})
        {
            assertTrue(out.contains(flag), flag + " in --help: " + out);
        }
    }
}
