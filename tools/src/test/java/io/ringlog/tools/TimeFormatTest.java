package io.ringlog.tools;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeFormatTest
{
    private static final DateTimeFormatter NINE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
        .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    @Test
    void matchesJavaTimeOverTheWholeNanosecondRange()
    {
        final TimeFormat format = new TimeFormat();
        final ByteBuilder out = new ByteBuilder(64);
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++)
        {
            final long nanos = i < 100_000 ? random.nextLong() : random.nextLong(-100_000_000_000L, 100_000_000_000L);
            final Instant instant = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L));

            out.length(0);
            format.appendRfc3339Nanos(nanos, out);
            assertEquals(NINE.format(instant), out.toString());

            out.length(0);
            format.appendSyslog(nanos, out);
            assertEquals(SYSLOG.format(instant), out.toString());

            final int offset = random.nextInt(-18 * 60, 18 * 60 + 1);
            out.length(0);
            format.appendRfc3339(nanos, offset, out);
            final String rendered = out.toString();
            final java.time.OffsetDateTime parsed = java.time.OffsetDateTime.parse(rendered);
            assertEquals(instant, parsed.toInstant(), rendered);
            assertEquals(offset * 60, parsed.getOffset().getTotalSeconds(), rendered);
            final int dot = rendered.indexOf('.');
            final int zone = Math.max(rendered.indexOf('Z'), Math.max(rendered.lastIndexOf('+'), rendered.lastIndexOf('-')));
            assertTrue(dot < 0 ? instant.getNano() == 0 : java.util.Set.of(3, 6, 9).contains(zone - dot - 1), rendered);
        }
    }

    @Test
    void trimsFractionsTo3Or6Or9Digits()
    {
        assertEquals("2026-11-25T04:36:48Z", rfc3339("2026-11-25T04:36:48Z", 0));
        assertEquals("2026-11-25T04:36:48.100Z", rfc3339("2026-11-25T04:36:48.1Z", 0));
        assertEquals("2026-11-25T04:36:48.000100Z", rfc3339("2026-11-25T04:36:48.0001Z", 0));
        assertEquals("2026-11-25T04:36:48.000000001Z", rfc3339("2026-11-25T04:36:48.000000001Z", 0));
        assertEquals("2026-11-25T06:36:48+02:00", rfc3339("2026-11-25T04:36:48Z", 120));
        assertEquals("2026-11-24T23:06:48-05:30", rfc3339("2026-11-25T04:36:48Z", -330));
        assertEquals("1969-12-31T23:59:59.999Z", rfc3339("1969-12-31T23:59:59.999Z", 0));
    }

    private static String rfc3339(final String instant, final int offsetMinutes)
    {
        final ByteBuilder out = new ByteBuilder(8);
        new TimeFormat().appendRfc3339(CatJsonTest.nanos(instant), offsetMinutes, out);
        return out.toString();
    }

    @Test
    void millisForStat()
    {
        final ByteBuilder out = new ByteBuilder(8);
        final TimeFormat format = new TimeFormat();
        format.appendRfc3339Millis(0, out);
        out.append(' ');
        format.appendRfc3339Millis(1_795_062_000_007L, out);
        assertEquals("1970-01-01T00:00:00Z 2026-11-19T04:20:00.007Z", out.toString());
    }
}
