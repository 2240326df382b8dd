package io.ringlog.bench.load;

import org.agrona.DirectBuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The fixed shape of the generator's messages: every message is exactly {@link #messageBytes()} long and carries
 * its sequence number (10 digits) and its scheduled send time ({@code System.nanoTime()}, 19 digits) at fixed
 * offsets, so the sender stamps them into a pre-filled buffer and a follower reads them back, both without
 * parsing or allocating. The offsets are the same in the journal's raw bytes and in a peer's output line, because
 * the peers are configured to write the raw message.
 *
 * <ul>
 *   <li>RFC 5424: {@code <165>1 TIMESTAMP bench.example.com loadgen 4242 ID47 [meta seq="S" t="T"] padding}</li>
 *   <li>RFC 3164: {@code <165>Nov 25 04:36:48 bench.example.com loadgen[4242]: seq=S t=T padding}</li>
 * </ul>
 * On the wire each message is framed by {@link Transport}: {@code LEN SP} before it (octet counting), an LF after
 * it, or nothing (one UDP datagram).
 */
public final class MessageLayout
{
    public static final int SEQ_DIGITS = 10;
    public static final int TIME_DIGITS = 19;
    private static final String HEAD_5424 = "<165>1 2026-11-25T04:36:48.123456Z bench.example.com loadgen 4242 ID47 " +
        "[meta seq=\"";
    private static final String MID_5424 = "\" t=\"";
    private static final String TAIL_5424 = "\"] ";
    private static final String HEAD_3164 = "<165>Nov 25 04:36:48 bench.example.com loadgen[4242]: seq=";
    private static final String MID_3164 = " t=";
    private static final String TAIL_3164 = " ";
    private static final String PADDING = "An application event log entry, padded to the size the benchmark asks for. ";

    private final byte[] frame;
    private final int messageOffset;
    private final int messageBytes;
    private final int seqOffset;
    private final int timeOffset;

    private MessageLayout(final byte[] frame, final int messageOffset, final int messageBytes, final int seqOffset,
        final int timeOffset)
    {
        this.frame = frame;
        this.messageOffset = messageOffset;
        this.messageBytes = messageBytes;
        this.seqOffset = seqOffset;
        this.timeOffset = timeOffset;
    }

    /** The smallest message of {@code format}: header and stamps, no padding. */
    public static int minimumBytes(final SyslogFormat format)
    {
        return format == SyslogFormat.RFC5424 ?
            HEAD_5424.length() + SEQ_DIGITS + MID_5424.length() + TIME_DIGITS + TAIL_5424.length() :
            HEAD_3164.length() + SEQ_DIGITS + MID_3164.length() + TIME_DIGITS + TAIL_3164.length();
    }

    /** @throws IllegalArgumentException when {@code messageBytes} is below {@link #minimumBytes} or above 64 KiB. */
    public static MessageLayout of(final SyslogFormat format, final Transport transport, final int messageBytes)
    {
        final int min = minimumBytes(format);
        if (messageBytes < min || messageBytes > 65_000)
        {
            throw new IllegalArgumentException("message size " + messageBytes + " B: must be " + min +
                " to 65000 for format " + format);
        }
        final boolean rfc5424 = format == SyslogFormat.RFC5424;
        final String head = rfc5424 ? HEAD_5424 : HEAD_3164;
        final String mid = rfc5424 ? MID_5424 : MID_3164;
        final StringBuilder sb = new StringBuilder(messageBytes)
            .append(head).append("0".repeat(SEQ_DIGITS)).append(mid).append("0".repeat(TIME_DIGITS))
            .append(rfc5424 ? TAIL_5424 : TAIL_3164);
        for (int i = 0; sb.length() < messageBytes; i++)
        {
            sb.append(PADDING.charAt(i % PADDING.length()));
        }
        // servers may trim trailing blanks: end on a visible character so the stored line keeps its length
        if (sb.charAt(messageBytes - 1) == ' ')
        {
            sb.setCharAt(messageBytes - 1, '.');
        }
        final byte[] message = sb.toString().getBytes(StandardCharsets.US_ASCII);
        final byte[] prefix = transport == Transport.TCP_OCTET ?
            (messageBytes + " ").getBytes(StandardCharsets.US_ASCII) : new byte[0];
        final int suffix = transport == Transport.TCP_LF ? 1 : 0;
        final byte[] frame = new byte[prefix.length + messageBytes + suffix];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(message, 0, frame, prefix.length, messageBytes);
        if (suffix == 1)
        {
            frame[frame.length - 1] = '\n';
        }
        final int seqOffset = head.length();
        return new MessageLayout(frame, prefix.length, messageBytes, seqOffset,
            seqOffset + SEQ_DIGITS + mid.length());
    }

    /** Bytes on the wire per message, framing included. */
    public int frameBytes()
    {
        return frame.length;
    }

    /** Bytes of the message itself, as a server stores it. */
    public int messageBytes()
    {
        return messageBytes;
    }

    /** Copies the unstamped frame into {@code dst} at {@code at} (absolute; position untouched). */
    public void template(final ByteBuffer dst, final int at)
    {
        dst.put(at, frame, 0, frame.length);
    }

    /** Writes the two stamps into a frame that {@link #template} put at {@code frameAt}. */
    public void stamp(final ByteBuffer dst, final int frameAt, final long seq, final long scheduledNanos)
    {
        digits(dst, frameAt + messageOffset + seqOffset, SEQ_DIGITS, seq);
        digits(dst, frameAt + messageOffset + timeOffset, TIME_DIGITS, scheduledNanos);
    }

    /** The sequence number of the message at {@code at}, or -1 when those bytes are not digits. */
    public long sequence(final byte[] src, final int messageAt)
    {
        return read(src, messageAt + seqOffset, SEQ_DIGITS);
    }

    /** The scheduled send time of the message at {@code at}, or -1 when those bytes are not digits. */
    public long scheduled(final byte[] src, final int messageAt)
    {
        return read(src, messageAt + timeOffset, TIME_DIGITS);
    }

    public long sequence(final DirectBuffer src, final int messageAt)
    {
        return read(src, messageAt + seqOffset, SEQ_DIGITS);
    }

    public long scheduled(final DirectBuffer src, final int messageAt)
    {
        return read(src, messageAt + timeOffset, TIME_DIGITS);
    }

    /** The whole frame as a new array (tests and one-off sends, not the hot path). */
    public byte[] frame(final long seq, final long scheduledNanos)
    {
        final ByteBuffer b = ByteBuffer.allocate(frame.length);
        template(b, 0);
        stamp(b, 0, seq, scheduledNanos);
        return b.array();
    }

    private static void digits(final ByteBuffer dst, final int at, final int count, final long value)
    {
        long v = value;
        for (int i = count - 1; i >= 0; i--)
        {
            dst.put(at + i, (byte)('0' + v % 10));
            v /= 10;
        }
    }

    private static long read(final byte[] src, final int at, final int count)
    {
        long v = 0;
        for (int i = 0; i < count; i++)
        {
            final int d = src[at + i] - '0';
            if (d < 0 || d > 9)
            {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static long read(final DirectBuffer src, final int at, final int count)
    {
        long v = 0;
        for (int i = 0; i < count; i++)
        {
            final int d = src.getByte(at + i) - '0';
            if (d < 0 || d > 9)
            {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
