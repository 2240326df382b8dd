package io.ringlog.engine.parse;

import io.ringlog.engine.event.LogEvent;

import static io.ringlog.engine.parse.SyslogSyntax.daysInMonth;
import static io.ringlog.engine.parse.SyslogSyntax.digits;
import static io.ringlog.engine.parse.SyslogSyntax.isDigit;

/**
 * Reads the two timestamp forms syslog uses straight off the raw bytes into a {@link LogEvent}'s {@code ts*}
 * components: RFC 3339 (RFC 5424 §6.2.3, strict or lenient) and the BSD {@code Mmm dd hh:mm:ss} of RFC 3164
 * with its common variants. Components are only written once the whole token has been accepted, so a failed
 * read leaves the event as it was.
 *
 * <p>Results pack a position into one {@code int}: the index just past the token, or {@code -(offset + 1)}
 * where {@code offset} is the first byte that does not fit.
 */
final class TimestampReader
{
    /** Digits of a fraction kept as nanoseconds; RFC 5424's TIME-SECFRAC allows at most 6. */
    private static final int NANOS_DIGITS = 9;
    private static final int MAX_5424_FRACTION_DIGITS = 6;

    /** Three-letter month names, lower case, packed big-endian into the low 24 bits; index = month - 1. */
    private static final int[] MONTHS = {
        pack('j', 'a', 'n'), pack('f', 'e', 'b'), pack('m', 'a', 'r'), pack('a', 'p', 'r'),
        pack('m', 'a', 'y'), pack('j', 'u', 'n'), pack('j', 'u', 'l'), pack('a', 'u', 'g'),
        pack('s', 'e', 'p'), pack('o', 'c', 't'), pack('n', 'o', 'v'), pack('d', 'e', 'c'),
    };

    private TimestampReader()
    {
    }

    /**
     * Reads {@code full-date "T" full-time} at {@code offset}.
     *
     * @param strict RFC 5424: upper-case {@code T}/{@code Z}, 1 to 6 fraction digits, zone required. Lenient (an
     *               RFC 3339 stamp inside an RFC 3164 header): lower case accepted, any number of fraction digits
     *               (the first 9 kept), zone optional ({@link LogEvent#tsOffsetMinutes} stays UNKNOWN).
     * @return the index just past the timestamp, or {@code -(offset + 1)} of the first byte at fault.
     */
    static int rfc3339(final byte[] b, final int offset, final int end, final LogEvent event, final boolean strict)
    {
        if (offset + 19 <= end)
        {
            final int fast = rfc3339Fast(b, offset, end, event, strict);
            if (fast >= 0)
            {
                return fast;
            }
        }
        return rfc3339General(b, offset, end, event, strict);
    }

    /** {@link #rfc3339} without the fast path; package-private so the fuzz test can check the two agree. */
    static int rfc3339General(
        final byte[] b, final int offset, final int end, final LogEvent event, final boolean strict)
    {
        int i = offset;
        final int year = digits(b, i, 4, end);
        if (year < 0)
        {
            return fail(b, i, 4, end);
        }
        i += 4;
        if (i >= end || b[i] != '-')
        {
            return -(i + 1);
        }
        i++;
        final int month = digits(b, i, 2, end);
        if (month < 1 || month > 12)
        {
            return fail(b, i, 2, end);
        }
        i += 2;
        if (i >= end || b[i] != '-')
        {
            return -(i + 1);
        }
        i++;
        final int day = digits(b, i, 2, end);
        if (day < 1 || day > daysInMonth(month, year))
        {
            return fail(b, i, 2, end);
        }
        i += 2;
        if (i >= end || !(b[i] == 'T' || (!strict && b[i] == 't')))
        {
            return -(i + 1);
        }
        i++;
        final int time = time(b, i, end);
        if (time < 0)
        {
            return time;
        }
        final int hour = digits(b, i, 2, end);
        final int minute = digits(b, i + 3, 2, end);
        final int second = digits(b, i + 6, 2, end);
        return rfc3339Rest(b, time, end, event, strict, year, month, day, hour, minute, second);
    }

