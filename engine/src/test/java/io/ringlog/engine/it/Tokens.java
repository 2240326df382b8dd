package io.ringlog.engine.it;

import java.nio.ByteBuffer;

/**
 * The numbered words the load tests put at the end of their messages ({@code c3 s1234}: a tag letter after a
 * space, then decimal digits), written into and read from bytes directly, without making Strings of millions of
 * messages.
 */
final class Tokens
{
    private Tokens()
    {
    }

    /** The number of the last word of {@code raw[0, length)} that starts with {@code tag}; -1 if none. */
    static long last(final byte[] raw, final int length, final char tag)
    {
        for (int i = length - 1; i > 0; i--)
        {
            if (raw[i] == tag && raw[i - 1] == ' ')
            {
                return decimal(raw, i + 1, length);
            }
        }
        return -1;
    }

    /** The decimal number starting at {@code from} and ending at the next space or {@code end}; -1 if none. */
    private static long decimal(final byte[] raw, final int from, final int end)
    {
        long v = 0;
        int i = from;
        for (; i < end && raw[i] != ' '; i++)
        {
            final int d = raw[i] - '0';
            if (d < 0 || d > 9)
            {
                return -1;
            }
            v = v * 10 + d;
        }
        return i == from ? -1 : v;
    }

    /** Writes {@code value} (not negative) as decimal digits. */
    static void putDecimal(final ByteBuffer buffer, final long value)
    {
        if (value >= 10)
        {
            putDecimal(buffer, value / 10);
        }
        buffer.put((byte)('0' + value % 10));
    }
}
