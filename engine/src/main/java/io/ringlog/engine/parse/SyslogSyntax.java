package io.ringlog.engine.parse;

/**
 * Byte-level pieces of syslog syntax that both grammars share: the PRI, digits, calendar checks and UTF-8
 * well-formedness. Static and stateless so a parser's hot loop calls them without a receiver or an allocation.
 *
 * <p>Results that need two numbers (a value and where it ended) are packed into one {@code int} rather than
 * returned in an object: {@link #PRI_FAILED} style negative values carry the failing offset.
 */
final class SyslogSyntax
{
    /** Largest PRI value: facility 23 (local7) * 8 + severity 7. */
    static final int MAX_PRI = 191;

    static final byte SP = ' ';

    private SyslogSyntax()
    {
    }

    /**
     * Reads {@code <PRIVAL>} at the start of the buffer: 1 to 3 digits, no leading zero except {@code <0>}, value
     * at most 191.
     *
     * @return {@code (end << 8) | value} where {@code end} is the index just past {@code '>'}, or
     * {@code -(offset + 1)} where {@code offset} is the first byte that does not fit the grammar.
     */
    static int pri(final byte[] b, final int length)
    {
        if (length < 1 || b[0] != '<')
        {
            return -1;
        }
        int i = 1;
        int value = 0;
        while (i <= 3 && i < length && isDigit(b[i]))
        {
            if (i == 2 && value == 0)
            {
                return -(i + 1);
            }
            value = value * 10 + (b[i] - '0');
            i++;
        }
        if (i == 1)
        {
            return -2;
        }
        if (i >= length || b[i] != '>')
        {
            return -(i + 1);
        }
        if (value > MAX_PRI)
        {
            return -2;
        }
        return ((i + 1) << 8) | value;
    }

    static boolean isDigit(final byte c)
    {
        return c >= '0' && c <= '9';
    }

    /** RFC 5424 PRINTUSASCII: %d33-126. */
    static boolean isPrintUsAscii(final byte c)
    {
        return c >= 33 && c <= 126;
    }

    /**
     * Reads exactly {@code count} ASCII digits at {@code offset}.
     *
     * @return the value, or -1 when a byte is missing or not a digit.
     */
    static int digits(final byte[] b, final int offset, final int count, final int end)
    {
        if (offset + count > end)
        {
            return -1;
        }
        int value = 0;
        for (int i = offset, limit = offset + count; i < limit; i++)
        {
            final byte c = b[i];
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Index of the first byte at or after {@code offset} that is not a digit (or {@code end}). */
    static int skipDigits(final byte[] b, final int offset, final int end)
    {
        int i = offset;
        while (i < end && isDigit(b[i]))
        {
            i++;
        }
        return i;
    }

    static boolean isLeapYear(final int year)
    {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days in a month 1..12; with {@code year} unknown (&lt; 0) February has 29 so a 3164 "Feb 29" passes. */
    static int daysInMonth(final int month, final int year)
    {
        switch (month)
        {
            case 2:
                return year < 0 || isLeapYear(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /**
     * Checks that {@code b[offset .. end)} is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
     * nothing above U+10FFFF).
     *
     * @return -1 when it is, else the offset of the first byte of the bad sequence.
     */
    static int invalidUtf8At(final byte[] b, final int offset, final int end)
    {
        int i = offset;
        while (i < end)
        {
            final int c = b[i] & 0xFF;
            if (c < 0x80)
            {
                i++;
                continue;
            }
            final int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF)
            {
                need = 1;
            }
            else if (c >= 0xE0 && c <= 0xEF)
            {
                need = 2;
                if (c == 0xE0)
                {
                    lo = 0xA0;
                }
                else if (c == 0xED)
                {
                    hi = 0x9F;
                }
            }
            else if (c >= 0xF0 && c <= 0xF4)
            {
                need = 3;
                if (c == 0xF0)
                {
                    lo = 0x90;
                }
                else if (c == 0xF4)
                {
                    hi = 0x8F;
                }
            }
            else
            {
                return i;
            }
            if (i + need >= end)
            {
                return i;
            }
            final int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi)
            {
                return i;
            }
            for (int k = 2; k <= need; k++)
            {
                final int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF)
                {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }
}
