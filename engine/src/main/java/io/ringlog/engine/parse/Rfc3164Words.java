package io.ringlog.engine.parse;

import java.nio.charset.StandardCharsets;

import static io.ringlog.engine.parse.SyslogSyntax.isDigit;

/**
 * The word-shape tests behind {@link Rfc3164Parser}'s heuristics (is this word a host, a key, a zone, syslogd's own
 * text), kept apart so the parser reads as the order of decisions and each test can be read on its own. Static and
 * allocation-free: they look at {@code b[start .. end)} only.
 */
final class Rfc3164Words
{
    static final int MAX_HOSTNAME = 255;
    private static final byte[] LAST_MESSAGE_REPEATED = "last message repeated ".getBytes(StandardCharsets.US_ASCII);

    private Rfc3164Words()
    {
    }

    /**
     * A host name, IPv4 or IPv6 address: letters, digits, {@code - . _}, non-ASCII bytes; colons only as an IPv6
     * address (hex digits, dots and at least two colons).
     */
    static boolean isHostname(final byte[] b, final int start, final int tokenEnd)
    {
        final int length = tokenEnd - start;
        if (length == 0 || length > MAX_HOSTNAME)
        {
            return false;
        }
        int colons = 0;
        boolean allHex = true;
        for (int i = start; i < tokenEnd; i++)
        {
            final byte c = b[i];
            if (c == ':')
            {
                colons++;
            }
            else if (isHexDigit(c) || c == '.')
            {
                continue;
            }
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c < 0)
            {
                allHex = false;
            }
            else
            {
                return false;
            }
        }
        return colons == 0 || (colons >= 2 && allHex);
    }

    /** UTC, GMT or UT: the zone names whose offset is known without a zone database. */
    static boolean isUtcName(final byte[] b, final int start, final int nameEnd)
    {
        final int length = nameEnd - start;
        if (length == 2)
        {
            return b[start] == 'U' && b[start + 1] == 'T';
        }
        return length == 3 && ((b[start] == 'U' && b[start + 1] == 'T' && b[start + 2] == 'C') ||
            (b[start] == 'G' && b[start + 1] == 'M' && b[start + 2] == 'T'));
    }

    /** The word {@code last} at {@code start} begins syslogd's {@code last message repeated }. */
    static boolean isLastMessageRepeated(final byte[] b, final int start, final int wordEnd, final int end)
    {
        if (wordEnd - start != 4 || start + LAST_MESSAGE_REPEATED.length > end)
        {
            return false;
        }
        for (int i = 0; i < LAST_MESSAGE_REPEATED.length; i++)
        {
            if (b[start + i] != LAST_MESSAGE_REPEATED[i])
            {
                return false;
            }
        }
        return true;
    }

    /** A byte of a {@code key=value} key: letters, digits, {@code _ . -}. */
    static boolean isKeyChar(final byte c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '.' || c == '-';
    }

    private static boolean isHexDigit(final byte c)
    {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
