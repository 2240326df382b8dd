package io.ringlog.tools;

/**
 * Writes untrusted message text for a terminal or a line-oriented file so that a sender cannot inject lines or
 * terminal control sequences (log injection): {@code short} and {@code cat} output go through here.
 *
 * <p>Printable ASCII and valid UTF-8 are copied. Escaped: LF, CR and TAB as {@code \n \r \t}; every other C0
 * control and DEL as {@code \xNN} (so ESC shows as {@code \x1b}); C1 controls (U+0080..U+009F, which some
 * terminals obey as CSI and friends), the line and paragraph separators and the bidirectional-text controls
 * (U+200E/F, U+202A..U+202E, U+2066..U+2069, which can make a line read differently from its bytes) as
 * {@code \}{@code uXXXX}; each byte of invalid UTF-8 as {@code \xNN}. A backslash is not escaped: like syslog
 * files, the output is for reading, not for unambiguous parsing (use {@code -o json} or {@code -o raw} for that).
 */
public final class TerminalText
{
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private TerminalText()
    {
    }

    /** Appends {@code bytes[offset, offset + length)} escaped. */
    public static void append(final byte[] bytes, final int offset, final int length, final ByteBuilder out)
    {
        // Worst case: 4 output bytes per input byte (\xNN); a backslash-u escape is 6 for a 2- or 3-byte sequence.
        final byte[] dst = out.reserve(length * 4);
        int p = out.length();
        final int end = offset + length;
        int i = offset;
        while (i < end)
        {
            final byte b = bytes[i];
            if (b >= 0x20 && b < 0x7F)
            {
                dst[p++] = b;
                i++;
                continue;
            }
            if (b >= 0)
            {
                p = escapeControl(dst, p, b);
                i++;
                continue;
            }
            final int n = Utf8.sequenceLength(bytes, i, end);
            if (n < 0)
            {
                for (int k = 0; k < -n; k++)
                {
                    p = hexByte(dst, p, bytes[i + k]);
                }
                i -= n;
                continue;
            }
            if (n <= 3)
            {
                final int cp = Utf8.codePoint(bytes, i, n);
                if (isHostile(cp))
                {
                    p = unicodeEscape(dst, p, cp);
                    i += n;
                    continue;
                }
            }
            for (int k = 0; k < n; k++)
            {
                dst[p++] = bytes[i + k];
            }
            i += n;
        }
        out.length(p);
    }

    static boolean isHostile(final int cp)
    {
        return (cp >= 0x80 && cp <= 0x9F) ||
            cp == 0x200E || cp == 0x200F ||
            (cp >= 0x2028 && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069);
    }

    private static int escapeControl(final byte[] dst, final int position, final byte b)
    {
        int p = position;
        switch (b)
        {
            case '\n':
                dst[p++] = '\\';
                dst[p++] = 'n';
                return p;
            case '\r':
                dst[p++] = '\\';
                dst[p++] = 'r';
                return p;
            case '\t':
                dst[p++] = '\\';
                dst[p++] = 't';
                return p;
            default:
                return hexByte(dst, p, b);
        }
    }

    private static int hexByte(final byte[] dst, final int position, final byte b)
    {
        int p = position;
        dst[p++] = '\\';
        dst[p++] = 'x';
        dst[p++] = HEX[(b >> 4) & 0xF];
        dst[p++] = HEX[b & 0xF];
        return p;
    }

    private static int unicodeEscape(final byte[] dst, final int position, final int cp)
    {
        int p = position;
        dst[p++] = '\\';
        dst[p++] = 'u';
        dst[p++] = HEX[cp >> 12 & 0xF];
        dst[p++] = HEX[cp >> 8 & 0xF];
        dst[p++] = HEX[cp >> 4 & 0xF];
        dst[p++] = HEX[cp & 0xF];
        return p;
    }
}
