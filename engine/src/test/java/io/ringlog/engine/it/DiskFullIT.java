package io.ringlog.engine.it;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Disk full (issue 6): the real ringlogd journals onto a 64 MiB tmpfs while a TCP and a UDP sender run; a filler
 * file then takes the free space below journal.reserveBytes. The engine must stop reading TCP (the sender blocks,
 * nothing is lost), count UDP datagrams as dropped.disk_full, say so once, and, when the filler is deleted,
 * resume by itself: every TCP message journaled exactly once and in order, all CRCs valid, accounting exact, no
 * hs_err file, exit 0 on SIGTERM.
 *
 * <p>As root the tmpfs is mounted directly (and unmounted in finally). Otherwise (or with
 * {@code -Dringlog.diskfull.mode=unshare}) the engine runs in its own user and mount namespace
 * ({@code unshare -rm}, which needs no privilege where unprivileged user namespaces are enabled) that mounts the
 * tmpfs first; the test then reaches it through {@code /proc/PID/root}, so it checks the journal before SIGTERM
 * (the mount dies with the process).
 */
@Tag("reliability")
class DiskFullIT
{
    private static final long TMPFS_BYTES = 64L << 20;
    private static final long RESERVE_BYTES = 8L << 20;
    private static final int TCP_BATCH = 25;
    private static final int UDP_BATCH = 10;
    private static final String LOW_LINE = "journal disk low: ";
    private static final String BACK_LINE = "journal disk space back: ";

    @TempDir
    Path dir;

