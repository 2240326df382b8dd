package io.ringlog.tools;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.journal.JournalRecord;

/**
 * {@code -o rfc5424} and {@code -o rfc3164}: each record rewritten as a syslog line of that grammar, whatever
 * grammar it arrived in, from the parsed fields ({@code -o raw} is the way to get the bytes as sent).
 *
 * <ul>
 *   <li>rfc5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG}; the TIMESTAMP token as sent for
 *       an RFC 5424 record, else the normalised time with its zone offset, else the receipt time in UTC; absent
 *       fields as {@code -}.</li>
 *   <li>rfc3164: {@code <PRI>Mmm dd hh:mm:ss HOSTNAME APP[PROCID]: MSG}, the time in the sender's zone offset
 *       (or the receipt time in UTC).</li>
 * </ul>
 * A record without facility or severity gets user.notice ({@code <13>}), the default RFC 3164 gives a message
 * without PRI; one that did not parse carries its raw text as MSG. All message-derived text is escaped by
 * {@link TerminalText}, so a line is always one line.
 */
public final class SyslogLineFormatter implements RecordFormatter
{
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final TimeFormat time = new TimeFormat();
    private final boolean rfc5424;

    public SyslogLineFormatter(final boolean rfc5424)
    {
        this.rfc5424 = rfc5424;
    }

    @Override
    public void format(
        final long index, final JournalRecord record, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        final int facility = record.facility() < 0 ? 1 : record.facility();
        final int severity = record.severity() < 0 ? 5 : record.severity();
        out.append('<').append(facility * 8 + severity).append('>');
        final long timestamp = record.timestampEpochNanos();
        if (rfc5424)
        {
            out.append('1').append(' ');
            if (record.format() == MessageFormat.RFC5424 && record.hasField(Field.TIMESTAMP))
            {
                ShortFormatter.appendField(record, Field.TIMESTAMP, bytes, rawOffset, out);
            }
            else if (timestamp != LogEvent.NO_TIMESTAMP)
            {
                time.appendRfc3339(timestamp, record.timestampOffsetMinutes(), out);
            }
            else
            {
                time.appendRfc3339(record.receivedAtNanos(), 0, out);
            }
            for (int field = Field.HOSTNAME; field <= Field.STRUCTURED_DATA; field++)
            {
                out.append(' ');
                ShortFormatter.appendFieldOrDash(record, field, bytes, rawOffset, out);
            }
        }
        else
        {
            time.appendSyslog(timestamp != LogEvent.NO_TIMESTAMP ?
                timestamp + record.timestampOffsetMinutes() * NANOS_PER_MINUTE : record.receivedAtNanos(), out);
            out.append(' ');
            ShortFormatter.appendFieldOrDash(record, Field.HOSTNAME, bytes, rawOffset, out);
            out.append(' ');
            ShortFormatter.appendFieldOrDash(record, Field.APP_NAME, bytes, rawOffset, out);
            if (record.hasField(Field.PROC_ID))
            {
                out.append('[');
                ShortFormatter.appendField(record, Field.PROC_ID, bytes, rawOffset, out);
                out.append(']');
            }
            out.append(':');
        }
        if (record.format() == MessageFormat.UNPARSED)
        {
            out.append(' ');
            TerminalText.append(bytes, rawOffset, record.rawLength(), out);
        }
        else if (record.hasField(Field.MESSAGE))
        {
            out.append(' ');
            ShortFormatter.appendField(record, Field.MESSAGE, bytes, rawOffset, out);
        }
        out.append('\n');
    }
}
