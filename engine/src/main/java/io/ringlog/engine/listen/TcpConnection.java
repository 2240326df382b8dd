package io.ringlog.engine.listen;

import io.ringlog.engine.event.ParseFlags;
import io.ringlog.engine.event.Transport;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One TCP sender: its socket, its receive buffer and its RFC 6587 framing state. Owned by the listener thread.
 *
 * <p>The framing is chosen from the connection's first byte, as RFC 6587 §3.4 allows: a digit means octet
 * counting ({@code MSG-LEN SP SYSLOG-MSG}), anything else means non-transparent framing with LF as the trailer
 * (a CR before the LF is dropped, empty lines are skipped). An octet count that is not a number, has a leading
 * zero, has more digits than any allowed size, or exceeds {@code maxMessageBytes} is a framing error: the
 * connection is closed rather than waiting for gigabytes. An LF frame longer than {@code maxMessageBytes} is cut
 * there, journaled flagged {@link ParseFlags#TRUNCATED}, and the rest up to the next LF is discarded, so an
 * over-long line can never turn into a forged second message.
 *
 * <p>The buffer holds at least one whole frame of the maximum size, so a frame is always copied into the ring
 * in one piece, straight from the buffer the socket read into.
 */
final class TcpConnection
{
    static final int FRAMING_UNKNOWN = 0;
    static final int FRAMING_OCTET_COUNTING = 1;
    static final int FRAMING_LF = 2;

    /** {@link #frame} outcomes. */
    static final int DONE = 0;
    static final int BLOCKED = 1;
    static final int FRAMING_ERROR = 2;

    final SocketChannel channel;
    final Source source = new Source();
    final ByteBuffer buffer;
    private final UnsafeBuffer view;
    private final int maxMessageBytes;
    SelectionKey key;
    int framing = FRAMING_UNKNOWN;
    /** Inside an over-long LF frame: bytes up to the next LF are dropped. */
    private boolean discarding;
    /** Bytes [0, scanned) of the buffer's pending data contain no LF (LF framing), so they are not scanned again. */
    private int scanned;
    /** Set when {@link #frame} stopped because the ring was full; the listener resumes it first. */
    boolean blocked;
    /** The sender has closed its side; what is buffered is framed once more, then the connection closes. */
    boolean eof;
    String errorReason;

    TcpConnection(final SocketChannel channel, final int maxMessageBytes)
    {
        this.channel = channel;
        this.maxMessageBytes = maxMessageBytes;
        this.buffer = ByteBuffer.allocateDirect(maxMessageBytes + 16);
        this.view = new UnsafeBuffer(buffer);
    }

    /** One read from the socket into the free part of the buffer; -1 at end of stream. */
    int read() throws IOException
    {
        return channel.read(buffer);
    }

    /**
     * Publishes every complete frame in the buffer, then moves any partial frame to the buffer's start.
     *
     * @return {@link #DONE}, {@link #BLOCKED} (ring full: the rest stays buffered), or {@link #FRAMING_ERROR}
     *         ({@link #errorReason} says why; close the connection).
     */
    int frame(final RingPublisher publisher, final long nowNanos)
    {
        final int end = buffer.position();
        int start = 0;
        int result = DONE;
        if (framing == FRAMING_UNKNOWN && end > 0)
        {
            final byte first = view.getByte(0);
            framing = first >= '0' && first <= '9' ? FRAMING_OCTET_COUNTING : FRAMING_LF;
        }
        while (start < end)
        {
            final int consumed = framing == FRAMING_OCTET_COUNTING ?
                octetFrame(publisher, start, end, nowNanos) : lfFrame(publisher, start, end, nowNanos);
            if (consumed > 0)
            {
                start += consumed;
            }
            else
            {
                if (consumed == -BLOCKED)
                {
                    result = BLOCKED;
                }
                else if (consumed == -FRAMING_ERROR)
                {
                    return FRAMING_ERROR;
                }
                break;
            }
        }
        compact(start, end);
        blocked = result == BLOCKED;
        return result;
    }

    /**
     * Called at end of stream: an unterminated last LF frame is still a message (as rsyslog and syslog-ng treat
     * it); a partial octet-counted frame is not.
     *
     * @return {@link #DONE}, {@link #BLOCKED}, or {@link #FRAMING_ERROR} when a partial frame was left.
     */
    int frameAtEof(final RingPublisher publisher, final long nowNanos)
    {
        final int result = frame(publisher, nowNanos);
        final int end = buffer.position();
        if (result != DONE || end == 0)
        {
            return result;
        }
        if (framing == FRAMING_LF)
        {
            if (!discarding)
            {
                final int length = trimCr(0, end);
                if (length > 0 && publish(publisher, 0, length, 0, nowNanos) != RingPublisher.OK)
                {
                    blocked = true;
                    return BLOCKED;
                }
            }
            buffer.clear();
            return DONE;
        }
        errorReason = "connection closed inside an octet-counted frame (" + end + " bytes buffered)";
        buffer.clear();
        return FRAMING_ERROR;
    }

    /** Bytes consumed (> 0), 0 when the frame is incomplete, or -BLOCKED / -FRAMING_ERROR. */
    private int octetFrame(final RingPublisher publisher, final int start, final int end, final long nowNanos)
    {
        int i = start;
        long length = 0;
        final byte first = view.getByte(i);
        if (first < '1' || first > '9')
        {
            errorReason = first == '0' ? "octet count with a leading zero" :
                "expected an octet count, found byte 0x" + Integer.toHexString(first & 0xFF);
            return -FRAMING_ERROR;
        }
        while (i < end)
        {
            final byte b = view.getByte(i);
            if (b >= '0' && b <= '9')
            {
                length = length * 10 + (b - '0');
                if (length > maxMessageBytes)
                {
                    errorReason = "octet count exceeds the maximum message size of " + maxMessageBytes;
                    return -FRAMING_ERROR;
                }
                i++;
            }
            else if (b == ' ')
            {
                break;
            }
            else
            {
                errorReason = "octet count followed by byte 0x" + Integer.toHexString(b & 0xFF) + " instead of SP";
                return -FRAMING_ERROR;
            }
        }
        if (i == end)
        {
            return 0; // header incomplete
        }
        final int payload = i + 1;
        if (payload + length > end)
        {
            return 0;
        }
        if (publish(publisher, payload, (int)length, 0, nowNanos) != RingPublisher.OK)
        {
            return -BLOCKED;
        }
        return (int)(payload + length - start);
    }

    /** Bytes consumed (> 0), 0 when no complete frame, or -BLOCKED. */
    private int lfFrame(final RingPublisher publisher, final int start, final int end, final long nowNanos)
    {
        int i = Math.max(start, start + scanned);
        while (i < end && view.getByte(i) != '\n')
        {
            i++;
        }
        if (i == end)
        {
            scanned = end - start;
            final int pending = end - start;
            if (pending <= maxMessageBytes + 1) // room for a CR LF after a frame of exactly the maximum
            {
                return 0;
            }
            if (!discarding)
            {
                if (publish(publisher, start, maxMessageBytes, ParseFlags.TRUNCATED, nowNanos) != RingPublisher.OK)
                {
                    return -BLOCKED;
                }
                discarding = true;
            }
            scanned = 0;
            return pending;
        }
        scanned = 0;
        if (discarding)
        {
            discarding = false;
            return i + 1 - start;
        }
        final int length = trimCr(start, i);
        if (length > 0 && publish(publisher, start, length, 0, nowNanos) != RingPublisher.OK)
        {
            return -BLOCKED;
        }
        return i + 1 - start;
    }

    private int trimCr(final int start, final int end)
    {
        int length = end - start;
        if (length > 0 && view.getByte(end - 1) == '\r')
        {
            length--;
        }
        return length;
    }

    private int publish(
        final RingPublisher publisher, final int position, final int length, final int flags, final long nowNanos)
    {
        return publisher.publish(buffer, position, length, flags, source, Transport.TCP, nowNanos);
    }

    private void compact(final int start, final int end)
    {
        if (start == 0)
        {
            return;
        }
        final int remaining = end - start;
        if (remaining > 0)
        {
            view.putBytes(0, view, start, remaining);
        }
        buffer.limit(buffer.capacity()).position(remaining);
    }

    /** True when the buffer has no room left to read into (a full frame is waiting for ring space). */
    boolean bufferFull()
    {
        return !buffer.hasRemaining();
    }
}
