package io.ringlog.engine.listen;

import io.ringlog.engine.event.ParseFlags;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Splits one TCP byte stream into syslog messages (RFC 6587), whatever the reads it arrives in. It owns the buffer
 * the socket reads into, so every frame is handed on in one piece straight from it.
 *
 * <p>The framing is chosen from the stream's first byte, as RFC 6587 §3.4 allows (and rsyslog and syslog-ng
 * do): a digit means octet counting ({@code MSG-LEN SP SYSLOG-MSG}, the frame's bytes opaque: LF and NUL inside
 * it are data); anything else means non-transparent framing, where LF or NUL ends a message (syslog-ng's
 * default), a CR before it is dropped, and empty frames are skipped.
 *
 * <p>Limits, so a sender cannot make the engine wait for gigabytes or forge messages:
 * <ul>
 *     <li>an octet count that is not a number, has a leading zero, or exceeds {@code maxMessageBytes} is a
 *     framing error (the connection is to be closed);</li>
 *     <li>a non-transparent frame longer than {@code maxMessageBytes} is cut there and flagged
 *     {@link ParseFlags#TRUNCATED}; the rest up to the next trailer is discarded, never turned into a second
 *     message;</li>
 *     <li>at end of stream an unterminated non-transparent frame is still a message (as rsyslog and syslog-ng
 *     treat it); a partial octet-counted frame is not: it is reported as incomplete.</li>
 * </ul>
 * Single-threaded; allocation-free after construction.
 */
public final class StreamFramer
{
    public static final int FRAMING_UNKNOWN = 0;
    public static final int FRAMING_OCTET_COUNTING = 1;
    public static final int FRAMING_NON_TRANSPARENT = 2;

    /** Every complete frame was delivered. */
    public static final int DONE = 0;
    /** The sink had no room; the rest stays buffered for the next call. */
    public static final int BLOCKED = 1;
    /** The stream is not valid framing; {@link #errorReason()} says why. */
    public static final int FRAMING_ERROR = 2;
    /** At end of stream a partial octet-counted frame was left (not delivered). */
    public static final int INCOMPLETE = 3;

    /** Longest octet count read, even when truncating: 10 digits (~10 GB) is absurd already. */
    private static final int MAX_COUNT_DIGITS = 10;

    private final ByteBuffer buffer;
    private final UnsafeBuffer view;
    private final int maxMessageBytes;
    private final boolean truncateOversizeOctetFrames;
    private final boolean nulTerminates;
    private int framing;
    /** Bytes of a truncated octet-counted frame still to be skipped. */
    private long skipRemaining;
    private boolean discarding;
    private int scanned;
    private String errorReason;

    /** @param maxMessageBytes the longest message; the buffer holds one such frame with its header. */
    public StreamFramer(final int maxMessageBytes)
    {
        this(maxMessageBytes, FRAMING_UNKNOWN, false, true);
    }

    /**
     * @param framing                     {@link #FRAMING_UNKNOWN} to detect it from the first byte, or a framing
     *                                    to force (for senders whose non-transparent lines may start with a digit).
     * @param truncateOversizeOctetFrames an octet count above the maximum is cut to the maximum (flagged
     *                                    TRUNCATED, the rest skipped), as syslog-ng's trim-large-messages, instead
     *                                    of being a framing error; counts of more than 10 digits stay errors.
     * @param nulTerminates               NUL ends a non-transparent frame, as LF does (syslog-ng's default).
     */
    public StreamFramer(
        final int maxMessageBytes,
        final int framing,
        final boolean truncateOversizeOctetFrames,
        final boolean nulTerminates)
    {
        this.maxMessageBytes = maxMessageBytes;
        this.truncateOversizeOctetFrames = truncateOversizeOctetFrames;
        this.nulTerminates = nulTerminates;
        this.framing = framing;
        this.buffer = ByteBuffer.allocateDirect(maxMessageBytes + 16);
        this.view = new UnsafeBuffer(buffer);
    }

    /** The buffer to read into: its position is the end of buffered data, its limit the capacity. */
    public ByteBuffer buffer()
    {
        return buffer;
    }

    public int framing()
    {
        return framing;
    }

    /** The framing constant for a config name: auto, octet-counting or non-transparent; -1 if unknown. */
    public static int framingByName(final String name)
    {
        switch (name)
        {
            case "auto": return FRAMING_UNKNOWN;
            case "octet-counting": return FRAMING_OCTET_COUNTING;
            case "non-transparent": return FRAMING_NON_TRANSPARENT;
            default: return -1;
        }
    }

    public String errorReason()
    {
        return errorReason;
    }

    /** Bytes waiting in the buffer (a partial frame, or frames the sink had no room for). */
    public int buffered()
    {
        return buffer.position();
    }

    /**
     * Delivers every complete frame in the buffer to {@code sink}, then moves what is left to the buffer's start.
     *
     * @return {@link #DONE}, {@link #BLOCKED} or {@link #FRAMING_ERROR}.
     */
    public int frame(final FrameSink sink)
    {
        final int end = buffer.position();
        int start = 0;
        int result = DONE;
        if (framing == FRAMING_UNKNOWN && end > 0)
        {
            final byte first = view.getByte(0);
            framing = first >= '0' && first <= '9' ? FRAMING_OCTET_COUNTING : FRAMING_NON_TRANSPARENT;
        }
        while (start < end)
        {
            if (skipRemaining > 0)
            {
                final int skip = (int)Math.min(skipRemaining, end - start);
                skipRemaining -= skip;
                start += skip;
                continue;
            }
            final int consumed = framing == FRAMING_OCTET_COUNTING ?
                octetFrame(sink, start, end) : nonTransparentFrame(sink, start, end);
            if (consumed > 0)
            {
                start += consumed;
                continue;
            }
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
        compact(start, end);
        return result;
    }

    /**
     * At end of stream: delivers complete frames, then an unterminated last non-transparent frame.
     *
     * @return {@link #DONE}, {@link #BLOCKED}, {@link #FRAMING_ERROR} or {@link #INCOMPLETE}.
     */
    public int frameAtEof(final FrameSink sink)
    {
        final int result = frame(sink);
        final int end = buffer.position();
        if (result != DONE)
        {
            return result;
        }
        if (skipRemaining > 0)
        {
            errorReason = "connection closed inside a truncated octet-counted frame";
            skipRemaining = 0;
            return INCOMPLETE;
        }
        if (end == 0)
        {
            return result;
        }
        if (framing == FRAMING_NON_TRANSPARENT)
        {
            if (!discarding && !deliver(sink, 0, trimCr(0, end)))
            {
                return BLOCKED;
            }
            buffer.clear();
            return DONE;
        }
        errorReason = "connection closed inside an octet-counted frame (" + end + " bytes buffered)";
        buffer.clear();
        return INCOMPLETE;
    }

    /** Bytes consumed (> 0), 0 when the frame is incomplete, or -BLOCKED / -FRAMING_ERROR. */
    private int octetFrame(final FrameSink sink, final int start, final int end)
    {
        final byte first = view.getByte(start);
        if (first < '1' || first > '9')
        {
            errorReason = first == '0' ? "octet count with a leading zero" :
                "expected an octet count, found byte 0x" + Integer.toHexString(first & 0xFF);
            return -FRAMING_ERROR;
        }
        int i = start;
        long length = 0;
        while (i < end)
        {
            final byte b = view.getByte(i);
            if (b >= '0' && b <= '9')
            {
                length = length * 10 + (b - '0');
                if (length > maxMessageBytes && (!truncateOversizeOctetFrames || i - start >= MAX_COUNT_DIGITS))
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
        final int deliver = (int)Math.min(length, maxMessageBytes);
        if (payload + deliver > end)
        {
            return 0;
        }
        if (!sink.onFrame(buffer, payload, deliver, deliver < length ? ParseFlags.TRUNCATED : 0))
        {
            return -BLOCKED;
        }
        skipRemaining = length - deliver;
        return payload + deliver - start;
    }

    /** Bytes consumed (> 0), 0 when no complete frame, or -BLOCKED. */
    private int nonTransparentFrame(final FrameSink sink, final int start, final int end)
    {
        int i = start + scanned;
        while (i < end)
        {
            final byte b = view.getByte(i);
            if (b == '\n' || b == 0 && nulTerminates)
            {
                break;
            }
            i++;
        }
        if (i == end)
        {
            final int pending = end - start;
            scanned = pending;
            if (pending <= maxMessageBytes + 1) // room for a CR after a frame of exactly the maximum
            {
                return 0;
            }
            if (!discarding)
            {
                if (!sink.onFrame(buffer, start, maxMessageBytes, ParseFlags.TRUNCATED))
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
        if (!deliver(sink, start, trimCr(start, i)))
        {
            return -BLOCKED;
        }
        return i + 1 - start;
    }

    /**
     * Hands on a complete non-transparent frame, skipping an empty one. The buffer holds up to
     * {@code maxMessageBytes + 16} bytes, so a frame whose trailer arrives in the same read can be found longer
     * than the maximum before the scan's own overflow check sees it: it is cut here the same way, so the frames
     * do not depend on how the stream was split into reads.
     *
     * @return false when the sink refused it.
     */
    private boolean deliver(final FrameSink sink, final int start, final int length)
    {
        if (length == 0)
        {
            return true;
        }
        return length > maxMessageBytes ?
            sink.onFrame(buffer, start, maxMessageBytes, ParseFlags.TRUNCATED) :
            sink.onFrame(buffer, start, length, 0);
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
}