    @Test
    void aFullDiskPausesTcpDropsUdpAndResumesByItself() throws Exception
    {
        final boolean root = ((Integer)Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        final boolean unshare = !root || "unshare".equals(System.getProperty("ringlog.diskfull.mode"));
        final Path mount = Files.createDirectory(dir.resolve("tmpfs"));
        final Path config = dir.resolve("ringlogd.yaml");
        Files.writeString(config, "listen:\n  tcpPort: 0\n  udpPort: 0\nring:\n  size: 1024\n" +
            "  overflowBudgetBytes: 65536\njournal:\n  dir: " + mount.resolve("journal") + "\n" +
            "  blockSizeBytes: 1048576\n  reserveBytes: " + RESERVE_BYTES + "\n");
        final List<String> cmd = new ArrayList<>();
        if (unshare)
        {
            cmd.addAll(List.of("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=" + TMPFS_BYTES + " tmpfs \"$0\" && exec \"$@\"", mount.toString()));
        }
        else
        {
            assertEquals(0, exec("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_BYTES, "tmpfs", mount.toString()),
                "mount a tmpfs as root");
        }
        cmd.addAll(List.of(RinglogdProcess.java(), "-jar", RinglogdProcess.jar().toString(), "--config",
            config.toString()));
        try
        {
            run(cmd, unshare, mount);
        }
        finally
        {
            if (!unshare)
            {
                exec("umount", "-l", mount.toString());
            }
        }
    }

    private void run(final List<String> cmd, final boolean unshare, final Path mount) throws Exception
    {
        try (RinglogdProcess p = RinglogdProcess.start(dir, cmd, null))
        {
            assertNotNull(p.firstLine, "ringlogd did not start: " + p.stderrText());
            assertTrue(p.tcpPort > 0 && p.udpPort > 0, p.firstLine + " " + p.stderrText());
            // in the engine's mount namespace when unshared: /proc/PID/root is its view of the file system
            final Path view = unshare ? Path.of("/proc/" + p.process.pid() + "/root" + mount) : mount;
            final Path journal = view.resolve("journal");
            assertEquals(TMPFS_BYTES, view.toFile().getTotalSpace(), "the journal is on the 64 MiB tmpfs");

            final AtomicBoolean stop = new AtomicBoolean();
            final AtomicLong tcpSent = new AtomicLong();
            final AtomicLong udpSent = new AtomicLong();
            final AtomicReference<Exception> failure = new AtomicReference<>();
            final Thread tcp = tcpSender(p.tcpPort, stop, tcpSent, failure);
            final Thread udp = udpSender(p.udpPort, stop, udpSent, failure);
            tcp.start();
            udp.start();
            await(() -> counter(journal, Counter.JOURNALED) > 2_000, 10_000, "journaling before the disk fills");

            final Path filler = view.resolve("filler");
            final long fillerBytes = fill(filler, view.toFile().getUsableSpace() - RESERVE_BYTES / 2);
            await(() -> counter(journal, Counter.JOURNAL_DISK_LOW) == 1, 10_000, "the engine sees the low disk");
            final long freeSeenByEngine = counter(journal, Counter.JOURNAL_FREE_BYTES);
            final long freeSeenByTest = view.toFile().getUsableSpace();

            // the sender keeps trying at ~2,500 messages/s; once the socket buffers are full it stays blocked
            long stalledSince = -1;
            long lastSent = -1;
            long lastReceived = -1;
            final long stallDeadline = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < stallDeadline)
            {
                final long sent = tcpSent.get();
                final long received = counter(journal, Counter.RECEIVED_TCP);
                if (sent != lastSent || received != lastReceived)
                {
                    lastSent = sent;
                    lastReceived = received;
                    stalledSince = System.nanoTime();
                }
                else if (System.nanoTime() - stalledSince > 1_500_000_000L)
                {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(System.nanoTime() < stallDeadline, "TCP sender blocked and the engine stopped reading TCP");
            assertTrue(tcp.isAlive() && failure.get() == null, "the TCP sender is blocked in write, not failed: " +
                failure.get());
            final long dropsBefore = counter(journal, Counter.DROPPED_DISK_FULL);
            await(() -> counter(journal, Counter.DROPPED_DISK_FULL) > dropsBefore + 50, 10_000,
                "UDP datagrams are read and counted as dropped.disk_full while the disk is low");
            assertEquals(1, occurrences(p.stderrText(), LOW_LINE), "logged once: " + p.stderrText());
            assertEquals(0, occurrences(p.stderrText(), BACK_LINE), p.stderrText());
            System.out.printf("disk full: filler %d B; free %d B (engine's gauge %d B) < reserve %d B; TCP sender " +
                    "blocked after %d messages, engine had read %d; dropped.disk_full %d and counting%n",
                fillerBytes, freeSeenByTest, freeSeenByEngine, RESERVE_BYTES, lastSent, lastReceived,
                counter(journal, Counter.DROPPED_DISK_FULL));

            Files.delete(filler);
            final long sentWhileLow = lastSent;
            final long receivedWhileLow = lastReceived;
            await(() -> counter(journal, Counter.RECEIVED_TCP) > receivedWhileLow && tcpSent.get() > sentWhileLow, 10_000,
                "TCP reading resumes by itself once the filler is gone");
            Thread.sleep(500); // a little traffic after the resumption
            stop.set(true);
            tcp.join(10_000);
            udp.join(10_000);
            assertFalse(tcp.isAlive() || udp.isAlive(), "senders finished");
            assertEquals(null, failure.get(), "senders ran without an error");
            await(() -> accounted(journal, tcpSent.get(), udpSent.get()), 20_000, "every message accounted for");

            final long[] v = CountersFile.read(journal).values;
            System.out.printf("disk full: TCP sent %d, received %d; UDP sent %d, received %d, dropped.disk_full %d, " +
                    "dropped.ring_full %d, udp.kernel_drops %d; journaled %d; journal.disk_low %d%n",
                tcpSent.get(), v[Counter.RECEIVED_TCP.id()], udpSent.get(), v[Counter.RECEIVED_UDP.id()],
                v[Counter.DROPPED_DISK_FULL.id()], v[Counter.DROPPED_RING_FULL.id()],
                v[Counter.UDP_KERNEL_DROPS.id()], v[Counter.JOURNALED.id()], v[Counter.JOURNAL_DISK_LOW.id()]);
            assertEquals(tcpSent.get(), v[Counter.RECEIVED_TCP.id()], "every TCP message sent was received");
            assertEquals(Counter.received(v), v[Counter.JOURNALED.id()] + v[Counter.FILTERED.id()] + Counter.dropped(v),
                "received = journaled + filtered + dropped");
            assertTrue(v[Counter.DROPPED_DISK_FULL.id()] > 0, "UDP drops counted as dropped.disk_full");
            assertEquals(1, v[Counter.JOURNAL_DISK_LOW.id()], "one disk-low pause");
            assertEquals(0, v[Counter.DROPPED_JOURNAL_ERROR.id()] + v[Counter.HANDLER_ERRORS.id()],
                "no journal or stage error");
            assertEquals(1, occurrences(p.stderrText(), BACK_LINE), "resumption logged once: " + p.stderrText());
            checkJournal(journal, tcpSent.get(), v[Counter.RECEIVED_UDP.id()] - Counter.dropped(v));

            assertEquals(0, p.terminate(), "exit 0 on SIGTERM: " + p.stderrText());
            if (!unshare)
            {
                checkJournal(journal, tcpSent.get(), v[Counter.RECEIVED_UDP.id()] - Counter.dropped(v));
            }
            try (var files = Files.list(dir))
            {
                assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith("hs_err")).count(),
                    "no JVM crash file in the engine's working directory");
            }
            assertEquals(1, occurrences(p.stderrText(), LOW_LINE), p.stderrText());
            for (final String line : p.stderrText().split("\n"))
            {
                if (line.contains(LOW_LINE) || line.contains(BACK_LINE))
                {
                    System.out.println("disk full: engine logged: " + line);
                }
            }
        }
    }

    /** Every record's CRC is valid; the TCP messages are 0..tcpSent-1, each once, in order; the UDP count fits. */
    private static void checkJournal(final Path journal, final long tcpSent, final long udpJournaled)
    {
        final CRC32C crc = new CRC32C();
        final byte[] scratch = new byte[4096];
        long nextTcp = 0;
        long udp = 0;
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.toStart();
            JournalRecord r;
            for (long k = 0; k < 10_000_000L && (r = reader.next()) != null; k++)
            {
                assertTrue(r.crcMatches(crc, scratch), "CRC of record " + reader.index());
                final byte[] raw = new byte[r.rawLength()];
                r.getRaw(raw);
                final String text = new String(raw, StandardCharsets.US_ASCII).strip();
                if (text.contains(" diskfull tcp seq "))
                {
                    assertEquals(nextTcp, Long.parseLong(text.substring(text.lastIndexOf(' ') + 1)),
                        "TCP message in order, once, at record " + reader.index());
                    nextTcp++;
                }
                else
                {
                    assertTrue(text.contains(" diskfull udp "), text);
                    udp++;
                }
            }
        }
        System.out.printf("disk full: journal reads back %d TCP and %d UDP records, every CRC valid%n", nextTcp, udp);
        assertEquals(tcpSent, nextTcp, "every TCP message sent is journaled");
        assertEquals(udpJournaled, udp, "UDP journaled = received - dropped");
    }

