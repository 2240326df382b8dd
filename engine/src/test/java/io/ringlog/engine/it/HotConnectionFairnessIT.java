package io.ringlog.engine.it;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One hot connection cannot starve 100 quiet ones: while one sender blasts as fast as the real ringlogd takes its
 * bytes, 100 quiet senders each send one message every 20 ms, and every quiet message must be journaled with no
 * more hot messages overtaking it than the listener's per-pass read budget allows.
 *
 * <p>The bound, counted rather than timed: a quiet message's sender notes {@code System.nanoTime()} once its write
 * returned (on loopback the bytes are then in ringlogd's socket buffer); each hot message carries the
 * {@code System.nanoTime()} taken before its batch was written (same process, same clock). A hot message stamped
 * after the quiet one was written cannot have been read before it was written, so the hot messages journaled
 * before a quiet message but stamped after its write were all read while it waited. The listener reads each ready
 * connection at most once (64 KiB) per pass and, when the ring fills, lets every connection ready in that pass
 * take its one read before it pauses, then delivers those reads before reading again; so at most two hot reads
 * (the pass under way when the quiet message arrived, and the one that reads it) overtake it:
 * {@code K = 2 * (65536 / shortest hot line + 1)}.
 *
 * <p>The ring has 1024 slots (resumed at 128 free), so one 64 KiB hot read of ~80-byte lines (~800 messages)
 * fills it: the worst case for a quiet sender, which a default 65536-slot ring reaches with a dozen hot senders.
 * The hot connection is opened first, so it comes first in the listener's connection list.
 *
 * <p>Printed: the hot sender's throughput and the quiet messages' send to receipt latency (receipt time from the
 * journal record, stamped when the listener read the bytes, against the wall-clock time the sender wrote into the
 * message; both processes use Agrona's {@code OffsetEpochNanoClock}, so the figures carry the difference of the two
 * calibrations, up to a few hundred microseconds: the "alone" p50 shows it, even below zero), alone and while the
 * hot sender blasts. Timings are printed, never asserted.
 *
 * <p>Why {@code journal.durability: sync}: it makes the writer the slowest stage, so the ring stays full while the
 * hot sender blasts and each resume frees only a little room, which is when the order of reads decides who waits.
 * At page-cache speed the writer often frees more than one hot read in the time the listener takes to come back,
 * and the starvation this test guards against shows only now and then.
 */
@Tag("reliability")
class HotConnectionFairnessIT
{
    private static final int QUIET = 100;
    private static final long QUIET_INTERVAL_NANOS = 20_000_000L;
    private static final long EVENT_NANOS = QUIET_INTERVAL_NANOS / QUIET;
    private static final long QUIET_NANOS = 10_000_000_000L;
    private static final long HOT_DELAY_NANOS = 2_000_000_000L;
    private static final long HOT_NANOS = 7_000_000_000L;
    private static final int HOT_MAX_MESSAGES = 20_000_000;
    /** The listener's per-read budget, TcpConnection.READ_BUDGET_BYTES. */
    private static final int READ_BUDGET_BYTES = 65536;
    private static final byte[] HOT_PREFIX = "<13>1 - h hot - - - padding-to-about-eighty-bytes-a-line n"
        .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private volatile long hotStart;
    private volatile long hotEnd;
    private volatile long hotSent;
    private volatile int hotShortestLine = Integer.MAX_VALUE;
    private volatile Throwable hotFailure;

    @Test
    @Timeout(120)
    void quietSendersAreReadWithinTheBudgetWhileOneConnectionBlasts() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path config = dir.resolve("fairness.yaml");
        Files.writeString(config, "ring:\n  size: 1024\njournal:\n  durability: sync\n");
        final int events = (int)(QUIET_NANOS / EVENT_NANOS);
        final long[] writtenAt = new long[events];
        final long quietLag;
        final long pauses;
        try (RinglogdProcess p = RinglogdProcess.start(dir, "--config", config.toString(), "--tcp-port", "0",
            "--udp-port", "-1", "--journal", journal.toString()))
        {
            assertNotNull(p.firstLine, p.stderrText());
            assertTrue(p.tcpPort > 0, p.firstLine + " " + p.stderrText());
            final SocketChannel hot = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                p.tcpPort));
            final Socket[] quiet = new Socket[QUIET];
            for (int k = 0; k < QUIET; k++)
            {
                quiet[k] = new Socket(InetAddress.getLoopbackAddress(), p.tcpPort);
                quiet[k].setTcpNoDelay(true);
            }
            final Thread hotThread = new Thread(() -> blast(hot), "fairness-hot");
            hotThread.setDaemon(true);
            final long start = System.nanoTime();
            hotThread.start();
            quietLag = sendQuiet(quiet, start, writtenAt);
            hotThread.join(30_000);
            assertNull(hotFailure, () -> "hot sender: " + hotFailure);
            awaitJournaled(journal, events + hotSent);
            pauses = CountersFile.read(journal).get(Counter.TCP_BACKPRESSURE);
            assertEquals(0, p.terminate(), "exit code after SIGTERM; stderr: " + p.stderrText());
        }

        final long[] alone = new long[events];
        final long[] withHot = new long[events];
        int nAlone = 0;
        int nWithHot = 0;
        final int[] quietNext = new int[QUIET];
        final long[] hotStamps = new long[(int)hotSent];
        int hot = 0;
        long maxOvertaken = 0;
        final byte[] raw = new byte[4096];
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.toStart();
            JournalRecord r;
            for (long i = 0; i < 100_000_000L && (r = reader.next()) != null; i++)
            {
                final int length = r.getRaw(raw);
                final long seq = Tokens.last(raw, length, 's');
                final int k = (int)Tokens.last(raw, length, 'q');
                if (k < 0)
                {
                    assertEquals(hot, seq, "record " + i + ": the hot connection's next message");
                    hotStamps[hot++] = Tokens.last(raw, length, 'n');
                    continue;
                }
                assertEquals(quietNext[k], seq, "record " + i + ": quiet connection " + k + "'s next message");
                quietNext[k]++;
                final int e = (int)seq * QUIET + k;
                final long latency = r.receivedAtNanos() - Tokens.last(raw, length, 'w');
                if (writtenAt[e] > hotStart && writtenAt[e] < hotEnd)
                {
                    withHot[nWithHot++] = latency;
                }
                else if (writtenAt[e] < hotStart)
                {
                    alone[nAlone++] = latency;
                }
                maxOvertaken = Math.max(maxOvertaken, hot - firstAfter(hotStamps, hot, writtenAt[e]));
            }
        }
        final CountersFile.Snapshot c = CountersFile.read(journal);
        final long[] v = c.values;
        final long k = 2L * (READ_BUDGET_BYTES / hotShortestLine + 1);
        final double hotSeconds = (hotEnd - hotStart) / 1e9;
        System.out.printf("fairness: hot sender %d messages in %.1f s (%.0f msg/s), ring pauses %d%n",
            hotSent, hotSeconds, hotSent / hotSeconds, pauses);
        System.out.println("fairness: quiet send -> receipt, alone:    " + percentiles(alone, nAlone));
        System.out.println("fairness: quiet send -> receipt, with hot: " + percentiles(withHot, nWithHot));
        System.out.printf("fairness: most hot messages read after a quiet message was written and journaled before "
                + "it: %d (bound K = %d); quiet senders fell behind their schedule by at most %.1f ms%n",
            maxOvertaken, k, quietLag / 1e6);
        System.out.printf("fairness: sent %d (hot %d + quiet %d), received.tcp %d, journaled %d, dropped %d%n",
            hotSent + events, hotSent, events, v[Counter.RECEIVED_TCP.id()], v[Counter.JOURNALED.id()],
            Counter.dropped(v));

        for (int q = 0; q < QUIET; q++)
        {
            assertEquals(events / QUIET, quietNext[q], "quiet connection " + q + ": every message journaled");
        }
        assertEquals(hotSent, hot, "every hot message journaled");
        assertEquals(hotSent + events, v[Counter.RECEIVED_TCP.id()], "received = sent");
        assertEquals(hotSent + events, v[Counter.JOURNALED.id()], "journaled = received");
        assertEquals(0, Counter.dropped(v), "dropped");
        assertTrue(pauses > 0, "the hot sender filled the ring (else nothing was competing for it)");
        assertTrue(maxOvertaken <= k, "a quiet message was overtaken by " + maxOvertaken + " hot messages read "
            + "after it arrived; the per-pass budget allows " + k);
    }

    /**
     * Sends quiet message {@code e} (connection {@code e % 100}, number {@code e / 100}) at {@code start + e *
     * 200 us}, or at once when late; notes when each write returned. Returns how late the latest one was.
     */
    private static long sendQuiet(final Socket[] quiet, final long start, final long[] writtenAt) throws IOException
    {
        final OffsetEpochNanoClock wallClock = new OffsetEpochNanoClock();
        final OutputStream[] out = new OutputStream[QUIET];
        for (int k = 0; k < QUIET; k++)
        {
            out[k] = quiet[k].getOutputStream();
        }
        long maxLag = 0;
        for (int e = 0; e < writtenAt.length; e++)
        {
            final long due = start + e * EVENT_NANOS;
            long now = System.nanoTime();
            while (now < due)
            {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            maxLag = Math.max(maxLag, now - due);
            final int k = e % QUIET;
            out[k].write(("<13>1 - h quiet - - - q" + k + " s" + e / QUIET + " w" + wallClock.nanoTime() + "\n")
                .getBytes(StandardCharsets.US_ASCII));
            writtenAt[e] = System.nanoTime();
        }
        for (final Socket s : quiet)
        {
            s.close();
        }
        return maxLag;
    }

    /** From 2 s after the start, for 7 s: 64 KiB writes of lines stamped with the time their batch was built. */
    private void blast(final SocketChannel channel)
    {
        final ByteBuffer batch = ByteBuffer.allocateDirect(READ_BUDGET_BYTES);
        long seq = 0;
        int shortest = Integer.MAX_VALUE;
        try (channel)
        {
            Thread.sleep(HOT_DELAY_NANOS / 1_000_000);
            final long start = System.nanoTime();
            hotStart = start;
            final long end = start + HOT_NANOS;
            long now;
            while ((now = System.nanoTime()) < end && seq < HOT_MAX_MESSAGES - 1000)
            {
                batch.clear();
                while (batch.remaining() >= HOT_PREFIX.length + 48)
                {
                    final int from = batch.position();
                    batch.put(HOT_PREFIX);
                    Tokens.putDecimal(batch, now);
                    batch.put((byte)' ').put((byte)'s');
                    Tokens.putDecimal(batch, seq++);
                    batch.put((byte)'\n');
                    shortest = Math.min(shortest, batch.position() - from);
                }
                batch.flip();
                while (batch.hasRemaining())
                {
                    channel.write(batch);
                }
            }
            hotEnd = System.nanoTime();
        }
        catch (final IOException | InterruptedException | RuntimeException e)
        {
            hotFailure = e;
        }
        hotSent = seq;
        hotShortestLine = shortest;
    }

    /** Index of the first of {@code stamps[0, n)} (non-decreasing) greater than {@code t}; n if none. */
    private static int firstAfter(final long[] stamps, final int n, final long t)
    {
        int lo = 0;
        int hi = n;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (stamps[mid] > t)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static String percentiles(final long[] nanos, final int n)
    {
        if (n == 0)
        {
            return "no messages";
        }
        final long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return String.format("%d messages, p50 %.3f ms, p99 %.3f ms, max %.3f ms", n, sorted[(n - 1) / 2] / 1e6,
            sorted[(int)((n - 1) * 0.99)] / 1e6, sorted[n - 1] / 1e6);
    }

    /** Waits (at most 60 s) until the engine has journaled {@code n} messages in all. */
    private static void awaitJournaled(final Path journal, final long n) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (CountersFile.read(journal).get(Counter.JOURNALED) < n && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
    }
}
