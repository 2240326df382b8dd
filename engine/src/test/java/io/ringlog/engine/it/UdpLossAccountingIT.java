package io.ringlog.engine.it;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UDP loss is always accounted: the real ringlogd, with a 16-slot ring behind a syncing writer and a tiny socket
 * receive buffer, is flooded over loopback. It loses datagrams both in the kernel (receive buffer full, counted as
 * {@code udp.kernel_drops} from {@code /proc/net/udp}) and at the ring (full); every datagram sent is then
 * journaled, counted as dropped.ring_full, or counted as udp.kernel_drops, exactly.
 */
@Tag("reliability")
class UdpLossAccountingIT
{
    private static final int SENT = 50_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void everyDatagramSentIsJournaledOrCountedAsDropped() throws Exception
    {
        final Path journal = dir.resolve("j");
        try (RinglogdProcess p = RinglogdProcess.start(dir, "--tcp-port", "-1", "--udp-port", "0", "--journal",
            journal.toString(), "--ring-size", "16", "--set", "listen.udpReceiveBufferBytes=4096", "--set",
            "journal.durability=sync");
            DatagramSocket s = new DatagramSocket())
        {
            assertNotNull(p.firstLine, p.stderrText());
            assertTrue(p.udpPort > 0, p.firstLine + " " + p.stderrText());
            final InetAddress loopback = InetAddress.getLoopbackAddress();
            final byte[] b = new byte[120];
            final DatagramPacket packet = new DatagramPacket(b, b.length, loopback, p.udpPort);
            for (int i = 0; i < SENT; i++)
            {
                final byte[] text = ("<13>1 - h app - - - flood " + i + " ").getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(text, 0, b, 0, text.length);
                s.send(packet);
            }
            long[] v = CountersFile.read(journal).values;
            final long deadline = System.nanoTime() + 15_000_000_000L; // kernel drops are read once a second
            while (System.nanoTime() < deadline)
            {
                v = CountersFile.read(journal).values;
                if (v[Counter.JOURNALED.id()] + v[Counter.DROPPED_RING_FULL.id()] +
                    v[Counter.UDP_KERNEL_DROPS.id()] == SENT)
                {
                    break;
                }
                Thread.sleep(50);
            }
            final long journaled = v[Counter.JOURNALED.id()];
            final long ringFull = v[Counter.DROPPED_RING_FULL.id()];
            final long kernel = v[Counter.UDP_KERNEL_DROPS.id()];
            System.out.println("udp flood (ringlogd process): sent " + SENT + " = journaled " + journaled +
                " + dropped.ring_full " + ringFull + " + udp.kernel_drops " + kernel + " (received.udp " +
                v[Counter.RECEIVED_UDP.id()] + ", overflow budget " + v[Counter.DROPPED_OVERFLOW_BUDGET.id()] + ")");
            assertEquals(SENT, journaled + ringFull + kernel,
                "sent = journaled + dropped.ring_full + udp.kernel_drops");
            assertEquals(SENT, v[Counter.RECEIVED_UDP.id()] + kernel, "received.udp + udp.kernel_drops");
            assertTrue(kernel > 0, "the kernel dropped some (tiny receive buffer)");
            assertTrue(ringFull > 0, "the ring dropped some (16 slots, syncing writer)");
            assertEquals(0, p.terminate(), "exit code after SIGTERM; stderr: " + p.stderrText());
        }
    }
}
