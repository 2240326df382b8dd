package io.ringlog.tools;

/**
 * Walks an RFC 5424 STRUCTURED-DATA part (the whole {@code [id name="value" ...][id2 ...]} run, brackets
 * included, as the parser located it) and hands each element and parameter to a {@link Visitor}, with values
 * unescaped ({@code \"} to {@code "}, {@code \\} to {@code \}, {@code \]} to {@code ]}; any other backslash is
 * kept, as RFC 5424 §6.3.3 says).
 *
 * <p>Cold path, used by tools only: the engine stores the part's offsets and never splits it. Reuses one scratch
 * array for unescaped values. Single-threaded.
 */
public final class StructuredDataDecoder
{
    /** Receives the decoded elements in input order. Arrays passed in are valid only during the call. */
    public interface Visitor
    {
        void startElement(byte[] bytes, int idOffset, int idLength);

        void param(byte[] nameBytes, int nameOffset, int nameLength, byte[] valueBytes, int valueOffset, int valueLength);

        void endElement();
    }

    private byte[] value = new byte[256];
    private int valueLength;

    /**
     * Decodes {@code bytes[offset, offset + length)}.
     *
     * @return true when the whole part was well formed; false when decoding stopped at a malformed element, in
     *         which case the visitor has seen the complete elements before it and a {@code startElement} (and
     *         maybe params) of the bad one without its {@code endElement}.
     */
    public boolean decode(final byte[] bytes, final int offset, final int length, final Visitor visitor)
    {
        final int end = offset + length;
        if (length <= 0)
        {
            return false;
        }
        int p = offset;
        while (p < end)
        {
            if (bytes[p] != '[')
            {
                return false;
            }
            p++;
            final int idStart = p;
            p = skipName(bytes, p, end);
            if (p == idStart || p >= end)
            {
                return false;
            }
            visitor.startElement(bytes, idStart, p - idStart);
            while (p < end && bytes[p] == ' ')
            {
                p++;
                final int nameStart = p;
                p = skipName(bytes, p, end);
                if (p == nameStart || p + 1 >= end || bytes[p] != '=' || bytes[p + 1] != '"')
                {
                    return false;
                }
                final int nameEnd = p;
                p += 2;
                p = readValue(bytes, p, end);
                if (p < 0)
                {
                    return false;
                }
                visitor.param(bytes, nameStart, nameEnd - nameStart, value, 0, valueLength);
            }
            if (p >= end || bytes[p] != ']')
            {
                return false;
            }
            p++;
            visitor.endElement();
        }
        return true;
    }

    /** Reads a PARAM-VALUE up to its closing quote into {@link #value}; returns the index after it, or -1. */
    private int readValue(final byte[] bytes, final int from, final int end)
    {
        if (value.length < end - from)
        {
            value = new byte[Math.max(end - from, value.length * 2)];
        }
        int n = 0;
        int p = from;
        while (p < end)
        {
            final byte b = bytes[p];
            if (b == '"')
            {
                valueLength = n;
                return p + 1;
            }
            if (b == '\\' && p + 1 < end && (bytes[p + 1] == '"' || bytes[p + 1] == '\\' || bytes[p + 1] == ']'))
            {
                value[n++] = bytes[p + 1];
                p += 2;
            }
            else
            {
                value[n++] = b;
                p++;
            }
        }
        return -1;
    }

    /** SD-NAME: printable US-ASCII except {@code = SP ] "}; stops at the first byte that is not. */
    private static int skipName(final byte[] bytes, final int from, final int end)
    {
        int p = from;
        while (p < end)
        {
            final byte b = bytes[p];
            if (b <= ' ' || b == '=' || b == ']' || b == '"' || b == 0x7F)
            {
                break;
            }
            p++;
        }
        return p;
    }
}
