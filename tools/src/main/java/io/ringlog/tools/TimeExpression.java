package io.ringlog.tools;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time expressions of {@code --since}/{@code --until}, as journalctl users type them, to epoch nanoseconds:
 * <ul>
 *   <li>absolute RFC 3339: {@code 2026-11-25T04:36:48Z}, {@code 2026-11-25T05:36:48.5+01:00};</li>
 *   <li>local time (the JVM's zone, or {@code TZ}): {@code 2026-11-25 04:36:48}, {@code 2026-11-25 04:36},
 *       {@code 2026-11-25T04:36:48}, {@code 2026-11-25} (midnight), {@code 04:36[:48]} (today);</li>
 *   <li>{@code now}, {@code today}, {@code yesterday}, {@code tomorrow} (local midnight);</li>
 *   <li>relative to now: {@code -1h}, {@code -1h30m}, {@code +10min}, {@code -2d}, {@code 90s ago}, units
 *       {@code us ms s sec m min h hour d day w week} (plurals too);</li>
 *   <li>{@code @1764045408} or {@code @1764045408.5}: seconds since the epoch.</li>
 * </ul>
 * A bad expression is an {@link IllegalArgumentException} with one line naming it and the accepted forms.
 */
public final class TimeExpression
{
    private static final Pattern RELATIVE_PART = Pattern.compile("(\\d+)\\s*([a-z]+)");
    private static final Pattern LOCAL_DATE_TIME =
        Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ t](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)");
    private static final Pattern TIME_ONLY = Pattern.compile("\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EPOCH = Pattern.compile("@(\\d{1,12})(?:\\.(\\d{1,9}))?");

    private TimeExpression()
    {
    }

    /** Parses {@code text} with the current time and the default zone. */
    public static long parse(final String text)
    {
        return parse(text, Instant.now(), ZoneId.systemDefault());
    }

    public static long parse(final String text, final Instant now, final ZoneId zone)
    {
        final String s = text.trim().toLowerCase(Locale.ROOT);
        try
        {
            switch (s)
            {
                case "now": return nanos(now);
                case "today": return nanos(LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant());
                case "yesterday": return nanos(LocalDate.ofInstant(now, zone).minusDays(1).atStartOfDay(zone).toInstant());
                case "tomorrow": return nanos(LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant());
                default: break;
            }
            if (s.startsWith("-") || s.startsWith("+") || s.endsWith(" ago"))
            {
                return relative(text, s, now);
            }
            final Matcher epoch = EPOCH.matcher(s);
            if (epoch.matches())
            {
                final long nanos = epoch.group(2) == null ? 0 :
                    Long.parseLong((epoch.group(2) + "00000000").substring(0, 9));
                return Math.addExact(Math.multiplyExact(Long.parseLong(epoch.group(1)), 1_000_000_000L), nanos);
            }
            final Matcher local = LOCAL_DATE_TIME.matcher(s);
            if (local.matches())
            {
                return nanos(LocalDateTime.of(LocalDate.parse(local.group(1)), LocalTime.parse(local.group(2)))
                    .atZone(zone).toInstant());
            }
            if (DATE_ONLY.matcher(s).matches())
            {
                return nanos(LocalDate.parse(s).atStartOfDay(zone).toInstant());
            }
            if (TIME_ONLY.matcher(s).matches())
            {
                return nanos(LocalDate.ofInstant(now, zone).atTime(LocalTime.parse(s)).atZone(zone).toInstant());
            }
            return nanos(OffsetDateTime.parse(text.trim().toUpperCase(Locale.ROOT)).toInstant());
        }
        catch (final java.time.DateTimeException | ArithmeticException e)
        {
            throw bad(text);
        }
    }

    private static long relative(final String original, final String s, final Instant now)
    {
        final boolean ago = s.endsWith(" ago");
        String body = ago ? s.substring(0, s.length() - 4).trim() : s;
        long sign = ago ? -1 : 1;
        if (!ago)
        {
            sign = body.charAt(0) == '-' ? -1 : 1;
            body = body.substring(1).trim();
        }
        final Matcher m = RELATIVE_PART.matcher(body);
        long total = 0;
        int end = 0;
        while (m.find())
        {
            if (!body.substring(end, m.start()).isBlank())
            {
                throw bad(original);
            }
            total = Math.addExact(total, Math.multiplyExact(Long.parseLong(m.group(1)), unitNanos(m.group(2), original)));
            end = m.end();
        }
        if (end == 0 || end != body.length())
        {
            throw bad(original);
        }
        return Math.addExact(nanos(now), sign * total);
    }

    private static long unitNanos(final String unit, final String original)
    {
        switch (unit)
        {
            case "us": case "usec": return 1_000L;
            case "ms": case "msec": return 1_000_000L;
            case "s": case "sec": case "second": case "seconds": return 1_000_000_000L;
            case "m": case "min": case "minute": case "minutes": return 60_000_000_000L;
            case "h": case "hr": case "hour": case "hours": return 3_600_000_000_000L;
            case "d": case "day": case "days": return 86_400_000_000_000L;
            case "w": case "week": case "weeks": return 7 * 86_400_000_000_000L;
            default: throw bad(original);
        }
    }

    private static long nanos(final Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static IllegalArgumentException bad(final String text)
    {
        return new IllegalArgumentException("bad time expression '" + text + "' (expected e.g. " +
            "2026-11-25T04:36:48Z, '2026-11-25 04:36', 04:36, today, yesterday, now, -1h, -30min, '2 days ago' " +
            "or @EPOCH_SECONDS)");
    }
}