    /**
     * The common case read at fixed positions, without the per-component bounds checks and re-reads of the
     * general path (which costs about half of an RFC 5424 parse): {@code yyyy-mm-ddThh:mm:ss} with 19 bytes known
     * to be there. Anything unusual, including every error, returns -1 so that the general path, and only it,
     * decides the error offset: both paths accept exactly the same tokens.
     */
    private static int rfc3339Fast(
        final byte[] b, final int offset, final int end, final LogEvent event, final boolean strict)
    {
        final int year = twoDigits(b, offset) * 100 + twoDigits(b, offset + 2);
        final int month = twoDigits(b, offset + 5);
        final int day = twoDigits(b, offset + 8);
        final int hour = twoDigits(b, offset + 11);
        final int minute = twoDigits(b, offset + 14);
        final int second = twoDigits(b, offset + 17);
        final byte t = b[offset + 10];
        if (year < 0 || twoDigits(b, offset) < 0 || twoDigits(b, offset + 2) < 0 ||
            b[offset + 4] != '-' || b[offset + 7] != '-' || !(t == 'T' || (!strict && t == 't')) ||
            b[offset + 13] != ':' || b[offset + 16] != ':' ||
            month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year) ||
            hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        {
            return -1;
        }
        return rfc3339Rest(b, offset + 19, end, event, strict, year, month, day, hour, minute, second);
    }

    /** Two ASCII digits at {@code i} (the caller checked the bounds), or -1. */
    private static int twoDigits(final byte[] b, final int i)
    {
        final int d0 = b[i] - '0';
        final int d1 = b[i + 1] - '0';
        return d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9 ? -1 : d0 * 10 + d1;
    }

    /** TIME-SECFRAC and TIME-OFFSET after the seconds at {@code from}; writes the components on success. */
    private static int rfc3339Rest(
        final byte[] b,
        final int from,
        final int end,
        final LogEvent event,
        final boolean strict,
        final int year,
        final int month,
        final int day,
        final int hour,
        final int minute,
        final int second)
    {
        int i = from;
        int nanos = 0;
        if (i < end && b[i] == '.')
        {
            i++;
            final int start = i;
            final int digitsEnd = SyslogSyntax.skipDigits(b, i, end);
            final int count = digitsEnd - start;
            if (count == 0 || (strict && count > MAX_5424_FRACTION_DIGITS))
            {
                return -((count == 0 ? start : start + MAX_5424_FRACTION_DIGITS) + 1);
            }
            nanos = fraction(b, start, digitsEnd);
            i = digitsEnd;
        }

        int offsetMinutes = LogEvent.UNKNOWN;
        if (i < end && (b[i] == 'Z' || (!strict && b[i] == 'z')))
        {
            offsetMinutes = 0;
            i++;
        }
        else if (i < end && (b[i] == '+' || b[i] == '-'))
        {
            final int zoneHour = digits(b, i + 1, 2, end);
            if (zoneHour < 0 || zoneHour > 23)
            {
                return fail(b, i + 1, 2, end);
            }
            if (i + 3 >= end || b[i + 3] != ':')
            {
                return -(Math.min(i + 3, end) + 1);
            }
            final int zoneMinute = digits(b, i + 4, 2, end);
            if (zoneMinute < 0 || zoneMinute > 59)
            {
                return fail(b, i + 4, 2, end);
            }
            offsetMinutes = (zoneHour * 60 + zoneMinute) * (b[i] == '-' ? -1 : 1);
            i += 6;
        }
        else if (strict)
        {
            return -(i + 1);
        }

        event.tsYear = year;
        event.tsMonth = month;
        event.tsDay = day;
        event.tsHour = hour;
        event.tsMinute = minute;
        event.tsSecond = second;
        event.tsNanos = nanos;
        event.tsOffsetMinutes = offsetMinutes;
        return i;
    }

