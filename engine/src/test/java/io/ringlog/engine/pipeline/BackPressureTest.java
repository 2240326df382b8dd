package io.ringlog.engine.pipeline;

import io.ringlog.engine.counters.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ring of 16 slots is full most of the time: TCP must be slowed, never dropped; UDP drops must be counted. */
class BackPressureTest
{
    @Test
    void tcpIsPushedBackAndLosesNothingWhenTheRingIsFull(@TempDir final Path dir) throws Exception
    {
        final int connections = 4;
        final int perConnection = 25_000;
        try (EngineHarness h = new EngineHarness(dir.resolve("j"), "ring.size", "16"))
        {
            final List<Thread> senders = new ArrayList<>();
            for (int c = 0; c < connections; c++)
            {
                final int id = c;
                final Thread t = new Thread(() ->
                {
                    try (Socket s = h.connect())
                    {
                        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
                        for (int i = 0; i < perConnection; i++)
                        {
                            buf.write(("<14>1 - h app - - - c" + id + " m" + i + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                        final OutputStream out = s.getOutputStream();
                        out.write(buf.toByteArray());
                        out.flush();
                    }
                    catch (final Exception e)
                    {
                        throw new RuntimeException(e);
                    }
                });
                t.start();
                senders.add(t);
            }
            for (final Thread t : senders)
            {
                t.join(60_000);
            }
            final int total = connections * perConnection;
            assertEquals(total, h.awaitAccounted(total));
            final long[] v = h.counters().snapshot();
            System.out.println("back-pressure: " + EngineHarness.accounting(v) + ", pauses " +
                v[Counter.TCP_BACKPRESSURE.id()]);
            assertEquals(total, v[Counter.JOURNALED.id()]);
            assertEquals(0, Counter.dropped(v));
            assertTrue(v[Counter.TCP_BACKPRESSURE.id()] > 0, "the 16-slot ring filled and TCP reading paused");
        }
        // per connection, the journal keeps each sender's order
        final int[] next = new int[connections];
        for (final byte[] raw : EngineHarness.readRaw(dir.resolve("j")))
        {
            final String s = new String(raw, StandardCharsets.UTF_8);
            final int c = s.charAt(s.indexOf(" c") + 2) - '0';
            assertEquals("m" + next[c]++, s.substring(s.lastIndexOf(' ') + 1));
        }
        for (final int n : next)
        {
            assertEquals(perConnection, n);
        }
    }

    @Test
    void udpDatagramsThatFindTheRingFullAreDroppedAndCounted(@TempDir final Path dir) throws Exception
    {
        final int datagrams = 30_000;
        try (EngineHarness h = new EngineHarness(dir.resolve("j"), "ring.size", "16");
            DatagramSocket socket = new DatagramSocket())
        {
            final byte[] payload = "<14>1 - h app - - - udp flood".getBytes(StandardCharsets.UTF_8);
            final DatagramPacket p = new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(),
                h.engine.udpPort());
            for (int i = 0; i < datagrams; i++)
            {
                socket.send(p);
            }
            long[] v = h.counters().snapshot();
            final long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && !EngineHarness.balanced(v))
            {
                Thread.sleep(10);
                v = h.counters().snapshot();
            }
            Thread.sleep(100); // nothing further arrives: the sender is done
            v = h.counters().snapshot();
            System.out.println("udp flood: sent " + datagrams + ", " + EngineHarness.accounting(v) +
                " (the rest dropped by the kernel)");
            assertTrue(EngineHarness.balanced(v), EngineHarness.accounting(v));
            assertTrue(v[Counter.RECEIVED_UDP.id()] <= datagrams);
            assertEquals(v[Counter.RECEIVED_UDP.id()], v[Counter.JOURNALED.id()] + v[Counter.DROPPED_RING_FULL.id()]);
            assertTrue(v[Counter.JOURNALED.id()] > 0);
        }
        assertEquals(h2Journaled(dir), EngineHarness.readRaw(dir.resolve("j")).size());
    }

    private static long h2Journaled(final Path dir)
    {
        return io.ringlog.engine.counters.CountersFile.read(dir.resolve("j")).get(Counter.JOURNALED);
    }
}
