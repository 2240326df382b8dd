package io.ringlog.engine.logic;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseFlags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogicHandlerTest
{
    @TempDir
    Path dir;
    private CountersFile counters;

    @BeforeEach
    void open()
    {
        counters = CountersFile.create(dir, 1, 0);
    }

    @AfterEach
    void close()
    {
        counters.close();
    }

    private static LogEvent event3164(final int month, final int day, final int h, final int m, final int s,
        final String receivedAt)
    {
        final LogEvent e = new LogEvent(64);
        e.format = MessageFormat.RFC3164;
        e.severity = 6;
        e.facility = 1;
        e.tsMonth = month;
        e.tsDay = day;
        e.tsHour = h;
        e.tsMinute = m;
        e.tsSecond = s;
        final Instant r = Instant.parse(receivedAt);
        e.receivedAtNanos = r.getEpochSecond() * 1_000_000_000L + r.getNano();
        return e;
    }

    private static String iso(final LogEvent e)
    {
        final Instant i = Instant.ofEpochSecond(0, e.timestampEpochNanos);
        return OffsetDateTime.ofInstant(i, java.time.ZoneOffset.ofTotalSeconds(e.timestampOffsetMinutes * 60))
            .toString();
    }

    @ParameterizedTest(name = "{0}-{1} {2} received {3} -> {4}")
    @CsvSource({
        // a December message arriving on 1 January belongs to the old year
        "12, 31, 23:59:58, 2027-01-01T00:00:03Z, 2026-12-31T23:59:58Z",
        // a sender a little ahead of New Year keeps the new year
        "1, 1, 00:00:05, 2026-12-31T23:59:59Z, 2027-01-01T00:00:05Z",
        // ordinary: same year
        "11, 25, 04:36:48, 2026-11-25T04:36:50Z, 2026-11-25T04:36:48Z",
        // up to a day ahead is still this year
        "11, 26, 04:00:00, 2026-11-25T05:00:00Z, 2026-11-26T04:00Z",
        // more than a day ahead: last year's
        "11, 28, 04:00:00, 2026-11-25T05:00:00Z, 2025-11-28T04:00Z",
    })
    void infersTheYearClosestToReceiptNotInTheFuture(final int month, final int day, final String time,
        final String receivedAt, final String expected)
    {
        final String[] t = time.split(":");
        final LogEvent e = event3164(month, day, Integer.parseInt(t[0]), Integer.parseInt(t[1]),
            Integer.parseInt(t[2]), receivedAt);
        new LogicHandler(7, ZoneId.of("UTC"), counters).apply(e);
        assertEquals(OffsetDateTime.parse(expected).toInstant(), Instant.ofEpochSecond(0, e.timestampEpochNanos));
        assertTrue((e.flags & ParseFlags.YEAR_INFERRED) != 0);
        assertTrue((e.flags & ParseFlags.ZONE_INFERRED) != 0);
    }

    @Test
    void appliesTheConfiguredZoneIncludingDaylightSaving()
    {
        final LogicHandler logic = new LogicHandler(7, ZoneId.of("Europe/Paris"), counters);
        final LogEvent summer = event3164(7, 14, 12, 0, 0, "2026-07-14T10:00:01Z");
        logic.apply(summer);
        assertEquals("2026-07-14T12:00+02:00", iso(summer));
        final LogEvent winter = event3164(1, 14, 12, 0, 0, "2026-01-14T11:00:01Z");
        logic.apply(winter);
        assertEquals("2026-01-14T12:00+01:00", iso(winter));
    }

    @Test
    void keepsAnOffsetThatWasSent()
    {
        final LogEvent e = event3164(11, 25, 4, 36, 48, "2026-11-25T04:00:00Z");
        e.tsYear = 2026;
        e.tsOffsetMinutes = -330;
        e.tsNanos = 123_456_000;
        new LogicHandler(7, ZoneId.of("Europe/Paris"), counters).apply(e);
        assertEquals("2026-11-25T04:36:48.123456-05:30", iso(e));
        assertFalse((e.flags & ParseFlags.YEAR_INFERRED) != 0);
        assertFalse((e.flags & ParseFlags.ZONE_INFERRED) != 0);
    }

    @Test
    void feb29InAnInferredNonLeapYearFallsBackToReceipt()
    {
        final LogEvent e = event3164(2, 29, 10, 0, 0, "2027-03-01T00:00:00Z");
        new LogicHandler(7, ZoneId.of("UTC"), counters).apply(e);
        assertEquals(e.receivedAtNanos, e.timestampEpochNanos);
        assertTrue((e.flags & ParseFlags.TIMESTAMP_FROM_RECEIPT) != 0);
    }

    @Test
    void rfc3164WithoutTimestampUsesReceiptButRfc5424NilStaysAbsent()
    {
        final LogicHandler logic = new LogicHandler(7, ZoneId.of("UTC"), counters);
        final LogEvent bsd = event3164(LogEvent.UNKNOWN, LogEvent.UNKNOWN, LogEvent.UNKNOWN, 0, 0,
            "2026-11-25T04:00:00Z");
        logic.apply(bsd);
        assertEquals(bsd.receivedAtNanos, bsd.timestampEpochNanos);
        final LogEvent nil = event3164(LogEvent.UNKNOWN, LogEvent.UNKNOWN, LogEvent.UNKNOWN, 0, 0,
            "2026-11-25T04:00:00Z");
        nil.format = MessageFormat.RFC5424;
        logic.apply(nil);
        assertEquals(LogEvent.NO_TIMESTAMP, nil.timestampEpochNanos);
    }

    @Test
    void filtersBelowMinimumSeverityAndCounts()
    {
        final LogicHandler logic = new LogicHandler(4, ZoneId.of("UTC"), counters);
        final LogEvent debug = event3164(11, 25, 4, 0, 0, "2026-11-25T04:00:00Z");
        debug.severity = 7;
        final LogEvent warning = event3164(11, 25, 4, 0, 0, "2026-11-25T04:00:00Z");
        warning.severity = 4;
        final LogEvent unparsed = new LogEvent(64);
        logic.apply(debug);
        logic.apply(warning);
        logic.apply(unparsed);
        logic.publishCounters();
        assertTrue(debug.filtered);
        assertFalse(warning.filtered);
        assertFalse(unparsed.filtered, "a message whose severity could not be read is never filtered");
        assertEquals(1, counters.get(Counter.FILTERED).get());
        assertEquals(2, counters.get(Counter.PARSED_RFC3164).get());
        assertEquals(1, counters.get(Counter.UNPARSED).get());
    }

    @Test
    void civilTimeMatchesJavaTimeAcrossCenturies()
    {
        for (long day = -800_000; day < 800_000; day += 997)
        {
            final java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
            assertEquals(day, CivilTime.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
            assertEquals(d.getYear(), CivilTime.yearFromDays(day));
        }
        assertEquals(Long.MIN_VALUE, CivilTime.epochSeconds(2026, 2, 29, 0, 0, 0));
        assertEquals(Instant.parse("2016-12-31T23:59:59Z").getEpochSecond() + 1,
            CivilTime.epochSeconds(2016, 12, 31, 23, 59, 60), "leap second lands on the next minute");
    }
}
