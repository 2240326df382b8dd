package io.ringlog.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop syslog load generator: one thread, N connections (message {@code i} goes to connection
 * {@code i mod N}), every message stamped with its sequence number and its scheduled send time.
 *
 * <p>Fixed rate: message {@code i} is scheduled at {@code start + i / rate}; the thread sleeps until the next one
 * is due, then writes everything due in one batch per connection, so a sender that woke late (timer slack, a
 * blocked write because the server pushed back) catches up in one write and never waits for a reply. The stamp
 * is the schedule, not the moment of sending, so any delay shows as latency (no coordinated omission).
 * As fast as possible (rate 0): full batches, stamped with the time each batch was built.
 *
 * <p>Why it is fast: each connection has one direct buffer pre-filled with unstamped frames, so a message costs
 * writing 29 digits, and a TCP write carries about 64 KiB. UDP sends one datagram per message (one system call
 * each). The send loop allocates nothing.
 */
public final class LoadGenerator implements AutoCloseable
{
    private static final int BATCH_BYTES = 64 * 1024;

    private final LoadSpec spec;
    private final MessageLayout layout;
    private final int frame;
    private final int slots;
    private final WritableByteChannel[] channels;
    private final ByteBuffer[] batches;
    private final int[] filled;
    private long sent;
    private long bytes;
    private long firstNanos;

    /** Opens the connections (TCP: connected, TCP_NODELAY; UDP: one connected datagram channel each). */
    public LoadGenerator(final LoadSpec spec, final InetSocketAddress target) throws IOException
    {
        this.spec = spec;
        this.layout = spec.layout();
        this.frame = layout.frameBytes();
        this.slots = spec.transport.tcp() ? Math.max(1, BATCH_BYTES / frame) : 1;
        this.channels = new WritableByteChannel[spec.connections];
        this.batches = new ByteBuffer[spec.connections];
        this.filled = new int[spec.connections];
        try
        {
            for (int c = 0; c < spec.connections; c++)
            {
                channels[c] = open(spec.transport, target);
                batches[c] = ByteBuffer.allocateDirect(slots * frame);
                for (int s = 0; s < slots; s++)
                {
                    layout.template(batches[c], s * frame);
                }
            }
        }
        catch (final IOException | RuntimeException e)
        {
            close();
            throw e;
        }
    }

    private static WritableByteChannel open(final Transport transport, final InetSocketAddress target)
        throws IOException
    {
        if (transport.tcp())
        {
            final SocketChannel ch = SocketChannel.open(target);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return ch;
        }
        final DatagramChannel ch = DatagramChannel.open();
        ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        ch.connect(target);
        return ch;
    }

    /** Messages sent so far (for the sending thread itself, e.g. after a failed write). */
    public long sent()
    {
        return sent;
    }

    public MessageLayout layout()
    {
        return layout;
    }

    /**
     * Sends messages {@code 0 .. spec.count - 1}, or fewer when {@code spec.seconds} after {@code startNanos} pass
     * first. Rate mode schedules message {@code i} at {@code startNanos + i / rate}.
     */
    public LoadResult run(final long startNanos) throws IOException
    {
        final long deadline = startNanos + (long)(spec.seconds * 1e9);
        final long count = spec.count;
        long seq = 0;
        long maxLate = 0;
        if (spec.rate == 0)
        {
            final long perRound = (long)slots * spec.connections;
            long now = System.nanoTime();
            while (seq < count && now < deadline)
            {
                final long end = Math.min(count, seq + perRound);
                for (; seq < end; seq++)
                {
                    add(seq, now);
                }
                flushAll();
                now = System.nanoTime();
            }
        }
        else
        {
            while (seq < count)
            {
                final long scheduled = scheduled(startNanos, seq);
                final long now = System.nanoTime();
                if (now >= deadline)
                {
                    break;
                }
                if (now < scheduled)
                {
                    LockSupport.parkNanos(scheduled - now);
                    continue;
                }
                maxLate = Math.max(maxLate, now - scheduled);
                // everything whose time has come goes out now, in as few writes as the buffers allow
                long due = scheduled;
                do
                {
                    add(seq, due);
                    seq++;
                    due = scheduled(startNanos, seq);
                }
                while (seq < count && due <= now);
                flushAll();
            }
        }
        return new LoadResult(sent, bytes, firstNanos, System.nanoTime(), maxLate);
    }

    /** {@code start + seq / rate} in nanoseconds, exact and without overflow for 10-digit sequence numbers. */
    private long scheduled(final long start, final long seq)
    {
        final long rate = spec.rate;
        return start + (seq / rate) * 1_000_000_000L + (seq % rate) * 1_000_000_000L / rate;
    }

    private void add(final long seq, final long scheduledNanos) throws IOException
    {
        final int c = (int)(seq % channels.length);
        layout.stamp(batches[c], filled[c] * frame, seq, scheduledNanos);
        if (++filled[c] == slots)
        {
            flush(c);
        }
    }

    private void flushAll() throws IOException
    {
        for (int c = 0; c < channels.length; c++)
        {
            if (filled[c] > 0)
            {
                flush(c);
            }
        }
    }

    private void flush(final int c) throws IOException
    {
        final ByteBuffer b = batches[c];
        b.limit(filled[c] * frame).position(0);
        if (firstNanos == 0)
        {
            firstNanos = System.nanoTime();
        }
        // blocking channel: returns once the kernel took every byte (TCP) or the datagram (UDP)
        while (b.hasRemaining())
        {
            channels[c].write(b);
        }
        b.clear();
        sent += filled[c];
        bytes += (long)filled[c] * frame;
        filled[c] = 0;
    }

    @Override
    public void close()
    {
        for (final WritableByteChannel ch : channels)
        {
            if (ch != null)
            {
                try
                {
                    ch.close();
                }
                catch (final IOException ignored)
                {
                    // closing after the run: nothing left to report
                }
            }
        }
    }
}