    /**
     * Reads a BSD timestamp at {@code offset}: {@code Mmm dd hh:mm:ss} (month name in any case, day space-padded
     * or not, with or without a leading zero), optionally {@code Mmm dd yyyy hh:mm:ss} (Cisco, some appliances),
     * an optional fraction {@code .S+} (the first 9 digits kept) and optionally a year after the time
     * ({@code Mmm dd hh:mm:ss yyyy}, as {@code date} and some appliances print it) when four digits starting
     * with 1 or 2 follow and end at SP, {@code : } or the end (not at an IPv6 host's {@code 2001:db8::1}).
     *
     * @return the index just past the timestamp, or -1 when there is no BSD timestamp here; a year sets the
     * event's {@link LogEvent#tsYear}.
     */
    static int bsd(final byte[] b, final int offset, final int end, final LogEvent event)
    {
        return bsd(b, offset, end, event, LogEvent.UNKNOWN);
    }

    /**
     * Reads {@code yyyy Mmm dd hh:mm:ss[.S+]} (Cisco NX-OS) at {@code offset}.
     *
     * @return the index just past the timestamp, or -1 when there is none here.
     */
    static int bsdYearFirst(final byte[] b, final int offset, final int end, final LogEvent event)
    {
        final int year = digits(b, offset, 4, end);
        if (year < 0 || offset + 4 >= end || b[offset + 4] != ' ')
        {
            return -1;
        }
        return bsd(b, offset + 5, end, event, year);
    }

    /**
     * Finds a zone name after a BSD timestamp, as Cisco writes it: SP, 1 to 5 upper-case letters, then {@code :}
     * ({@code 18:48:50.483 UTC: %SYS-...}). The colon is required so that a word after the time that merely looks
     * like a zone is still read as RFC 3164 reads it (§5.4 example 4 takes {@code CST} for the HOSTNAME).
     *
     * @return the index just past the name (at the colon), or -1.
     */
    static int bsdZoneName(final byte[] b, final int offset, final int end)
    {
        if (offset >= end || b[offset] != ' ')
        {
            return -1;
        }
        int i = offset + 1;
        while (i < end && i - offset <= 5 && b[i] >= 'A' && b[i] <= 'Z')
        {
            i++;
        }
        return i > offset + 1 && i < end && b[i] == ':' ? i : -1;
    }

    private static int bsd(final byte[] b, final int offset, final int end, final LogEvent event, final int yearFirst)
    {
        if (offset + 3 > end)
        {
            return -1;
        }
        final int month = month(b, offset);
        if (month < 0)
        {
            return -1;
        }
        int i = offset + 3;
        if (i >= end || b[i] != ' ')
        {
            return -1;
        }
        i++;
        if (i < end && b[i] == ' ')
        {
            i++;
        }
        final int dayStart = i;
        while (i < end && i - dayStart < 2 && isDigit(b[i]))
        {
            i++;
        }
        if (i == dayStart || i >= end || b[i] != ' ')
        {
            return -1;
        }
        final int day = digits(b, dayStart, i - dayStart, end);
        i++;

        int year = yearFirst;
        if (year == LogEvent.UNKNOWN && i + 4 < end && b[i + 4] == ' ')
        {
            year = digits(b, i, 4, end);
            if (year < 0)
            {
                return -1;
            }
            i += 5;
        }
        if (day < 1 || day > daysInMonth(month, year == LogEvent.UNKNOWN ? -1 : year))
        {
            return -1;
        }

        final int time = time(b, i, end);
        if (time < 0)
        {
            return -1;
        }
        final int hour = digits(b, i, 2, end);
        final int minute = digits(b, i + 3, 2, end);
        final int second = digits(b, i + 6, 2, end);
        i = time;

        int nanos = 0;
        if (i + 1 < end && b[i] == '.' && isDigit(b[i + 1]))
        {
            final int digitsEnd = SyslogSyntax.skipDigits(b, i + 1, end);
            nanos = fraction(b, i + 1, digitsEnd);
            i = digitsEnd;
        }
        if (year == LogEvent.UNKNOWN && i + 4 < end && b[i] == ' ' && (b[i + 1] == '1' || b[i + 1] == '2'))
        {
            final int after = digits(b, i + 1, 4, end);
            final int next = i + 5;
            if (after >= 0 && (next == end || b[next] == ' ' || isColonThenSpace(b, next, end)) &&
                day <= daysInMonth(month, after))
            {
                year = after;
                i = next;
            }
        }

        event.tsYear = year;
        event.tsMonth = month;
        event.tsDay = day;
        event.tsHour = hour;
        event.tsMinute = minute;
        event.tsSecond = second;
        event.tsNanos = nanos;
        return i;
    }

