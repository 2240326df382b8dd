package io.ringlog.engine.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseError;
import io.ringlog.engine.event.ParseFlags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz target over {@link SyslogParser} in every {@link SyslogParser.Mode}: any bytes, no exception, and a parse
 * that only ever points inside the message.
 *
 * <p>In a normal build ({@code mvn verify}) Jazzer runs this in regression mode: once per file in
 * {@code src/test/resources/io/ringlog/engine/parse/ParserFuzzTestInputs/parsesAnyBytes/} (real messages of each
 * dialect and nasty ones), no fuzzing, well under a second. To fuzz (coverage-guided; a finding is written to that
 * directory as a {@code crash-*} file, which then replays in every build once committed):
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl engine test -Dtest=ParserFuzzTest
 * </pre>
 * runs for the annotation's {@code maxDuration} (5 minutes). Jazzer 0.24's JUnit runner has no property for the
 * duration, but passes libFuzzer arguments through and libFuzzer takes the last of a repeated flag, so any other
 * length is (argv0 is a placeholder libFuzzer skips):
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl engine test -Dtest=ParserFuzzTest \
 *     -Djazzer.internal.arg.0=argv0 -Djazzer.internal.arg.1=-max_total_time=600
 * </pre>
 * The generated corpus goes to {@code engine/.cifuzz-corpus/} (ignored by git) and is reused by the next run.
 *
 * <p>Invariants, per mode: no exception escapes; every present field has {@code 0 <= offset} and
 * {@code offset + length <= rawLength}, an absent one length 0; {@code format == UNPARSED} iff {@code errorCode != 0},
 * and then every field is absent and the error offset lies in {@code [0, rawLength]}; facility is -1..23 and
 * severity -1..7, both -1 or neither; timestamp components are UNKNOWN or in range; a forced mode yields its own
 * format or UNPARSED; AUTO gives exactly the parse of the mode it detects; a slot that held another message
 * parses exactly as a fresh one (no stale state leaks through {@code resetParse}); and the RFC 3339 reader's fast
 * path agrees with its general path, result and components, at the first few offsets.
 *
 * <p>Linear time: a libFuzzer per-input timeout (Jazzer's default, 5 s, against inputs that parse in
 * microseconds) catches a super-linear path while fuzzing; the argument for why there is none, loop by loop, is
 * in {@link PathologicalInputTest}, which also replays the worst shapes at 1 MiB in every build.
 */
class ParserFuzzTest
{
    private static final SyslogParser.Mode[] MODES = SyslogParser.Mode.values();
    private final SyslogParser[] parsers = new SyslogParser[MODES.length];
    /** Reused across inputs and modes without clearing, as a ring slot is. */
    private final LogEvent dirty = new LogEvent(256);

