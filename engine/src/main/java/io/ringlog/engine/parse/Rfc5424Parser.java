package io.ringlog.engine.parse;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseError;
import io.ringlog.engine.event.ParseFlags;

import static io.ringlog.engine.parse.SyslogSyntax.SP;
import static io.ringlog.engine.parse.SyslogSyntax.isPrintUsAscii;

/**
 * Strict RFC 5424 §6 parser: one pass over {@code event.raw[0 .. rawLength)}, writing offsets, never copying.
 *
 * <pre>
 * SYSLOG-MSG = HEADER SP STRUCTURED-DATA [SP MSG]
 * HEADER     = PRI VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID
 * </pre>
 *
 * <p>Choices where the RFC leaves room or the brief is silent:
 * <ul>
 *   <li>VERSION is read as the ABNF has it ({@code NONZERO-DIGIT 0*2DIGIT}, 1..999) and the rest of the message
 *       with the version 1 grammar; {@code 0}, a leading zero or a fourth digit is {@link ParseError#BAD_VERSION}.
 *       The version is not stored: only 1 exists.</li>
 *   <li>TIMESTAMP needs upper-case {@code T} and {@code Z} (§6.2.3) and a zone; the second may be 60.</li>
 *   <li>An unknown escape in a PARAM-VALUE ({@code \n}) is kept as two literal bytes (§6.3.3); an unescaped
 *       {@code ]} in a value is an error (the RFC says it MUST be escaped).</li>
 *   <li>A repeated SD-ID is an error (§6.3.2); only the first {@value #TRACKED_SD_IDS} elements are checked.</li>
 *   <li>MSG starting with the BOM must be well-formed UTF-8 ({@link ParseError#BAD_UTF8}); without the BOM any
 *       bytes are accepted (MSG-ANY). An empty MSG ({@code "... - "}) is absent, like a missing one.</li>
 *   <li>A NILVALUE hostname also sets {@link ParseFlags#NO_HOSTNAME}.</li>
 * </ul>
 *
 * <p>On failure the event is {@link MessageFormat#UNPARSED} with an error code and the byte offset at fault; all
 * fields and timestamp components are reset, but facility and severity are kept when the PRI was valid.
 *
 * <p>Threading: one instance per parser thread; the instance holds per-message scratch state.
 */
public final class Rfc5424Parser
{
    static final int MAX_HOSTNAME = 255;
    static final int MAX_APP_NAME = 48;
    static final int MAX_PROC_ID = 128;
    static final int MAX_MSG_ID = 32;
    static final int MAX_SD_NAME = 32;
    /** SD-IDs remembered per message for the duplicate check; enough for any real message, and preallocated. */
    static final int TRACKED_SD_IDS = 32;

    private final int[] sdIdOffset = new int[TRACKED_SD_IDS];
    private final int[] sdIdLength = new int[TRACKED_SD_IDS];

    private LogEvent event;
    private byte[] b;
    private int end;
    private int pos;

