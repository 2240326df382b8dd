package io.ringlog.tools;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.journal.JournalRecord;

/**
 * {@code -o short}: one line as a traditional syslog file shows it, {@code Nov 25 04:36:48 host app[pid]: message}.
 *
 * <p>The time is the sender's timestamp when the record has one, else the receipt time, rendered in UTC. An
 * absent hostname or app name shows as {@code -}; {@code [pid]} appears only with a PROCID. A record that did not
 * parse shows its raw text as the message. All message-derived text is escaped by {@link TerminalText}.
 * {@code -o short-iso} is the same line with an RFC 3339 time to the second, {@code 2026-11-25T04:36:48Z}.
 */
public final class ShortFormatter implements RecordFormatter
{
    private final TimeFormat time = new TimeFormat();
    private final boolean iso;

    public ShortFormatter()
    {
        this(false);
    }

    public ShortFormatter(final boolean iso)
    {
        this.iso = iso;
    }

    @Override
    public void format(
        final long index, final JournalRecord record, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        final long timestamp = record.timestampEpochNanos();
        final long nanos = timestamp != LogEvent.NO_TIMESTAMP ? timestamp : record.receivedAtNanos();
        if (iso)
        {
            time.appendRfc3339(nanos - Math.floorMod(nanos, 1_000_000_000L), 0, out);
        }
        else
        {
            time.appendSyslog(nanos, out);
        }
        out.append(' ');
        appendFieldOrDash(record, Field.HOSTNAME, bytes, rawOffset, out);
        out.append(' ');
        appendFieldOrDash(record, Field.APP_NAME, bytes, rawOffset, out);
        if (record.hasField(Field.PROC_ID))
        {
            out.append('[');
            appendField(record, Field.PROC_ID, bytes, rawOffset, out);
            out.append(']');
        }
        out.append(':');
        if (record.format() == MessageFormat.UNPARSED)
        {
            out.append(' ');
            TerminalText.append(bytes, rawOffset, record.rawLength(), out);
        }
        else if (record.hasField(Field.MESSAGE))
        {
            out.append(' ');
            appendField(record, Field.MESSAGE, bytes, rawOffset, out);
        }
        out.append('\n');
    }

    static void appendFieldOrDash(
        final JournalRecord record, final int field, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        if (record.hasField(field))
        {
            appendField(record, field, bytes, rawOffset, out);
        }
        else
        {
            out.append('-');
        }
    }

    static void appendField(
        final JournalRecord record, final int field, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        TerminalText.append(bytes, rawOffset + record.fieldOffset(field), record.fieldLength(field), out);
    }
}
