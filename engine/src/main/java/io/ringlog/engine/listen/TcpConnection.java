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

    /** One read from the socket into the framer's buffer; -1 at end of stream. */
    int read() throws IOException
    {
        return channel.read(framer.buffer());
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
