package io.ringlog.engine.parse;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseError;
import io.ringlog.engine.event.ParseFlags;

import static io.ringlog.engine.parse.SyslogSyntax.SP;
import static io.ringlog.engine.parse.SyslogSyntax.isDigit;

/**
 * Lenient BSD syslog (RFC 3164) parser for what senders really emit: one pass, offsets only, never fails on the
 * shape of the text, because RFC 3164 describes observed practice rather than a grammar a sender must meet.
 *
 * <pre>
 * [&lt;PRI&gt;] [SP*] [TIMESTAMP[:] SP+ [HOSTNAME SP]] [TAG[[PID]][:] SP*] MESSAGE
 * </pre>
 *
 * <p>Choices, in reading order:
 * <ul>
 *   <li>PRI: missing → facility user (1), severity notice (5), {@link ParseFlags#PRI_ASSUMED} (§4.3.3). A
 *       {@code <} that does not open a valid PRI (1–3 digits, no leading zero, ≤ 191, {@code >}) makes the
 *       message {@link MessageFormat#UNPARSED} with {@link ParseError#BAD_PRI}: such bytes are more likely
 *       garbage or a broken frame than a sender that omitted the PRI. This and an empty message are the only
 *       failures.</li>
 *   <li>Spaces before the timestamp are skipped (some senders write {@code <38> Mar  7 ...}).</li>
 *   <li>TIMESTAMP: {@code Mmm dd hh:mm:ss} (month in any case, day space-padded or not), with a year
 *       ({@code Mmm dd yyyy hh:mm:ss}, {@link ParseFlags#YEAR_IN_3164}) or a fraction ({@code .SSS}); or an
 *       RFC 3339 timestamp, zone optional ({@link ParseFlags#RFC3339_IN_3164}). A colon right after it (Cisco
 *       {@code Mar 7 2008 19:06:53: ...}) is skipped and not part of the field. An out-of-range date or time is
 *       no timestamp.</li>
 *   <li>No recognisable timestamp: per §4.3.3 the whole rest is content, so no HOSTNAME is looked for (a
 *       first word is far more often a program than a host there); TAG and MESSAGE are still read.</li>
 *   <li>HOSTNAME: the word after the timestamp when it looks like a host: letters, digits, {@code - . _},
 *       bytes ≥ 0x80 (IDN in UTF-8), or an IPv4/IPv6 address. A word ending in {@code :} (other than an IPv6
 *       address such as {@code 0002::}) or containing {@code [} is the TAG, and the host is absent
 *       ({@code <13>Nov 25 04:36:48 su: ...} is a local message with no host). Absent → {@link
 *       ParseFlags#NO_HOSTNAME}.</li>
 *   <li>TAG: APP_NAME up to {@code [}, {@code :} or SP (no 32-byte limit: real tags are longer); PROC_ID is the
 *       text inside {@code [...]}. A line with no tag word (the word after the host starts with SP or {@code [})
 *       has APP_NAME absent.</li>
 *   <li>MESSAGE: the rest after the tag's {@code :} and/or spaces; always present, possibly empty.</li>
 * </ul>
 *
 * <p>Threading: one instance per parser thread; the instance holds per-message scratch state.
 */
public final class Rfc3164Parser
{
    static final int DEFAULT_FACILITY = 1;
    static final int DEFAULT_SEVERITY = 5;
    static final int MAX_HOSTNAME = 255;

    private LogEvent event;
    private byte[] b;
    private int end;
    private int pos;

    /**
     * Parses the event's raw bytes as RFC 3164. Resets the parse part of the event first; flags are OR-ed in.
     *
     * @return true when the message was read ({@code format == RFC3164}); false only for an empty message or
     * an invalid PRI.
     */
    public boolean parse(final LogEvent event)
    {
        event.resetParse();
        this.event = event;
        this.b = event.raw;
        this.end = event.rawLength;
        this.pos = 0;
        final boolean ok = parseMessage();
        this.event = null;
        this.b = null;
        return ok;
    }

