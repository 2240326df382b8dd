package io.ringlog.tools;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeExpressionTest
{
    private static final Instant NOW = Instant.parse("2026-11-25T10:30:15.5Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static long at(final String text)
    {
        return TimeExpression.parse(text, NOW, PARIS);
    }

    private static long nanos(final String instant)
    {
        return EngineJournal.nanos(instant);
    }

    @Test
    void absoluteAndLocal()
    {
        assertEquals(nanos("2026-11-25T04:36:48Z"), at("2026-11-25T04:36:48Z"));
        assertEquals(nanos("2026-11-25T04:36:48.123Z"), at("2026-11-25T05:36:48.123+01:00"));
        assertEquals(nanos("2026-11-25T03:36:48Z"), at("2026-11-25 04:36:48"));
        assertEquals(nanos("2026-11-25T03:36:00Z"), at("2026-11-25 04:36"));
        assertEquals(nanos("2026-11-25T03:36:48Z"), at("2026-11-25T04:36:48"));
        assertEquals(nanos("2026-11-24T23:00:00Z"), at("2026-11-25"));
        assertEquals(nanos("2026-11-25T03:36:00Z"), at("04:36"));
        assertEquals(nanos("2023-11-14T22:13:20.5Z"), at("@1700000000.5"));
    }

    @Test
    void namedDaysAndRelative()
    {
        assertEquals(nanos("2026-11-25T10:30:15.5Z"), at("now"));
        assertEquals(nanos("2026-11-24T23:00:00Z"), at("today"));
        assertEquals(nanos("2026-11-23T23:00:00Z"), at("yesterday"));
        assertEquals(nanos("2026-11-25T23:00:00Z"), at("tomorrow"));
        assertEquals(nanos("2026-11-25T09:30:15.5Z"), at("-1h"));
        assertEquals(nanos("2026-11-25T09:00:15.5Z"), at("-1h30m"));
        assertEquals(nanos("2026-11-25T10:40:15.5Z"), at("+10min"));
        assertEquals(nanos("2026-11-23T10:30:15.5Z"), at("2 days ago"));
        assertEquals(nanos("2026-11-25T10:28:45.5Z"), at("90s ago"));
        assertEquals(nanos("2026-11-18T10:30:15.5Z"), at("-1w"));
    }

    @Test
    void badExpressionsSayWhatIsAccepted()
    {
        for (final String bad : new String[] {"", "soon", "-1fortnight", "-h", "2026-13-01", "25:00", "@x",
            "1h", "- 1h 2x"})
        {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> at(bad), bad);
            assertTrue(e.getMessage().startsWith("bad time expression '" + bad + "' (expected e.g."), e.getMessage());
        }
    }
}
