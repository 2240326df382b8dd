package io.ringlog.engine.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * Several TCP connections driven by one thread on an open-loop schedule: message {@code s} of connection {@code c}
 * is due at {@code start + (s * connections + c) / rate}, whatever happened to the messages before it. Sockets are
 * non-blocking, so a sender that the engine pushes back on is not blocked: it records how far behind schedule it
 * fell (the first message not yet fully written against its due time), which is the back-pressure made visible,
 * and how many writes the kernel refused outright (socket buffer full).
 *
 * <p>Each message is an LF-framed RFC 5424 line ending {@code c<connection> s<sequence>}, so a reader of the
 * journal can check that every message sent is there once and in its connection's order. A rate of 0 means as
 * fast as the engine takes them. The run is bounded by its duration; the bytes of a message already started are
 * then written out (bounded too), so every message counted in {@link #sent} is complete on the wire.
 */
final class OpenLoopSender implements Runnable
{
    private static final byte[] PREFIX = "<13>1 - h overload - - - padding-to-about-eighty-bytes-a-line c"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_LINE = PREFIX.length + 2 * 20 + 3;
    private static final long FLUSH_TIMEOUT_NANOS = 60_000_000_000L;

    private final int port;
    private final int firstId;
    private final int connections;
    private final double ratePerSecond;
    private final long durationNanos;

    /** Messages fully written, per connection (index = connection id - firstId). */
    final long[] sent;
    /** Messages due by the end of the schedule, all connections together (0 when the rate is unlimited). */
    volatile long due;
    /** At the end of the schedule: the oldest message not yet written was this late (0 when none was). */
    volatile long finalLagNanos;
    volatile long maxLagNanos;
    /** Writes that wrote nothing: the socket's send buffer was full. */
    volatile long refusedWrites;
    volatile long elapsedNanos;
    volatile Throwable failure;

    OpenLoopSender(
        final int port, final int firstId, final int connections, final double ratePerSecond, final long durationNanos)
    {
        this.port = port;
        this.firstId = firstId;
        this.connections = connections;
        this.ratePerSecond = ratePerSecond;
        this.durationNanos = durationNanos;
        this.sent = new long[connections];
    }

    long totalSent()
    {
        long n = 0;
        for (final long s : sent)
        {
            n += s;
        }
        return n;
    }

    Thread start(final String name)
    {
        final Thread t = new Thread(this, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void run()
    {
        final SocketChannel[] channels = new SocketChannel[connections];
        try
        {
            for (int c = 0; c < connections; c++)
            {
                channels[c] = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                channels[c].configureBlocking(false);
                channels[c].setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            send(channels);
        }
        catch (final Throwable e)
        {
            failure = e;
        }
        finally
        {
            for (final SocketChannel channel : channels)
            {
                closeQuietly(channel);
            }
        }
    }

    private void send(final SocketChannel[] channels) throws IOException
    {
        final ByteBuffer[] buffers = new ByteBuffer[connections];
        final long[] encoded = new long[connections];
        for (int c = 0; c < connections; c++)
        {
            buffers[c] = ByteBuffer.allocateDirect(1 << 16);
            buffers[c].flip();
        }
        final boolean unlimited = ratePerSecond <= 0;
        final double nanosPerMessage = unlimited ? 0 : 1e9 / ratePerSecond;
        final long start = System.nanoTime();
        final long end = start + durationNanos;
        long refused = 0;
        long maxLag = 0;
        long now;
        while ((now = System.nanoTime()) < end)
        {
            boolean progress = false;
            long lag = 0;
            for (int c = 0; c < connections; c++)
            {
                final ByteBuffer buffer = buffers[c];
                if (!buffer.hasRemaining())
                {
                    sent[c] = encoded[c];
                    final long dueHere = unlimited ? Long.MAX_VALUE : dueBy(now - start, c, nanosPerMessage);
                    if (encoded[c] < dueHere)
                    {
                        buffer.clear();
                        while (buffer.remaining() >= MAX_LINE && encoded[c] < dueHere)
                        {
                            encode(buffer, firstId + c, encoded[c]++);
                        }
                        buffer.flip();
                    }
                }
                if (buffer.hasRemaining())
                {
                    if (channels[c].write(buffer) > 0)
                    {
                        progress = true;
                    }
                    else
                    {
                        refused++;
                    }
                }
                if (!unlimited)
                {
                    final long firstUnwritten = buffer.hasRemaining() ? sent[c] : encoded[c];
                    final long late = now - start - scheduledAt(firstUnwritten, c, nanosPerMessage);
                    lag = Math.max(lag, late);
                }
            }
            maxLag = Math.max(maxLag, lag);
            if (!progress)
            {
                LockSupport.parkNanos(50_000L);
            }
        }
        elapsedNanos = now - start;
        refusedWrites = refused;
        maxLagNanos = maxLag;
        long lagAtEnd = 0;
        long dueAtEnd = 0;
        for (int c = 0; c < connections && !unlimited; c++)
        {
            final long firstUnwritten = buffers[c].hasRemaining() ? sent[c] : encoded[c];
            dueAtEnd += dueBy(durationNanos, c, nanosPerMessage);
            lagAtEnd = Math.max(lagAtEnd, durationNanos - scheduledAt(firstUnwritten, c, nanosPerMessage));
        }
        due = dueAtEnd;
        finalLagNanos = Math.max(0, lagAtEnd);
        flush(channels, buffers, encoded);
    }

    /** Writes out the messages already encoded, so none is left half sent; bounded by a minute. */
    private void flush(final SocketChannel[] channels, final ByteBuffer[] buffers, final long[] encoded)
        throws IOException
    {
        final long deadline = System.nanoTime() + FLUSH_TIMEOUT_NANOS;
        for (int c = 0; c < connections; c++)
        {
            while (buffers[c].hasRemaining() && System.nanoTime() < deadline)
            {
                if (channels[c].write(buffers[c]) == 0)
                {
                    LockSupport.parkNanos(100_000L);
                }
            }
            if (buffers[c].hasRemaining())
            {
                throw new IllegalStateException("connection " + (firstId + c) + " could not finish writing in 60 s");
            }
            sent[c] = encoded[c];
        }
    }

    /** Schedule offset of message {@code seq} of connection {@code c}: interleaved evenly over the connections. */
    private long scheduledAt(final long seq, final int c, final double nanosPerMessage)
    {
        return (long)((seq * connections + c) * nanosPerMessage);
    }

    /** Messages of connection {@code c} due at {@code elapsed}: those scheduled at or before it. */
    private long dueBy(final long elapsed, final int c, final double nanosPerMessage)
    {
        final long slots = (long)(elapsed / nanosPerMessage); // global slots 0..slots are due
        return slots < c ? 0 : (slots - c) / connections + 1;
    }

    private static void encode(final ByteBuffer buffer, final int id, final long seq)
    {
        buffer.put(PREFIX);
        Tokens.putDecimal(buffer, id);
        buffer.put((byte)' ').put((byte)'s');
        Tokens.putDecimal(buffer, seq);
        buffer.put((byte)'\n');
    }

    private static void closeQuietly(final SocketChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignore)
            {
                // the run is over
            }
        }
    }
}
