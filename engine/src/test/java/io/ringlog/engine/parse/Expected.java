package io.ringlog.engine.parse;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One row of a parser case table: the input and every value the parse must produce. Unset fields are expected
 * absent, unset timestamp components UNKNOWN, so a valid row asserts the whole parse part of the slot.
 */
final class Expected
{
    private static final int U = LogEvent.UNKNOWN;

    final String name;
    final byte[] input;
    final boolean valid;
    final int format;
    int facility = -1;
    int severity = -1;
    final String[] fields = new String[Field.COUNT];
    final int[] ts = {U, U, U, U, U, U, 0, U};
    int flags;
    short error;
    int errorOffset = -1;

    private Expected(final String name, final byte[] input, final boolean valid, final int format)
    {
        this.name = name;
        this.input = input;
        this.valid = valid;
        this.format = format;
    }

    static Expected valid(final int format, final String name, final String input)
    {
        return new Expected(name, input.getBytes(StandardCharsets.UTF_8), true, format);
    }

    static Expected valid(final int format, final String name, final byte[] input)
    {
        return new Expected(name, input, true, format);
    }

    static Expected invalid(final String name, final String input, final short error, final int offset)
    {
        return invalid(name, input.getBytes(StandardCharsets.UTF_8), error, offset);
    }

    static Expected invalid(final String name, final byte[] input, final short error, final int offset)
    {
        final Expected e = new Expected(name, input, false, MessageFormat.UNPARSED);
        e.error = error;
        e.errorOffset = offset;
        return e;
    }

    /** UTF-8 of {@code prefix} followed by raw bytes. */
    static byte[] bytes(final String prefix, final int... tail)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        for (final int b : tail)
        {
            out.write(b);
        }
        return out.toByteArray();
    }

    Expected pri(final int facility, final int severity)
    {
        this.facility = facility;
        this.severity = severity;
        return this;
    }

    Expected ts(
        final String text,
        final int year,
        final int month,
        final int day,
        final int hour,
        final int minute,
        final int second,
        final int nanos,
        final int offsetMinutes)
    {
        fields[Field.TIMESTAMP] = text;
        ts[0] = year;
        ts[1] = month;
        ts[2] = day;
        ts[3] = hour;
        ts[4] = minute;
        ts[5] = second;
        ts[6] = nanos;
        ts[7] = offsetMinutes;
        return this;
    }

    Expected host(final String value)
    {
        fields[Field.HOSTNAME] = value;
        return this;
    }

    Expected app(final String value)
    {
        fields[Field.APP_NAME] = value;
        return this;
    }

    Expected procId(final String value)
    {
        fields[Field.PROC_ID] = value;
        return this;
    }

    Expected msgId(final String value)
    {
        fields[Field.MSG_ID] = value;
        return this;
    }

    Expected sd(final String value)
    {
        fields[Field.STRUCTURED_DATA] = value;
        return this;
    }

    Expected msg(final String value)
    {
        fields[Field.MESSAGE] = value;
        return this;
    }

    Expected flags(final int flags)
    {
        this.flags = flags;
        return this;
    }

    /** A slot holding the input, as the listener leaves it. */
    LogEvent event()
    {
        return event(input);
    }

    static LogEvent event(final byte[] input)
    {
        final LogEvent event = new LogEvent(1024);
        event.ensureCapacity(input.length);
        System.arraycopy(input, 0, event.raw, 0, input.length);
        event.rawLength = input.length;
        return event;
    }

    /** The field's bytes as UTF-8 text, or null when absent. */
    static String text(final LogEvent event, final int field)
    {
        final int offset = event.fieldOffset[field];
        if (offset == Field.ABSENT)
        {
            return null;
        }
        return new String(event.raw, offset, event.fieldLength[field], StandardCharsets.UTF_8);
    }

    void assertMatches(final LogEvent e)
    {
        assertAll(
            name,
            () -> assertEquals(MessageFormat.name(format), MessageFormat.name(e.format), "format"),
            () -> assertEquals(error, e.errorCode, "errorCode"),
            () -> assertEquals(errorOffset, e.errorOffset, "errorOffset"),
            () -> assertEquals(facility, e.facility, "facility"),
            () -> assertEquals(severity, e.severity, "severity"),
            () -> assertEquals(fields[Field.TIMESTAMP], text(e, Field.TIMESTAMP), "TIMESTAMP"),
            () -> assertEquals(fields[Field.HOSTNAME], text(e, Field.HOSTNAME), "HOSTNAME"),
            () -> assertEquals(fields[Field.APP_NAME], text(e, Field.APP_NAME), "APP_NAME"),
            () -> assertEquals(fields[Field.PROC_ID], text(e, Field.PROC_ID), "PROC_ID"),
            () -> assertEquals(fields[Field.MSG_ID], text(e, Field.MSG_ID), "MSG_ID"),
            () -> assertEquals(fields[Field.STRUCTURED_DATA], text(e, Field.STRUCTURED_DATA), "STRUCTURED_DATA"),
            () -> assertEquals(fields[Field.MESSAGE], text(e, Field.MESSAGE), "MESSAGE"),
            () -> assertEquals(ts[0], e.tsYear, "tsYear"),
            () -> assertEquals(ts[1], e.tsMonth, "tsMonth"),
            () -> assertEquals(ts[2], e.tsDay, "tsDay"),
            () -> assertEquals(ts[3], e.tsHour, "tsHour"),
            () -> assertEquals(ts[4], e.tsMinute, "tsMinute"),
            () -> assertEquals(ts[5], e.tsSecond, "tsSecond"),
            () -> assertEquals(ts[6], e.tsNanos, "tsNanos"),
            () -> assertEquals(ts[7], e.tsOffsetMinutes, "tsOffsetMinutes"),
            () -> assertEquals(Integer.toBinaryString(flags), Integer.toBinaryString(e.flags), "flags"));
    }

    @Override
    public String toString()
    {
        return name;
    }
}