    ParserFuzzTest()
    {
        for (int i = 0; i < MODES.length; i++)
        {
            parsers[i] = new SyslogParser(MODES[i]);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void parsesAnyBytes(final byte[] input)
    {
        final LogEvent[] fresh = new LogEvent[MODES.length];
        for (int m = 0; m < MODES.length; m++)
        {
            final LogEvent event = Expected.event(input);
            parsers[m].parse(event);
            checkInvariants(MODES[m], event, input.length);
            fresh[m] = event;

            dirty.ensureCapacity(input.length);
            System.arraycopy(input, 0, dirty.raw, 0, input.length);
            dirty.rawLength = input.length;
            dirty.flags = 0;
            parsers[m].parse(dirty);
            assertSameParse(event, dirty);
        }
        for (int offset = 0; offset < Math.min(input.length, 8); offset++)
        {
            for (final boolean strict : new boolean[] {true, false})
            {
                final LogEvent fast = Expected.event(input);
                final LogEvent general = Expected.event(input);
                assertEquals(
                    TimestampReader.rfc3339General(input, offset, input.length, general, strict),
                    TimestampReader.rfc3339(input, offset, input.length, fast, strict), "RFC 3339 fast path");
                assertSameParse(general, fast);
            }
        }
        final boolean rfc5424 = input.length > 0 && SyslogParser.looksLikeRfc5424(input, input.length);
        final int chosen = rfc5424 ? SyslogParser.Mode.RFC5424.ordinal() : SyslogParser.Mode.RFC3164.ordinal();
        assertSameParse(fresh[chosen], fresh[SyslogParser.Mode.AUTO.ordinal()]);
    }

    static void checkInvariants(final SyslogParser.Mode mode, final LogEvent e, final int rawLength)
    {
        final boolean unparsed = e.format == MessageFormat.UNPARSED;
        assertEquals(unparsed, e.errorCode != ParseError.NONE, "UNPARSED iff errorCode != 0");
        if (unparsed)
        {
            assertTrue(e.errorOffset >= 0 && e.errorOffset <= rawLength, "errorOffset " + e.errorOffset);
        }
        else
        {
            assertEquals(-1, e.errorOffset, "errorOffset without an error");
        }
        switch (mode)
        {
            case RFC5424:
                assertTrue(unparsed || e.format == MessageFormat.RFC5424, "format in RFC5424 mode");
                break;
            case RFC3164:
                assertTrue(unparsed || e.format == MessageFormat.RFC3164, "format in RFC3164 mode");
                break;
            default:
                assertTrue(unparsed || e.format == MessageFormat.RFC5424 || e.format == MessageFormat.RFC3164);
        }
        assertTrue(e.facility >= -1 && e.facility <= 23, "facility " + e.facility);
        assertTrue(e.severity >= -1 && e.severity <= 7, "severity " + e.severity);
        assertEquals(e.facility == -1, e.severity == -1, "facility and severity go together");
        assertTrue(!unparsed || rawLength == 0 || e.errorCode == ParseError.BAD_PRI || e.facility >= 0 ||
            e.errorCode == ParseError.EMPTY, "a valid PRI is kept on failure");
        for (int f = 0; f < Field.COUNT; f++)
        {
            final int offset = e.fieldOffset[f];
            final int length = e.fieldLength[f];
            if (offset == Field.ABSENT)
            {
                assertEquals(0, length, "absent field " + f + " has length 0");
                continue;
            }
            assertTrue(!unparsed, "field " + f + " present in an UNPARSED event");
            assertTrue(offset >= 0 && length >= 0 && offset + length <= rawLength,
                "field " + f + " at " + offset + "+" + length + " outside " + rawLength);
        }
        assertEquals(0, e.flags & ParseFlags.TRUNCATED, "only the listener sets TRUNCATED");
        if (e.fieldOffset[Field.TIMESTAMP] != Field.ABSENT)
        {
            assertTrue(e.tsMonth >= 1 && e.tsMonth <= 12, "month " + e.tsMonth);
            assertTrue(e.tsDay >= 1 && e.tsDay <= 31, "day " + e.tsDay);
            assertTrue(e.tsHour >= 0 && e.tsHour <= 23, "hour " + e.tsHour);
            assertTrue(e.tsMinute >= 0 && e.tsMinute <= 59, "minute " + e.tsMinute);
            assertTrue(e.tsSecond >= 0 && e.tsSecond <= 60, "second " + e.tsSecond);
            assertTrue(e.tsNanos >= 0 && e.tsNanos < 1_000_000_000, "nanos " + e.tsNanos);
            assertTrue(e.tsYear == LogEvent.UNKNOWN || (e.tsYear >= 0 && e.tsYear <= 9999), "year " + e.tsYear);
            assertTrue(e.tsOffsetMinutes == LogEvent.UNKNOWN || Math.abs(e.tsOffsetMinutes) < 24 * 60);
        }
        else
        {
            assertEquals(LogEvent.UNKNOWN, e.tsMonth, "components without a TIMESTAMP field");
        }
    }

    static void assertSameParse(final LogEvent expected, final LogEvent actual)
    {
        assertEquals(expected.format, actual.format, "format");
        assertEquals(expected.errorCode, actual.errorCode, "errorCode");
        assertEquals(expected.errorOffset, actual.errorOffset, "errorOffset");
        assertEquals(expected.facility, actual.facility, "facility");
        assertEquals(expected.severity, actual.severity, "severity");
        assertEquals(expected.flags, actual.flags, "flags");
        assertArrayEquals(expected.fieldOffset, actual.fieldOffset, "fieldOffset");
        assertArrayEquals(expected.fieldLength, actual.fieldLength, "fieldLength");
        assertArrayEquals(
            new int[] {expected.tsYear, expected.tsMonth, expected.tsDay, expected.tsHour, expected.tsMinute,
                expected.tsSecond, expected.tsNanos, expected.tsOffsetMinutes},
            new int[] {actual.tsYear, actual.tsMonth, actual.tsDay, actual.tsHour, actual.tsMinute,
                actual.tsSecond, actual.tsNanos, actual.tsOffsetMinutes}, "timestamp components");
    }
}
