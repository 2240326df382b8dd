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
 * [&lt;PRI&gt;] [SP*] [COUNTER": " [ORIGIN": "]] [[*.]TIMESTAMP [ZONE][:] SP+ [HOSTNAME SP]] [TAG[[PID]][:] SP*] MESSAGE
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
 *   <li>Cisco: digits then {@code ": "} before the timestamp are IOS's message counter, skipped with {@link
 *       ParseFlags#SEQUENCE_NUMBER} (twice with {@code service sequence-numbers}; NX-OS sends an empty one,
 *       {@code <189>: 2012 Jun 22 ...}). After a counter, {@code word": "} followed by a timestamp is the
 *       {@code logging origin-id} HOSTNAME ({@code <189>12: rtr1: *Mar  1 ...}), as rsyslog's pmciscoios reads
 *       it. A {@code *} or {@code .} right before the timestamp is IOS's clock-not-synchronised marker: skipped,
 *       {@link ParseFlags#CLOCK_UNSYNCED}.</li>
 *   <li>TIMESTAMP: {@code Mmm dd hh:mm:ss} (month in any case, day space-padded or not), with a year
 *       ({@code Mmm dd yyyy hh:mm:ss}, {@link ParseFlags#YEAR_IN_3164}) or a fraction ({@code .SSS}); or an
 *       RFC 3339 timestamp, zone optional ({@link ParseFlags#RFC3339_IN_3164}); or a year after the time
 *       ({@code Mar  1 10:00:00 2026}); or NX-OS's {@code yyyy Mmm dd hh:mm:ss}, only when a colon ends it (so that
 *       §5.4 example 5, {@code 1990 Oct 22 10:52:01 TZ-6 ...}, stays no timestamp, as the RFC says). A zone name
 *       followed by a colon ({@code 18:48:50.483 UTC:}) is part of the field ({@link ParseFlags#ZONE_NAME}; UTC,
 *       GMT and UT set the offset). A colon right after it (Cisco {@code Mar 7 2008 19:06:53: ...}) is skipped
 *       and not part of the field. An out-of-range date or time is no timestamp.</li>
 *   <li>No recognisable timestamp: per §4.3.3 the whole rest is content, so no HOSTNAME is looked for (a
 *       first word is far more often a program than a host there); TAG and MESSAGE are still read.</li>
 *   <li>HOSTNAME: the word after the timestamp when it looks like a host: letters, digits, {@code - . _},
 *       bytes ≥ 0x80 (IDN in UTF-8), or an IPv4/IPv6 address. A word ending in {@code :} (other than an IPv6
 *       address such as {@code 0002::}) or containing {@code [} is the TAG, and the host is absent
 *       ({@code <13>Nov 25 04:36:48 su: ...} is a local message with no host). Absent → {@link
 *       ParseFlags#NO_HOSTNAME}. A lone {@code :} after the host (Cisco ASA's {@code asa-fw1 : %ASA-...}) is
 *       skipped.</li>
 *   <li>TAG: APP_NAME up to {@code [}, {@code :}, SP or a control byte such as TAB (no 32-byte limit: real
 *       tags are longer); PROC_ID is the text inside {@code [...]}. There is no tag ({@link ParseFlags#NO_TAG},
 *       APP_NAME absent) when the word after the host starts with SP or {@code [} (kernel lines such as
 *       {@code [ 12.34] usb ...}), when it is a {@code key=value} pair (FortiGate's {@code date=2024-03-01 ...}:
 *       a key of letters, digits, {@code _ . -} then {@code =}), and for syslogd's own
 *       {@code last message repeated N times}, which no program named {@code last} sent.</li>
 *   <li>MESSAGE: the rest after the tag's {@code :} and/or spaces and tabs; always present, possibly empty.</li>
 * </ul>
 *
 * <p>Threading: one instance per parser thread; the instance holds per-message scratch state.
 */
public final class Rfc3164Parser
{
    static final int DEFAULT_FACILITY = 1;
    static final int DEFAULT_SEVERITY = 5;

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

        if (counter() && originHost())
        {
            skipSpaces();
        }
        else if (timestamp())
        {
            skipSpaces();
            hostname();
        }
        if (event.fieldOffset[Field.HOSTNAME] == Field.ABSENT)
        {
            event.flags |= ParseFlags.NO_HOSTNAME;
        }
        tag();
        while (pos < end && (b[pos] == SP || b[pos] == '\t'))
        {
            pos++;
        }
        event.field(Field.MESSAGE, pos, end - pos);
        event.format = MessageFormat.RFC3164;
        return true;
    }

    /**
     * Skips Cisco message counters ({@code 123: }, then {@code 000045: } when both are on, or NX-OS's bare
     * {@code : }).
     *
     * @return true when at least one was skipped.
     */
    private boolean counter()
    {
        boolean found = false;
        for (int n = 0; n < 2; n++)
        {
            final int i = SyslogSyntax.skipDigits(b, pos, end);
            if (i + 1 >= end || b[i] != ':' || b[i + 1] != SP || (i == pos && n > 0))
            {
                break;
            }
            pos = i + 2;
            skipSpaces();
            found = true;
        }
        if (found)
        {
            event.flags |= ParseFlags.SEQUENCE_NUMBER;
        }
        return found;
    }

    /** After a counter: {@code host": "} followed by a timestamp (IOS {@code logging origin-id}); else no change. */
    private boolean originHost()
    {
        final int start = pos;
        int i = pos;
        while (i < end && b[i] != SP)
        {
            i++;
        }
        if (i >= end || i - start < 2 || b[i - 1] != ':' || !Rfc3164Words.isHostname(b, start, i - 1))
        {
            return false;
        }
        pos = i + 1;
        skipSpaces();
        if (!timestamp())
        {
            pos = start;
            return false;
        }
        event.field(Field.HOSTNAME, start, i - 1 - start);
        return true;
    }

    /** Reads a timestamp at {@link #pos} if there is one that ends at SP or end of message. */
    private boolean timestamp()
    {
        if (pos >= end)
        {
            return false;
        }
        final int marker = pos;
        final boolean marked = b[pos] == '*' || b[pos] == '.';
        final int start = marked ? pos + 1 : pos;
        if (start >= end)
        {
            return false;
        }
        boolean rfc3339 = false;
        boolean yearFirst = false;
        int tsEnd;
        if (isDigit(b[start]))
        {
            tsEnd = TimestampReader.rfc3339(b, start, end, event, false);
            rfc3339 = tsEnd >= 0;
            if (!rfc3339)
            {
                tsEnd = TimestampReader.bsdYearFirst(b, start, end, event);
                yearFirst = true;
            }
        }
        else
        {
            tsEnd = TimestampReader.bsd(b, start, end, event);
        }
        if (tsEnd < 0)
        {
            return false;
        }
        final int zoneEnd = rfc3339 ? -1 : TimestampReader.bsdZoneName(b, tsEnd, end);
        final int fieldEnd = zoneEnd >= 0 ? zoneEnd : tsEnd;
        int next = fieldEnd;
        final boolean colon = next < end && b[next] == ':';
        if (colon)
        {
            next++;
        }
        if ((next < end && b[next] != SP) || (yearFirst && !colon))
        {
            clearTimestamp();
            pos = marker;
            return false;
        }
        event.field(Field.TIMESTAMP, start, fieldEnd - start);
        if (rfc3339)
        {
            event.flags |= ParseFlags.RFC3339_IN_3164;
        }
        else if (event.tsYear != LogEvent.UNKNOWN)
        {
            event.flags |= ParseFlags.YEAR_IN_3164;
        }
        if (marked)
        {
            event.flags |= ParseFlags.CLOCK_UNSYNCED;
        }
        if (zoneEnd >= 0)
        {
            event.flags |= ParseFlags.ZONE_NAME;
            if (Rfc3164Words.isUtcName(b, tsEnd + 1, zoneEnd))
            {
                event.tsOffsetMinutes = 0;
            }
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
        if (Rfc3164Words.isHostname(b, start, i))
        {
            event.field(Field.HOSTNAME, start, i - start);
            pos = i < end ? i + 1 : i;
            if (pos + 1 < end && b[pos] == ':' && b[pos + 1] == SP)
            {
                pos += 2; // Cisco ASA with "logging device-id": "asa-fw1 : %ASA-6-302013: ..."
                skipSpaces();
            }
        }
    }

    private void tag()
    {
        final int start = pos;
        boolean key = true;
        while (pos < end)
        {
            final byte c = b[pos];
            if ((c >= 0 && c <= SP) || c == '[' || c == ':')
            {
                break;
            }
            if (c == '=' && key && pos > start)
            {
                noTag(start);
                return;
            }
            key = key && Rfc3164Words.isKeyChar(c);
            pos++;
        }
        if (pos == start || Rfc3164Words.isLastMessageRepeated(b, start, pos, end))
        {
            noTag(start);
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

    private void noTag(final int start)
    {
        pos = start;
        event.flags |= ParseFlags.NO_TAG;
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

    private boolean fail(final short error, final int offset)
    {
        event.resetParse();
        event.errorCode = error;
        event.errorOffset = offset;
        return false;
    }
}
