package io.ringlog.engine.pipeline;

import io.ringlog.engine.counters.Counter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UDP loss is always accounted: a flood at a 16-slot ring behind a syncing writer, into a tiny socket receive
 * buffer, loses datagrams both in the kernel (receive buffer full) and at the ring (full); every datagram sent is
 * then journaled, counted as dropped.ring_full, or counted as udp.kernel_drops, exactly.
 */
@Tag("reliability")
class UdpLossAccountingTest
{
    private static final int SENT = 50_000;

    @TempDir
    Path dir;

    @Test
    void everyDatagramSentIsJournaledOrCountedAsDropped() throws Exception
    {
        try (EngineHarness h = new EngineHarness(dir.resolve("j"), "ring.size", "16",
            "listen.udpReceiveBufferBytes", "4096", "journal.durability", "sync", "listen.tcpPort", "-1");
            DatagramSocket s = new DatagramSocket())
        {
            final InetAddress loopback = InetAddress.getLoopbackAddress();
            final byte[] b = new byte[120];
            final DatagramPacket p = new DatagramPacket(b, b.length, loopback, h.engine.udpPort());
            for (int i = 0; i < SENT; i++)
            {
                final byte[] text = ("<13>1 - h app - - - flood " + i + " ").getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(text, 0, b, 0, text.length);
                s.send(p);
            }
            long journaled = 0;
            long ringFull = 0;
            long kernel = 0;
            final long deadline = System.nanoTime() + 15_000_000_000L; // kernel drops are read once a second
            while (System.nanoTime() < deadline)
            {
                journaled = h.counter(Counter.JOURNALED);
                ringFull = h.counter(Counter.DROPPED_RING_FULL);
                kernel = h.counter(Counter.UDP_KERNEL_DROPS);
                if (journaled + ringFull + kernel == SENT)
                {
                    break;
                }
                Thread.sleep(50);
            }
            System.out.println("udp flood: sent " + SENT + " = journaled " + journaled + " + dropped.ring_full " +
                ringFull + " + udp.kernel_drops " + kernel + " (received.udp " + h.counter(Counter.RECEIVED_UDP) +
                ", overflow budget " + h.counter(Counter.DROPPED_OVERFLOW_BUDGET) + ")");
            assertEquals(SENT, journaled + ringFull + kernel, "sent = journaled + dropped.ring_full + udp.kernel_drops");
            assertEquals(SENT, h.counter(Counter.RECEIVED_UDP) + kernel, "received.udp + udp.kernel_drops");
            assertTrue(kernel > 0, "the kernel dropped some (tiny receive buffer)");
            assertTrue(ringFull > 0, "the ring dropped some (16 slots, syncing writer)");
        }
    }
}