    private static boolean accounted(final Path journal, final long tcpSent, final long udpSent)
    {
        final long[] v = CountersFile.read(journal).values;
        return v[Counter.RECEIVED_TCP.id()] == tcpSent &&
            v[Counter.RECEIVED_UDP.id()] + v[Counter.UDP_KERNEL_DROPS.id()] == udpSent &&
            Counter.received(v) == v[Counter.JOURNALED.id()] + v[Counter.FILTERED.id()] + Counter.dropped(v);
    }

    /** Writes zeros (real tmpfs pages) until {@code bytes} are written or the file system is full. */
    private static long fill(final Path file, final long bytes) throws IOException
    {
        final ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        long written = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            while (written < bytes)
            {
                zeros.clear().limit((int)Math.min(zeros.capacity(), bytes - written));
                written += ch.write(zeros);
            }
        }
        return written;
    }

    /** "... diskfull tcp seq N" lines in batches of 25 every 10 ms, through an 8 KiB send buffer. */
    private static Thread tcpSender(
        final int port, final AtomicBoolean stop, final AtomicLong sent, final AtomicReference<Exception> failure)
    {
        final Thread t = new Thread(() ->
        {
            try (Socket s = new Socket())
            {
                s.setSendBufferSize(8192);
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                final OutputStream out = s.getOutputStream();
                final long deadline = System.nanoTime() + 60_000_000_000L;
                for (long seq = 0; seq < 1_000_000L && !stop.get() && System.nanoTime() < deadline; )
                {
                    final StringBuilder batch = new StringBuilder();
                    for (int i = 0; i < TCP_BATCH; i++, seq++)
                    {
                        batch.append("<13>1 - h app - - - a journal on a small tmpfs: diskfull tcp seq ")
                            .append(seq).append('\n');
                    }
                    out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                    sent.addAndGet(TCP_BATCH);
                    Thread.sleep(10);
                }
            }
            catch (final IOException | InterruptedException e)
            {
                failure.set(new IllegalStateException("TCP sender failed after " + sent.get() + " messages", e));
            }
        }, "diskfull-tcp-sender");
        t.setDaemon(true);
        return t;
    }

    /** "... diskfull udp N" datagrams, 10 every 10 ms. */
    private static Thread udpSender(
        final int port, final AtomicBoolean stop, final AtomicLong sent, final AtomicReference<Exception> failure)
    {
        final Thread t = new Thread(() ->
        {
            try (DatagramSocket s = new DatagramSocket())
            {
                final long deadline = System.nanoTime() + 60_000_000_000L;
                for (long n = 0; n < 1_000_000L && !stop.get() && System.nanoTime() < deadline; )
                {
                    for (int i = 0; i < UDP_BATCH; i++, n++)
                    {
                        final byte[] b = ("<13>1 - h app - - - diskfull udp " + n).getBytes(StandardCharsets.US_ASCII);
                        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
                        sent.incrementAndGet();
                    }
                    Thread.sleep(10);
                }
            }
            catch (final IOException | InterruptedException e)
            {
                failure.set(new IllegalStateException("UDP sender failed after " + sent.get() + " datagrams", e));
            }
        }, "diskfull-udp-sender");
        t.setDaemon(true);
        return t;
    }

    private static long counter(final Path journal, final Counter c)
    {
        return CountersFile.read(journal).get(c);
    }

    private interface Condition
    {
        boolean met() throws Exception;
    }

    private static void await(final Condition condition, final long timeoutMs, final String what) throws Exception
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.met())
        {
            assertTrue(System.nanoTime() < deadline, "within " + timeoutMs + " ms: " + what);
            Thread.sleep(20);
        }
    }

    private static int occurrences(final String text, final String line)
    {
        int n = 0;
        for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + 1))
        {
            n++;
        }
        return n;
    }

    private static int exec(final String... cmd) throws IOException, InterruptedException
    {
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
            ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(30, TimeUnit.SECONDS))
        {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
