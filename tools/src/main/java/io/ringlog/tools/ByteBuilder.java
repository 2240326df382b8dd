package io.ringlog.tools;

import java.nio.charset.StandardCharsets;

/**
 * A growable byte array that output formatters append UTF-8 text to: the byte counterpart of a reused
 * {@link StringBuilder}. Records are read as bytes and written as bytes, so text never goes through a
 * {@code String} and a charset encoder on its way from the journal to stdout.
 *
 * <p>Escapers that write many bytes call {@link #reserve(int)} once for their worst case, then write into
 * {@link #array()} directly and set {@link #length(int)}. Single-threaded.
 */
public final class ByteBuilder
{
    private static final byte[] DIGIT_PAIRS = new byte[200];
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    static
    {
        for (int i = 0; i < 100; i++)
        {
            DIGIT_PAIRS[i * 2] = (byte)('0' + i / 10);
            DIGIT_PAIRS[i * 2 + 1] = (byte)('0' + i % 10);
        }
    }

    private byte[] array;
    private int length;

    public ByteBuilder(final int initialCapacity)
    {
        array = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; valid until the next append or {@link #reserve(int)}. */
    public byte[] array()
    {
        return array;
    }

    public int length()
    {
        return length;
    }

    /** Sets the length: truncates (to drop a half-written record), or commits bytes written into the array. */
    public void length(final int length)
    {
        this.length = length;
    }

    /** Makes room for {@code n} more bytes after {@link #length()}; returns the (possibly new) backing array. */
    public byte[] reserve(final int n)
    {
        final long needed = (long)length + n;
        if (needed > array.length)
        {
            if (needed > Integer.MAX_VALUE - 16)
            {
                throw new IllegalStateException("output record larger than 2 GB");
            }
            final byte[] bigger = new byte[(int)Math.min(Integer.MAX_VALUE - 16, Math.max(needed, array.length * 2L))];
            System.arraycopy(array, 0, bigger, 0, length);
            array = bigger;
        }
        return array;
    }

    public ByteBuilder append(final byte b)
    {
        reserve(1)[length++] = b;
        return this;
    }

    public ByteBuilder append(final char asciiChar)
    {
        reserve(1)[length++] = (byte)asciiChar;
        return this;
    }

    public ByteBuilder append(final byte[] src)
    {
        return append(src, 0, src.length);
    }

    public ByteBuilder append(final byte[] src, final int offset, final int count)
    {
        System.arraycopy(src, offset, reserve(count), length, count);
        length += count;
        return this;
    }

    /** Appends text that the caller knows is ASCII (labels, numbers rendered elsewhere): one byte per char. */
    public ByteBuilder appendAscii(final CharSequence text)
    {
        final int n = text.length();
        final byte[] a = reserve(n);
        for (int i = 0; i < n; i++)
        {
            a[length++] = (byte)text.charAt(i);
        }
        return this;
    }

    /** Appends a decimal number without allocating. */
    public ByteBuilder append(final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            return append(MIN_LONG);
        }
        long v = value;
        if (v < 0)
        {
            append('-');
            v = -v;
        }
        final int digits = digitCount(v);
        final byte[] a = reserve(digits);
        int end = length + digits;
        length = end;
        while (v >= 100)
        {
            final int pair = (int)(v % 100) * 2;
            v /= 100;
            a[--end] = DIGIT_PAIRS[pair + 1];
            a[--end] = DIGIT_PAIRS[pair];
        }
        if (v >= 10)
        {
            final int pair = (int)v * 2;
            a[--end] = DIGIT_PAIRS[pair + 1];
            a[--end] = DIGIT_PAIRS[pair];
        }
        else
        {
            a[--end] = (byte)('0' + v);
        }
        return this;
    }

    /** Appends {@code value} (0..99) as exactly two digits. */
    public ByteBuilder append2Digits(final int value)
    {
        final byte[] a = reserve(2);
        a[length++] = DIGIT_PAIRS[value * 2];
        a[length++] = DIGIT_PAIRS[value * 2 + 1];
        return this;
    }

    /** Appends {@code value} (non-negative) zero-padded to {@code width} digits. */
    public ByteBuilder appendPadded(final long value, final int width)
    {
        for (int d = digitCount(value); d < width; d++)
        {
            append('0');
        }
        return append(value);
    }

    /** The content decoded as UTF-8, for tests and cold paths. */
    @Override
    public String toString()
    {
        return new String(array, 0, length, StandardCharsets.UTF_8);
    }

    static int digitCount(final long nonNegative)
    {
        long limit = 10;
        for (int d = 1; d < 19; d++)
        {
            if (nonNegative < limit)
            {
                return d;
            }
            limit *= 10;
        }
        return 19;
    }
}
