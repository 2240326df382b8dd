package io.ringlog.engine.listen;

import io.ringlog.engine.event.Transport;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One TCP sender: its socket, its source address and its {@link StreamFramer}. It is the framer's sink, so a
 * frame goes from the receive buffer into a ring slot with one copy. Owned by the listener thread.
 */
final class TcpConnection implements FrameSink
{
    /**
     * Most bytes one read takes: the listener reads a connection at most once a pass, so this is a connection's
     * share of a pass. Without it the share would be the framer's whole buffer, which grows with
     * {@code listen.maxMessageBytes} (up to 64 MiB): one hot sender's read would fill the ring many times over while
     * everyone else waited.
     */
    static final int READ_BUDGET_BYTES = 65536;

    final SocketChannel channel;
    final Source source = new Source();
    final StreamFramer framer;
    SelectionKey key;
    /** Set when framing stopped because the ring was full; the listener resumes it first. */
    boolean blocked;
    /** The sender has closed its side; what is buffered is framed once more, then the connection closes. */
    boolean eof;
    /** System.nanoTime() of the last read (or of the accept): idle connections are closed by the listener. */
    long lastReadNanos;
    private final AtomicCounter received;
    private RingPublisher publisher;
    private long nowNanos;

    /** @param received counts TCP messages as they enter the ring (a frame waiting for room is counted then). */
    TcpConnection(final SocketChannel channel, final StreamFramer framer, final AtomicCounter received)
    {
        this.channel = channel;
        this.framer = framer;
        this.received = received;
    }

    /** One read, of at most {@link #READ_BUDGET_BYTES}, into the framer's buffer; -1 at end of stream. */
    int read() throws IOException
    {
        final ByteBuffer buffer = framer.buffer();
        final int limit = buffer.limit();
        buffer.limit((int)Math.min(limit, (long)buffer.position() + READ_BUDGET_BYTES));
        try
        {
            return channel.read(buffer);
        }
        finally
        {
            buffer.limit(limit);
        }
    }

    /** Frames what is buffered into the ring; see {@link StreamFramer#frame}. */
    int frame(final RingPublisher publisher, final long nowNanos)
    {
        this.publisher = publisher;
        this.nowNanos = nowNanos;
        final int result = framer.frame(this);
        blocked = result == StreamFramer.BLOCKED;
        return result;
    }

    /** At end of stream; see {@link StreamFramer#frameAtEof}. */
    int frameAtEof(final RingPublisher publisher, final long nowNanos)
    {
        this.publisher = publisher;
        this.nowNanos = nowNanos;
        final int result = framer.frameAtEof(this);
        blocked = result == StreamFramer.BLOCKED;
        return result;
    }

    @Override
    public boolean onFrame(final ByteBuffer buffer, final int position, final int length, final int flags)
    {
        if (publisher.publish(buffer, position, length, flags, source, Transport.TCP, nowNanos) != RingPublisher.OK)
        {
            return false;
        }
        received.incrementRelease();
        return true;
    }
}
