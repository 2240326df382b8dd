package io.ringlog.tools;

/**
 * JSON string writing straight from message bytes, without a JSON library: the journal's text is UTF-8 already,
 * so valid sequences are copied as they are and only what JSON (or a JavaScript reader) cannot carry is escaped.
 *
 * <p>Escaped: {@code "} and {@code \}, every control character below 0x20 ({@code \n \r \t \b \f}, the rest as
 * {@code \}{@code u00XX}), DEL as {@code \}{@code u007f}, and U+2028 / U+2029, which end a line in JavaScript.
 * Invalid UTF-8 becomes U+FFFD per maximal subpart ({@link Utf8}).
 */
public final class Json
{
    public static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    private static final byte[] BASE64 =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For each ASCII byte: 0 copy as is, 'u' escape as backslash-u-00XX, else the letter after the backslash. */
    private static final byte[] ESCAPE = new byte[128];

    static
    {
        for (int c = 0; c < 0x20; c++)
        {
            ESCAPE[c] = 'u';
        }
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
        ESCAPE['\t'] = 't';
        ESCAPE['\b'] = 'b';
        ESCAPE['\f'] = 'f';
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE[0x7F] = 'u';
    }

    private Json()
    {
    }

    /**
     * Appends {@code bytes[offset, offset + length)} as a quoted JSON string.
     *
     * @return true when the bytes were valid UTF-8 (nothing was replaced).
     */
    public static boolean appendString(final byte[] bytes, final int offset, final int length, final ByteBuilder out)
    {
        // Worst case: 6 output bytes per input byte (backslash u 0 0 X X), plus the quotes.
        final byte[] dst = out.reserve(length * 6 + 2);
        int p = out.length();
        dst[p++] = '"';
        boolean valid = true;
        final int end = offset + length;
        int i = offset;
        while (i < end)
        {
            final byte b = bytes[i];
            if (b >= 0)
            {
                final byte e = ESCAPE[b];
                if (e == 0)
                {
                    dst[p++] = b;
                }
                else
                {
                    p = escapeAscii(dst, p, b, e);
                }
                i++;
                continue;
            }
            final int n = Utf8.sequenceLength(bytes, i, end);
            if (n < 0)
            {
                valid = false;
                dst[p++] = Utf8.REPLACEMENT_0;
                dst[p++] = Utf8.REPLACEMENT_1;
                dst[p++] = Utf8.REPLACEMENT_2;
                i -= n;
            }
            else if (n == 3 && b == (byte)0xE2 && bytes[i + 1] == (byte)0x80 &&
                (bytes[i + 2] == (byte)0xA8 || bytes[i + 2] == (byte)0xA9))
            {
                dst[p++] = '\\';
                dst[p++] = 'u';
                dst[p++] = '2';
                dst[p++] = '0';
                dst[p++] = '2';
                dst[p++] = bytes[i + 2] == (byte)0xA8 ? (byte)'8' : (byte)'9';
                i += 3;
            }
            else
            {
                for (int k = 0; k < n; k++)
                {
                    dst[p++] = bytes[i + k];
                }
                i += n;
            }
        }
        dst[p++] = '"';
        out.length(p);
        return valid;
    }

    /** Appends {@code text} as a quoted JSON string. Cold path (labels, error descriptions). */
    public static void appendString(final CharSequence text, final ByteBuilder out)
    {
        out.append('"');
        appendStringContent(text, out);
        out.append('"');
    }

    /** Appends the escaped content of {@code text} without quotes, encoding non-ASCII as UTF-8. */
    public static void appendStringContent(final CharSequence text, final ByteBuilder out)
    {
        final int n = text.length();
        for (int i = 0; i < n; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                final byte e = ESCAPE[c];
                if (e == 0)
                {
                    out.append((byte)c);
                }
                else
                {
                    out.length(escapeAscii(out.reserve(6), out.length(), (byte)c, e));
                }
            }
            else if (c == '\u2028' || c == '\u2029' || Character.isSurrogate(c))
            {
                final int cp = Character.codePointAt(text, i);
                if (Character.isSupplementaryCodePoint(cp))
                {
                    appendUtf8(cp, out);
                    i++;
                }
                else if (Character.isSurrogate(c))
                {
                    appendUtf8(0xFFFD, out);
                }
                else
                {
                    out.append('\\').append('u').append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                }
            }
            else
            {
                appendUtf8(c, out);
            }
        }
    }

    /** Appends the bytes as a quoted standard Base64 string (RFC 4648 §4, padded). */
    public static void appendBase64(final byte[] bytes, final int offset, final int length, final ByteBuilder out)
    {
        final byte[] dst = out.reserve((length + 2) / 3 * 4 + 2);
        int p = out.length();
        dst[p++] = '"';
        final int end = offset + length;
        int i = offset;
        while (end - i >= 3)
        {
            final int v = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | bytes[i + 2] & 0xFF;
            dst[p++] = BASE64[v >>> 18];
            dst[p++] = BASE64[v >>> 12 & 0x3F];
            dst[p++] = BASE64[v >>> 6 & 0x3F];
            dst[p++] = BASE64[v & 0x3F];
            i += 3;
        }
        final int rest = end - i;
        if (rest > 0)
        {
            final int v = (bytes[i] & 0xFF) << 16 | (rest == 2 ? (bytes[i + 1] & 0xFF) << 8 : 0);
            dst[p++] = BASE64[v >>> 18];
            dst[p++] = BASE64[v >>> 12 & 0x3F];
            dst[p++] = rest == 2 ? BASE64[v >>> 6 & 0x3F] : (byte)'=';
            dst[p++] = '=';
        }
        dst[p++] = '"';
        out.length(p);
    }

    private static int escapeAscii(final byte[] dst, final int position, final byte b, final byte escape)
    {
        int p = position;
        dst[p++] = '\\';
        dst[p++] = escape;
        if (escape == 'u')
        {
            dst[p++] = '0';
            dst[p++] = '0';
            dst[p++] = HEX[b >> 4];
            dst[p++] = HEX[b & 0xF];
        }
        return p;
    }

    private static void appendUtf8(final int cp, final ByteBuilder out)
    {
        if (cp < 0x800)
        {
            out.append((byte)(0xC0 | cp >> 6)).append((byte)(0x80 | cp & 0x3F));
        }
        else if (cp < 0x10000)
        {
            out.append((byte)(0xE0 | cp >> 12)).append((byte)(0x80 | cp >> 6 & 0x3F)).append((byte)(0x80 | cp & 0x3F));
        }
        else
        {
            out.append((byte)(0xF0 | cp >> 18)).append((byte)(0x80 | cp >> 12 & 0x3F))
                .append((byte)(0x80 | cp >> 6 & 0x3F)).append((byte)(0x80 | cp & 0x3F));
        }
    }
}