    private boolean parseMessage()
    {
        if (end == 0)
        {
            return fail(ParseError.EMPTY, 0);
        }
        if (b[0] == '<')
        {
            final int pri = SyslogSyntax.pri(b, end);
            if (pri < 0)
            {
                return fail(ParseError.BAD_PRI, -pri - 1);
            }
            event.facility = (byte)((pri & 0xFF) >> 3);
            event.severity = (byte)(pri & 7);
            pos = pri >>> 8;
        }
        else
        {
            event.facility = DEFAULT_FACILITY;
            event.severity = DEFAULT_SEVERITY;
            event.flags |= ParseFlags.PRI_ASSUMED;
        }
        skipSpaces();

        if (timestamp())
        {
            skipSpaces();
            hostname();
        }
        if (event.fieldOffset[Field.HOSTNAME] == Field.ABSENT)
        {
            event.flags |= ParseFlags.NO_HOSTNAME;
        }
        tag();
        skipSpaces();
        event.field(Field.MESSAGE, pos, end - pos);
        event.format = MessageFormat.RFC3164;
        return true;
    }

    /** Reads a timestamp at {@link #pos} if there is one that ends at SP or end of message. */
    private boolean timestamp()
    {
        if (pos >= end)
        {
            return false;
        }
        final int start = pos;
        final boolean rfc3339 = isDigit(b[pos]);
        final int tsEnd = rfc3339 ?
            TimestampReader.rfc3339(b, pos, end, event, false) : TimestampReader.bsd(b, pos, end, event);
        if (tsEnd < 0)
        {
            return false;
        }
        int next = tsEnd;
        if (next < end && b[next] == ':')
        {
            next++;
        }
        if (next < end && b[next] != SP)
        {
            clearTimestamp();
            return false;
        }
        event.field(Field.TIMESTAMP, start, tsEnd - start);
        if (rfc3339)
        {
            event.flags |= ParseFlags.RFC3339_IN_3164;
        }
        else if (event.tsYear != LogEvent.UNKNOWN)
        {
            event.flags |= ParseFlags.YEAR_IN_3164;
        }
        pos = next;
        return true;
    }

    private void hostname()
    {
        final int start = pos;
        int i = pos;
        while (i < end && b[i] != SP)
        {
            i++;
        }
        if (isHostname(start, i))
        {
            event.field(Field.HOSTNAME, start, i - start);
            pos = i < end ? i + 1 : i;
        }
    }

    private void tag()
    {
        final int start = pos;
        while (pos < end)
        {
            final byte c = b[pos];
            if (c == SP || c == '[' || c == ':')
            {
                break;
            }
            pos++;
        }
        if (pos == start)
        {
            return;
        }
        event.field(Field.APP_NAME, start, pos - start);
        if (pos < end && b[pos] == '[')
        {
            int close = pos + 1;
            while (close < end && b[close] != ']' && b[close] != SP)
            {
                close++;
            }
            if (close < end && b[close] == ']')
            {
                event.field(Field.PROC_ID, pos + 1, close - pos - 1);
                pos = close + 1;
            }
            else
            {
                pos = close;
            }
        }
        if (pos < end && b[pos] == ':')
        {
            pos++;
        }
    }

    /**
     * A host name, IPv4 or IPv6 address: letters, digits, {@code - . _}, non-ASCII bytes; colons only as an IPv6
     * address (hex digits, dots and at least two colons).
     */
    private boolean isHostname(final int start, final int tokenEnd)
    {
        final int length = tokenEnd - start;
        if (length == 0 || length > MAX_HOSTNAME)
        {
            return false;
        }
        int colons = 0;
        boolean allHex = true;
        for (int i = start; i < tokenEnd; i++)
        {
            final byte c = b[i];
            if (c == ':')
            {
                colons++;
            }
            else if (isHexDigit(c) || c == '.')
            {
                continue;
            }
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c < 0)
            {
                allHex = false;
            }
            else
            {
                return false;
            }
        }
        return colons == 0 || (colons >= 2 && allHex);
    }

    private void skipSpaces()
    {
        while (pos < end && b[pos] == SP)
        {
            pos++;
        }
    }

    private void clearTimestamp()
    {
        event.tsYear = LogEvent.UNKNOWN;
        event.tsMonth = LogEvent.UNKNOWN;
        event.tsDay = LogEvent.UNKNOWN;
        event.tsHour = LogEvent.UNKNOWN;
        event.tsMinute = LogEvent.UNKNOWN;
        event.tsSecond = LogEvent.UNKNOWN;
        event.tsNanos = 0;
        event.tsOffsetMinutes = LogEvent.UNKNOWN;
    }

    private static boolean isHexDigit(final byte c)
    {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private boolean fail(final short error, final int offset)
    {
        event.resetParse();
        event.errorCode = error;
        event.errorOffset = offset;
        return false;
    }
}
