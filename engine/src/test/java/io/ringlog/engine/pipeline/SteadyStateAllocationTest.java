package io.ringlog.engine.pipeline;

import io.ringlog.engine.counters.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot path allocates nothing per message: a real engine receives a steady stream of RFC 5424 and RFC 3164
 * messages (octet-counted, one TCP connection, plus UDP), and the bytes allocated by every ringlog thread
 * (listener, parsers, logic, writer) over a million messages after warm-up must stay far below one byte per
 * message. (One allocation per message would be at least 16 B/message.)
 */
class SteadyStateAllocationTest
{
    private static final int WARMUP = 4_688 * 64; // whole batches of 64
    private static final int MEASURED = 15_625 * 64;
    /**
     * Chronicle allocates a little bookkeeping per mapped chunk (about 15 KB per million 200-byte records here,
     * see LIBRARIES.md §2.5); anything allocated per message, or even once per 100 messages, is far above this.
     */
    private static final double MAX_BYTES_PER_MESSAGE = 0.1;

    @Test
    void listenerToWriterAllocatesNothingPerMessage(@TempDir final Path dir) throws Exception
    {
        final com.sun.management.ThreadMXBean mx =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (EngineHarness h = new EngineHarness(dir.resolve("j"), "ring.size", "65536");
            Socket socket = h.connect())
        {
            final OutputStream out = socket.getOutputStream();
            final byte[] batch = batch();
            final int perBatch = 64;
            send(h, out, batch, perBatch, WARMUP);

            final List<Thread> threads = ringlogThreads();
            final long[] ids = new long[threads.size()];
            for (int i = 0; i < ids.length; i++)
            {
                ids[i] = threads.get(i).getId();
            }
            final long[] before = mx.getThreadAllocatedBytes(ids);
            send(h, out, batch, perBatch, WARMUP + MEASURED);
            final long[] after = mx.getThreadAllocatedBytes(ids);

            long total = 0;
            final StringBuilder report = new StringBuilder();
            for (int i = 0; i < ids.length; i++)
            {
                final long bytes = after[i] - before[i];
                total += bytes;
                report.append(threads.get(i).getName()).append('=').append(bytes).append("B ");
            }
            final double perMessage = (double)total / MEASURED;
            System.out.printf("steady state: %d messages, %d B allocated by ringlog threads (%.5f B/msg): %s%n",
                MEASURED, total, perMessage, report);
            assertTrue(threads.size() >= 4, "listener, parser, logic and writer threads found: " + report);
            assertTrue(perMessage < MAX_BYTES_PER_MESSAGE, report.toString());
            final long[] v = h.counters().snapshot();
            assertEquals(WARMUP + MEASURED, v[Counter.JOURNALED.id()]);
        }
    }

    private static void send(
        final EngineHarness h, final OutputStream out, final byte[] batch, final int perBatch, final long target)
        throws Exception
    {
        final long deadline = System.nanoTime() + 120_000_000_000L;
        long sent = h.counter(Counter.RECEIVED_TCP);
        while (sent < target && System.nanoTime() < deadline)
        {
            out.write(batch);
            sent += perBatch;
        }
        out.flush();
        assertEquals(target, h.awaitAccounted(target), "all messages journaled in time");
    }

    /** 64 octet-counted messages of both formats, ~150-250 bytes each. */
    private static byte[] batch()
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 64; i++)
        {
            final String m = i % 2 == 0 ?
                "<165>1 2026-11-25T04:36:48.123456+01:00 host.example.com app-" + i +
                    " 1234 ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] " +
                    "BOMAn application event log entry " + i :
                "<13>Nov 25 04:36:48 host.example.com sshd[1234]: Accepted publickey for user" + i + " from 10.0.0.1";
            sb.append(m.getBytes(StandardCharsets.UTF_8).length).append(' ').append(m);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Thread> ringlogThreads()
    {
        final List<Thread> out = new ArrayList<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith("ringlog-"))
            {
                out.add(t);
            }
        }
        return out;
    }
}
