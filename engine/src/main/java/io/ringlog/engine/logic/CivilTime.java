package io.ringlog.engine.logic;

/**
 * Calendar arithmetic on primitives (proleptic Gregorian, as RFC 3339), so the logic stage turns timestamp
 * components into epoch time without java.time objects. Algorithms from Howard Hinnant's "chrono-compatible
 * low-level date algorithms".
 */
public final class CivilTime
{
    private CivilTime()
    {
    }

    public static boolean isLeapYear(final int year)
    {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int daysInMonth(final int year, final int month)
    {
        switch (month)
        {
            case 2: return isLeapYear(year) ? 29 : 28;
            case 4: case 6: case 9: case 11: return 30;
            default: return 31;
        }
    }

    /** Days since 1970-01-01 of a civil date (month 1..12). */
    public static long daysFromCivil(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final int era = (y >= 0 ? y : y - 399) / 400;
        final int yoe = y - era * 400;
        final int mp = (month + 9) % 12;
        final int doy = (153 * mp + 2) / 5 + day - 1;
        final int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return (long)era * 146097 + doe - 719468;
    }

    /** The civil year of a day count since 1970-01-01. */
    public static int yearFromDays(final long days)
    {
        final long z = days + 719468;
        final long era = (z >= 0 ? z : z - 146096) / 146097;
        final long doe = z - era * 146097;
        final long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        return (int)(yoe + era * 400 + (month <= 2 ? 1 : 0));
    }

    /**
     * Seconds since the epoch of a local date-time read as if it were UTC, or {@link Long#MIN_VALUE} when the
     * date does not exist. Second 60 (a leap second) is accepted and lands on the next minute.
     */
    public static long epochSeconds(
        final int year, final int month, final int day, final int hour, final int minute, final int second)
    {
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ||
            hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        {
            return Long.MIN_VALUE;
        }
        return daysFromCivil(year, month, day) * 86400L + hour * 3600L + minute * 60L + second;
    }
}