    /**
     * Parses the event's raw bytes as RFC 5424. Resets the parse part of the event first; flags are OR-ed in.
     *
     * @return true when the message is valid RFC 5424 ({@code format == RFC5424}), false when it was marked
     * {@link MessageFormat#UNPARSED} with an error.
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
        final int pri = SyslogSyntax.pri(b, end);
        if (pri < 0)
        {
            return fail(ParseError.BAD_PRI, -pri - 1);
        }
        event.facility = (byte)((pri & 0xFF) >> 3);
        event.severity = (byte)(pri & 7);
        pos = pri >>> 8;

        if (!version())
        {
            return false;
        }
        if (!timestamp())
        {
            return false;
        }
        if (!headerField(Field.HOSTNAME, MAX_HOSTNAME, ParseError.BAD_HOSTNAME) ||
            !headerField(Field.APP_NAME, MAX_APP_NAME, ParseError.BAD_APP_NAME) ||
            !headerField(Field.PROC_ID, MAX_PROC_ID, ParseError.BAD_PROC_ID) ||
            !headerField(Field.MSG_ID, MAX_MSG_ID, ParseError.BAD_MSG_ID))
        {
            return false;
        }
        if (!structuredData())
        {
            return false;
        }
        if (!message())
        {
            return false;
        }
        if (event.fieldOffset[Field.HOSTNAME] == Field.ABSENT)
        {
            event.flags |= ParseFlags.NO_HOSTNAME;
        }
        event.format = MessageFormat.RFC5424;
        return true;
    }

    private boolean version()
    {
        final int start = pos;
        if (pos >= end)
        {
            return fail(ParseError.TRUNCATED_HEADER, pos);
        }
        if (b[pos] < '1' || b[pos] > '9')
        {
            return fail(ParseError.BAD_VERSION, pos);
        }
        pos = SyslogSyntax.skipDigits(b, pos, end);
        if (pos - start > 3)
        {
            return fail(ParseError.BAD_VERSION, start + 3);
        }
        return space(ParseError.BAD_VERSION);
    }

    private boolean timestamp()
    {
        if (pos >= end)
        {
            return fail(ParseError.TRUNCATED_HEADER, pos);
        }
        final int start = pos;
        if (b[pos] == '-')
        {
            pos++;
            return space(ParseError.BAD_TIMESTAMP);
        }
        final int result = TimestampReader.rfc3339(b, pos, end, event, true);
        if (result < 0)
        {
            final int at = -result - 1;
            return fail(at >= end ? ParseError.TRUNCATED_HEADER : ParseError.BAD_TIMESTAMP, at);
        }
        pos = result;
        event.field(Field.TIMESTAMP, start, pos - start);
        return space(ParseError.BAD_TIMESTAMP);
    }

    /** A header token of 1..max PRINTUSASCII, or NILVALUE (left absent), followed by SP. */
    private boolean headerField(final int field, final int max, final short error)
    {
        final byte[] b = this.b;
        final int start = pos;
        final int limit = Math.min(end, start + max + 1);
        int i = start;
        while (i < limit && isPrintUsAscii(b[i]))
        {
            i++;
        }
        pos = i;
        final int length = i - start;
        if (length > max)
        {
            return fail(error, start + max);
        }
        if (pos >= end)
        {
            return fail(ParseError.TRUNCATED_HEADER, end);
        }
        if (length == 0 || b[pos] != SP)
        {
            return fail(error, pos);
        }
        if (length != 1 || b[start] != '-')
        {
            event.field(field, start, length);
        }
        pos++;
        return true;
    }

    private boolean structuredData()
    {
        if (pos >= end)
        {
            return fail(ParseError.TRUNCATED_HEADER, end);
        }
        final int start = pos;
        if (b[pos] == '-')
        {
            pos++;
            return true;
        }
        if (b[pos] != '[')
        {
            return fail(ParseError.BAD_STRUCTURED_DATA, pos);
        }
        int elements = 0;
        while (pos < end && b[pos] == '[')
        {
            pos++;
            final int idStart = pos;
            if (!sdName())
            {
                return false;
            }
            if (isDuplicateSdId(idStart, pos - idStart, elements))
            {
                return fail(ParseError.BAD_STRUCTURED_DATA, idStart);
            }
            if (elements < TRACKED_SD_IDS)
            {
                sdIdOffset[elements] = idStart;
                sdIdLength[elements] = pos - idStart;
            }
            elements++;
            if (!sdParams())
            {
                return false;
            }
        }
        event.field(Field.STRUCTURED_DATA, start, pos - start);
        return true;
    }

