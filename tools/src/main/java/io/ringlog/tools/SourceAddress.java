package io.ringlog.tools;

import io.ringlog.engine.event.Transport;
import io.ringlog.engine.journal.JournalRecord;

import java.nio.charset.StandardCharsets;

/**
 * Renders a record's source as a URI, {@code tcp://127.0.0.1:51234} or {@code udp://[2001:db8::1]:514}, straight
 * from the header bytes. IPv6 is written in the RFC 5952 canonical form (lower case, leading zeros dropped, the
 * longest run of two or more zero groups, the first on a tie, as {@code ::}; IPv4-mapped as
 * {@code ::ffff:192.0.2.1}), the form users and other tools expect to grep for.
 */
public final class SourceAddress
{
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    private static final byte[][] SCHEMES = new byte[256][];

    private SourceAddress()
    {
    }

    /** True when the record carries an address (4 or 16 bytes). */
    public static boolean isPresent(final JournalRecord record)
    {
        final int n = record.sourceAddressLength();
        return n == 4 || n == 16;
    }

    /** Appends {@code scheme://address:port}; the caller checks {@link #isPresent(JournalRecord)} first. */
    public static void appendUri(final JournalRecord record, final ByteBuilder out)
    {
        out.append(scheme(record.transport())).append(':').append('/').append('/');
        final int n = record.sourceAddressLength();
        if (n == 4)
        {
            appendIpv4(record, 0, out);
        }
        else
        {
            out.append('[');
            appendIpv6(record, out);
            out.append(']');
        }
        out.append(':').append(record.sourcePort());
    }

    private static byte[] scheme(final int transport)
    {
        final int key = transport & 0xFF;
        byte[] scheme = SCHEMES[key];
        if (scheme == null)
        {
            scheme = Transport.scheme(transport).getBytes(StandardCharsets.US_ASCII);
            SCHEMES[key] = scheme;
        }
        return scheme;
    }

    private static void appendIpv4(final JournalRecord record, final int from, final ByteBuilder out)
    {
        for (int i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                out.append('.');
            }
            out.append(record.sourceAddressByte(from + i));
        }
    }

    private static void appendIpv6(final JournalRecord record, final ByteBuilder out)
    {
        int bestStart = -1;
        int bestLength = 1;
        int runStart = -1;
        for (int g = 0; g <= 8; g++)
        {
            if (g < 8 && group(record, g) == 0)
            {
                if (runStart < 0)
                {
                    runStart = g;
                }
            }
            else if (runStart >= 0)
            {
                if (g - runStart > bestLength)
                {
                    bestStart = runStart;
                    bestLength = g - runStart;
                }
                runStart = -1;
            }
        }

        if (bestStart == 0 && bestLength == 5 && group(record, 5) == 0xFFFF)
        {
            out.append(':').append(':').append('f').append('f').append('f').append('f').append(':');
            appendIpv4(record, 12, out);
            return;
        }

        for (int g = 0; g < 8; g++)
        {
            if (g == bestStart)
            {
                out.append(':').append(':');
                g += bestLength - 1;
                continue;
            }
            if (g > 0 && g != bestStart + bestLength)
            {
                out.append(':');
            }
            appendHexGroup(group(record, g), out);
        }
    }

    private static int group(final JournalRecord record, final int g)
    {
        return record.sourceAddressByte(g * 2) << 8 | record.sourceAddressByte(g * 2 + 1);
    }

    private static void appendHexGroup(final int value, final ByteBuilder out)
    {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4)
        {
            final int digit = value >> shift & 0xF;
            if (digit != 0 || started || shift == 0)
            {
                out.append(HEX[digit]);
                started = true;
            }
        }
    }
}
