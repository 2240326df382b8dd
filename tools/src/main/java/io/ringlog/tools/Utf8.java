package io.ringlog.tools;

/**
 * Strict UTF-8 validation of untrusted bytes, one sequence at a time, so escapers can copy valid text as bytes and
 * replace or show what is not valid.
 *
 * <p>Invalid input is split into "maximal subparts" as the Unicode Standard (§3.9, "U+FFFD Substitution of
 * Maximal Subparts") recommends and as browsers, Python and Go do: a lead byte followed by the longest prefix of
 * continuation bytes that could still have become valid is one invalid unit, replaced by one U+FFFD. Encoded
 * surrogates ({@code ED A0..BF}) and overlongs ({@code C0}, {@code C1}, {@code E0 80..9F}, {@code F0 80..8F}) are
 * invalid, as are code points above U+10FFFF. (java.lang.String differs only in replacing a whole encoded
 * surrogate by one U+FFFD rather than three.)
 */
public final class Utf8
{
    /** U+FFFD REPLACEMENT CHARACTER in UTF-8. */
    public static final byte REPLACEMENT_0 = (byte)0xEF;
    public static final byte REPLACEMENT_1 = (byte)0xBF;
    public static final byte REPLACEMENT_2 = (byte)0xBD;

    private Utf8()
    {
    }

    /**
     * Length of the sequence that starts at {@code index}.
     *
     * @return 1..4 for a valid sequence of that many bytes, or minus the length (1..3) of the invalid maximal
     *         subpart that starts there.
     */
    public static int sequenceLength(final byte[] bytes, final int index, final int end)
    {
        final int b0 = bytes[index] & 0xFF;
        if (b0 < 0x80)
        {
            return 1;
        }
        if (b0 < 0xC2)
        {
            return -1;
        }
        if (b0 < 0xE0)
        {
            return index + 1 < end && isContinuation(bytes[index + 1]) ? 2 : -1;
        }
        if (b0 > 0xF4)
        {
            return -1;
        }
        final int low;
        final int high;
        if (b0 == 0xE0)
        {
            low = 0xA0;
            high = 0xBF;
        }
        else if (b0 == 0xED)
        {
            low = 0x80;
            high = 0x9F;
        }
        else if (b0 == 0xF0)
        {
            low = 0x90;
            high = 0xBF;
        }
        else if (b0 == 0xF4)
        {
            low = 0x80;
            high = 0x8F;
        }
        else
        {
            low = 0x80;
            high = 0xBF;
        }
        if (index + 1 >= end)
        {
            return -1;
        }
        final int b1 = bytes[index + 1] & 0xFF;
        if (b1 < low || b1 > high)
        {
            return -1;
        }
        if (index + 2 >= end || !isContinuation(bytes[index + 2]))
        {
            return -2;
        }
        if (b0 < 0xF0)
        {
            return 3;
        }
        if (index + 3 >= end || !isContinuation(bytes[index + 3]))
        {
            return -3;
        }
        return 4;
    }

    /** True when {@code bytes[offset, offset + length)} is entirely valid UTF-8. */
    public static boolean isValid(final byte[] bytes, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        while (i < end)
        {
            if (bytes[i] >= 0)
            {
                i++;
                continue;
            }
            final int n = sequenceLength(bytes, i, end);
            if (n < 0)
            {
                return false;
            }
            i += n;
        }
        return true;
    }

    /** The code point of a valid 2- or 3-byte sequence at {@code index} (the caller has checked the length). */
    public static int codePoint(final byte[] bytes, final int index, final int sequenceLength)
    {
        if (sequenceLength == 2)
        {
            return (bytes[index] & 0x1F) << 6 | bytes[index + 1] & 0x3F;
        }
        if (sequenceLength == 3)
        {
            return (bytes[index] & 0x0F) << 12 | (bytes[index + 1] & 0x3F) << 6 | bytes[index + 2] & 0x3F;
        }
        return (bytes[index] & 0x07) << 18 | (bytes[index + 1] & 0x3F) << 12 | (bytes[index + 2] & 0x3F) << 6 |
            bytes[index + 3] & 0x3F;
    }

    private static boolean isContinuation(final byte b)
    {
        return (b & 0xC0) == 0x80;
    }
}