    /**
     * Checks {@code hh:mm:ss} at {@code offset}: hour 0..23, minute 0..59, second 0..60 (a leap second is
     * passed through; the logic stage folds it).
     *
     * @return the index just past the seconds, or {@code -(offset + 1)} of the first byte at fault.
     */
    private static int time(final byte[] b, final int offset, final int end)
    {
        final int hour = digits(b, offset, 2, end);
        if (hour < 0 || hour > 23)
        {
            return fail(b, offset, 2, end);
        }
        if (offset + 2 >= end || b[offset + 2] != ':')
        {
            return -(Math.min(offset + 2, end) + 1);
        }
        final int minute = digits(b, offset + 3, 2, end);
        if (minute < 0 || minute > 59)
        {
            return fail(b, offset + 3, 2, end);
        }
        if (offset + 5 >= end || b[offset + 5] != ':')
        {
            return -(Math.min(offset + 5, end) + 1);
        }
        final int second = digits(b, offset + 6, 2, end);
        if (second < 0 || second > 60)
        {
            return fail(b, offset + 6, 2, end);
        }
        return offset + 8;
    }

    /** A colon that ends a token ({@code 2026: }), unlike the one inside an IPv6 address ({@code 2001:db8::1}). */
    private static boolean isColonThenSpace(final byte[] b, final int i, final int end)
    {
        return b[i] == ':' && (i + 1 == end || b[i + 1] == ' ');
    }

    /** Fraction digits {@code b[start .. end)} as nanoseconds: digits past the ninth are ignored. */
    private static int fraction(final byte[] b, final int start, final int end)
    {
        int nanos = 0;
        int scale = NANOS_DIGITS;
        for (int i = start; i < end && scale > 0; i++, scale--)
        {
            nanos = nanos * 10 + (b[i] - '0');
        }
        for (; scale > 0; scale--)
        {
            nanos *= 10;
        }
        return nanos;
    }

    /** Month 1..12 from a case-insensitive three-letter name at {@code offset}, or -1. */
    private static int month(final byte[] b, final int offset)
    {
        final int key = pack(b[offset] | 0x20, b[offset + 1] | 0x20, b[offset + 2] | 0x20);
        for (int m = 0; m < MONTHS.length; m++)
        {
            if (MONTHS[m] == key)
            {
                return m + 1;
            }
        }
        return -1;
    }

    private static int pack(final int c0, final int c1, final int c2)
    {
        return ((c0 & 0xFF) << 16) | ((c1 & 0xFF) << 8) | (c2 & 0xFF);
    }

    /**
     * Failure at a numeric component of {@code count} digits at {@code offset}: points at the first byte that is
     * missing or not a digit, else (a value out of range is wrong as a whole) at the component's first digit.
     */
    private static int fail(final byte[] b, final int offset, final int count, final int end)
    {
        for (int i = offset, limit = offset + count; i < limit; i++)
        {
            if (i >= end || !isDigit(b[i]))
            {
                return -(i + 1);
            }
        }
        return -(offset + 1);
    }
}
