package io.ringlog.tools;

/**
 * Renders epoch nanoseconds as RFC 3339 or as a syslog-file time ({@code Nov 25 04:36:48}) into a
 * {@link ByteBuilder}, without java.time objects. Consecutive records mostly share a second, so the date-time part
 * of the last second rendered is kept and copied. One instance per output thread.
 */
public final class TimeFormat
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final byte[][] MONTHS = new byte[12][];

    static
    {
        final String[] names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < 12; i++)
        {
            MONTHS[i] = names[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private final ByteBuilder rfc3339Second = new ByteBuilder(32);
    private long rfc3339CachedSecond = Long.MIN_VALUE;
    private final ByteBuilder syslogSecond = new ByteBuilder(32);
    private long syslogCachedSecond = Long.MIN_VALUE;

    /** RFC 3339 in UTC with exactly nine fractional digits: {@code 2026-11-25T04:36:48.123456789Z}. */
    public void appendRfc3339Nanos(final long epochNanos, final ByteBuilder out)
    {
        appendRfc3339Second(Math.floorDiv(epochNanos, NANOS_PER_SECOND), out);
        out.append('.').appendPadded(Math.floorMod(epochNanos, NANOS_PER_SECOND), 9).append('Z');
    }

    /**
     * RFC 3339 in the given zone offset: fractional digits only when the nanoseconds are not zero, trimmed to 3, 6
     * or 9 digits; {@code Z} for offset 0, else {@code +hh:mm} or {@code -hh:mm}.
     */
    public void appendRfc3339(final long epochNanos, final int offsetMinutes, final ByteBuilder out)
    {
        final long localSecond = Math.floorDiv(epochNanos, NANOS_PER_SECOND) + offsetMinutes * 60L;
        appendRfc3339Second(localSecond, out);
        final long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        if (nanos != 0)
        {
            out.append('.');
            if (nanos % 1_000_000 == 0)
            {
                out.appendPadded(nanos / 1_000_000, 3);
            }
            else if (nanos % 1_000 == 0)
            {
                out.appendPadded(nanos / 1_000, 6);
            }
            else
            {
                out.appendPadded(nanos, 9);
            }
        }
        if (offsetMinutes == 0)
        {
            out.append('Z');
        }
        else
        {
            final int abs = Math.abs(offsetMinutes);
            out.append(offsetMinutes < 0 ? '-' : '+').appendPadded(abs / 60, 2).append(':').append2Digits(abs % 60);
        }
    }

    /** RFC 3339 in UTC from epoch milliseconds, for cold paths ({@code ringlog stat}). */
    public void appendRfc3339Millis(final long epochMs, final ByteBuilder out)
    {
        appendRfc3339Second(Math.floorDiv(epochMs, 1000L), out);
        final long ms = Math.floorMod(epochMs, 1000L);
        if (ms != 0)
        {
            out.append('.').appendPadded(ms, 3);
        }
        out.append('Z');
    }

    /** The time as a traditional syslog file shows it, in UTC: {@code Nov 25 04:36:48}, {@code Nov  5 ...}. */
    public void appendSyslog(final long epochNanos, final ByteBuilder out)
    {
        final long second = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        if (second != syslogCachedSecond)
        {
            syslogSecond.length(0);
            final long days = Math.floorDiv(second, 86_400L);
            final int secondOfDay = (int)Math.floorMod(second, 86_400L);
            final long yearMonthDay = civil(days);
            final int month = (int)(yearMonthDay >> 8 & 0xFF);
            final int day = (int)(yearMonthDay & 0xFF);
            syslogSecond.append(MONTHS[month - 1]).append(' ');
            if (day < 10)
            {
                syslogSecond.append(' ').append((byte)('0' + day));
            }
            else
            {
                syslogSecond.append2Digits(day);
            }
            syslogSecond.append(' ');
            appendTimeOfDay(secondOfDay, syslogSecond);
            syslogCachedSecond = second;
        }
        out.append(syslogSecond.array(), 0, syslogSecond.length());
    }

    private void appendRfc3339Second(final long second, final ByteBuilder out)
    {
        if (second != rfc3339CachedSecond)
        {
            rfc3339Second.length(0);
            final long days = Math.floorDiv(second, 86_400L);
            final int secondOfDay = (int)Math.floorMod(second, 86_400L);
            final long yearMonthDay = civil(days);
            final long year = yearMonthDay >> 16;
            if (year < 0)
            {
                rfc3339Second.append('-').appendPadded(-year, 4);
            }
            else
            {
                rfc3339Second.appendPadded(year, 4);
            }
            rfc3339Second.append('-').append2Digits((int)(yearMonthDay >> 8 & 0xFF))
                .append('-').append2Digits((int)(yearMonthDay & 0xFF)).append('T');
            appendTimeOfDay(secondOfDay, rfc3339Second);
            rfc3339CachedSecond = second;
        }
        out.append(rfc3339Second.array(), 0, rfc3339Second.length());
    }

    private static void appendTimeOfDay(final int secondOfDay, final ByteBuilder out)
    {
        out.append2Digits(secondOfDay / 3600).append(':')
            .append2Digits(secondOfDay / 60 % 60).append(':')
            .append2Digits(secondOfDay % 60);
    }

    /**
     * Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days), packed as
     * {@code year << 16 | month << 8 | day} so that nothing is allocated.
     */
    static long civil(final long epochDay)
    {
        final long z = epochDay + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year << 16 | month << 8 | day;
    }
}