    /** {@code *(SP PARAM-NAME "=" %d34 PARAM-VALUE %d34) "]"} after the SD-ID. */
    private boolean sdParams()
    {
        while (true)
        {
            if (pos >= end)
            {
                return fail(ParseError.BAD_STRUCTURED_DATA, end);
            }
            final byte c = b[pos];
            if (c == ']')
            {
                pos++;
                return true;
            }
            if (c != SP)
            {
                return fail(ParseError.BAD_STRUCTURED_DATA, pos);
            }
            pos++;
            if (!sdName())
            {
                return false;
            }
            if (pos >= end || b[pos] != '=')
            {
                return fail(ParseError.BAD_STRUCTURED_DATA, Math.min(pos, end));
            }
            pos++;
            if (pos >= end || b[pos] != '"')
            {
                return fail(ParseError.BAD_STRUCTURED_DATA, Math.min(pos, end));
            }
            pos++;
            if (!sdValue())
            {
                return false;
            }
        }
    }

    /** PARAM-VALUE up to and past its closing quote; see the class comment for escapes. */
    private boolean sdValue()
    {
        final byte[] b = this.b;
        final int end = this.end;
        int i = pos;
        while (i < end)
        {
            final byte c = b[i];
            if (c == '"')
            {
                pos = i + 1;
                return true;
            }
            if (c == ']')
            {
                return fail(ParseError.BAD_STRUCTURED_DATA, i);
            }
            i += c == '\\' && i + 1 < end ? 2 : 1;
        }
        return fail(ParseError.BAD_STRUCTURED_DATA, end);
    }

    /** SD-NAME: 1..32 PRINTUSASCII except {@code = SP ] "}. */
    private boolean sdName()
    {
        final byte[] b = this.b;
        final int start = pos;
        final int limit = Math.min(end, start + MAX_SD_NAME + 1);
        int i = start;
        while (i < limit && isSdNameChar(b[i]))
        {
            i++;
        }
        pos = i;
        if (i - start > MAX_SD_NAME)
        {
            return fail(ParseError.BAD_STRUCTURED_DATA, start + MAX_SD_NAME);
        }
        if (i == start)
        {
            return fail(ParseError.BAD_STRUCTURED_DATA, i);
        }
        return true;
    }

    private boolean isDuplicateSdId(final int offset, final int length, final int elements)
    {
        final int tracked = Math.min(elements, TRACKED_SD_IDS);
        for (int e = 0; e < tracked; e++)
        {
            if (sdIdLength[e] == length && regionEquals(sdIdOffset[e], offset, length))
            {
                return true;
            }
        }
        return false;
    }

    private boolean regionEquals(final int a, final int c, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (b[a + i] != b[c + i])
            {
                return false;
            }
        }
        return true;
    }

    private boolean message()
    {
        if (pos >= end)
        {
            return true;
        }
        if (b[pos] != SP)
        {
            return fail(ParseError.BAD_STRUCTURED_DATA, pos);
        }
        pos++;
        if (pos >= end)
        {
            return true;
        }
        if (pos + 3 <= end && b[pos] == (byte)0xEF && b[pos + 1] == (byte)0xBB && b[pos + 2] == (byte)0xBF)
        {
            pos += 3;
            final int bad = SyslogSyntax.invalidUtf8At(b, pos, end);
            if (bad >= 0)
            {
                return fail(ParseError.BAD_UTF8, bad);
            }
            event.flags |= ParseFlags.BOM;
        }
        event.field(Field.MESSAGE, pos, end - pos);
        return true;
    }

    private boolean space(final short error)
    {
        if (pos >= end)
        {
            return fail(ParseError.TRUNCATED_HEADER, end);
        }
        if (b[pos] != SP)
        {
            return fail(error, pos);
        }
        pos++;
        return true;
    }

    private static boolean isSdNameChar(final byte c)
    {
        return isPrintUsAscii(c) && c != '=' && c != ']' && c != '"';
    }

    /** Marks the event unparsed, keeping only facility and severity from a valid PRI. */
    private boolean fail(final short error, final int offset)
    {
        final byte facility = event.facility;
        final byte severity = event.severity;
        event.resetParse();
        event.facility = facility;
        event.severity = severity;
        event.errorCode = error;
        event.errorOffset = offset;
        return false;
    }
}
