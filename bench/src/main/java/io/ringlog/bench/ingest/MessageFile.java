package io.ringlog.bench.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pre-generated file of octet-counted RFC 5424 messages (RFC 6587 §3.4.1: {@code LEN SP MSG}), sent as it is by
 * {@link TcpFileSender} so the sender costs no CPU per message.
 *
 * <p>Every message is exactly {@link #MESSAGE_BYTES} long and carries its own sequence number in structured data
 * ({@code [meta seq="0000000042"]}, zero-padded so the length never varies): a receiver that writes one line per
 * message therefore writes exactly {@code count * (MESSAGE_BYTES + 1)} bytes, which is how the rig detects that
 * a file-writing peer is done without reading what it wrote.
 */
public final class MessageFile
{
    /** Length of each message, without its octet-count prefix. */
    public static final int MESSAGE_BYTES = 200;

    private static final String PREFIX = "<165>1 2026-11-25T04:36:48.";
    private static final String HEADER = "Z bench-host ringlog-bench 1234 ID47 [meta seq=\"";
    private static final String TEXT = "\"] ingest benchmark message, a typical application log line of about two " +
        "hundred bytes with some words in it ";

    private final Path path;
    private final long count;
    private final long firstSeq;

    private MessageFile(final Path path, final long count, final long firstSeq)
    {
        this.path = path;
        this.count = count;
        this.firstSeq = firstSeq;
    }

    /** Writes {@code count} framed messages numbered from {@code firstSeq} to {@code path}. */
    public static MessageFile generate(final Path path, final long count, final long firstSeq) throws IOException
    {
        if (count < 0 || firstSeq < 0 || firstSeq + count > 9_999_999_999L)
        {
            throw new IllegalArgumentException("sequence numbers must fit 10 digits: first " + firstSeq + ", count " +
                count);
        }
        final byte[] frame = new byte[4 + MESSAGE_BYTES];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20))
        {
            for (long i = 0; i < count; i++)
            {
                final int length = message(firstSeq + i, frame, 4);
                if (length != MESSAGE_BYTES)
                {
                    throw new IllegalStateException("message length " + length);
                }
                frame[0] = '2';
                frame[1] = '0';
                frame[2] = '0';
                frame[3] = ' ';
                out.write(frame, 0, frame.length);
            }
        }
        return new MessageFile(path, count, firstSeq);
    }

    /**
     * Writes message {@code seq} into {@code dst} at {@code offset}; the fractional second is {@code seq mod 10^6}
     * so timestamps vary as real ones do. Also used by the JMH benchmarks for a realistic input.
     *
     * @return the message length, always {@link #MESSAGE_BYTES}.
     */
    public static int message(final long seq, final byte[] dst, final int offset)
    {
        int i = offset;
        i = ascii(PREFIX, dst, i);
        i = digits(seq % 1_000_000L, 6, dst, i);
        i = ascii(HEADER, dst, i);
        i = digits(seq, 10, dst, i);
        final int end = offset + MESSAGE_BYTES;
        int t = 0;
        while (i < end)
        {
            dst[i++] = (byte)TEXT.charAt(t);
            t = t + 1 == TEXT.length() ? 0 : t + 1;
        }
        return i - offset;
    }

    private static int ascii(final String s, final byte[] dst, final int offset)
    {
        final byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, dst, offset, b.length);
        return offset + b.length;
    }

    private static int digits(final long value, final int width, final byte[] dst, final int offset)
    {
        long v = value;
        for (int i = width - 1; i >= 0; i--)
        {
            dst[offset + i] = (byte)('0' + (v % 10));
            v /= 10;
        }
        return offset + width;
    }

    public Path path()
    {
        return path;
    }

    public long count()
    {
        return count;
    }

    public long firstSeq()
    {
        return firstSeq;
    }

    /** Bytes a receiver writes for these messages as one line each ({@code %rawmsg%\n}). */
    public long lineBytes()
    {
        return count * (MESSAGE_BYTES + 1L);
    }
}
