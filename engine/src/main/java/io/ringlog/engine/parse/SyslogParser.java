package io.ringlog.engine.parse;

import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.ParseError;

import static io.ringlog.engine.parse.SyslogSyntax.SP;
import static io.ringlog.engine.parse.SyslogSyntax.isDigit;

/**
 * Picks the grammar for each message and delegates to a flyweight parser, so one listener port can take RFC 5424
 * and BSD senders alike.
 *
 * <p>Detection ({@link Mode#AUTO}): a message is RFC 5424 when it starts with a valid {@code <PRI>} followed by a
 * VERSION (a non-zero digit and at most two more digits) and SP, as in {@code <34>1 2003-...}. That prefix is
 * never the start of a BSD header (its timestamp starts with a month name or a four-digit year), so the test
 * costs a few byte compares and does not guess. Everything else, including a malformed PRI, goes to the RFC 3164
 * parser, whose error for a bad PRI is the same as RFC 5424's. A message detected as RFC 5424 that then fails is
 * journaled as UNPARSED with the RFC 5424 error: retrying it as BSD would hide a broken sender.
 *
 * <p>Threading: one instance per parser thread (it owns its two flyweights).
 */
public final class SyslogParser
{
    /** Which grammar to use. */
    public enum Mode
    {
        /** Detect per message. */
        AUTO,
        /** Every message is RFC 5424; anything else is an error. */
        RFC5424,
        /** Every message is BSD syslog. */
        RFC3164
    }

    private final Mode mode;
    private final Rfc5424Parser rfc5424 = new Rfc5424Parser();
    private final Rfc3164Parser rfc3164 = new Rfc3164Parser();

    public SyslogParser()
    {
        this(Mode.AUTO);
    }

    public SyslogParser(final Mode mode)
    {
        if (mode == null)
        {
            throw new IllegalArgumentException("mode must not be null");
        }
        this.mode = mode;
    }

    public Mode mode()
    {
        return mode;
    }

    /**
     * Parses the event's raw bytes into its parse part.
     *
     * @return true when the message parsed; false when it is {@code UNPARSED} with an error code and offset.
     */
    public boolean parse(final LogEvent event)
    {
        if (event.rawLength == 0)
        {
            event.resetParse();
            event.errorCode = ParseError.EMPTY;
            event.errorOffset = 0;
            return false;
        }
        switch (mode)
        {
            case RFC5424:
                return rfc5424.parse(event);
            case RFC3164:
                return rfc3164.parse(event);
            default:
                return looksLikeRfc5424(event.raw, event.rawLength) ? rfc5424.parse(event) : rfc3164.parse(event);
        }
    }

    /** True when the bytes start with {@code <PRI>VERSION SP}. */
    static boolean looksLikeRfc5424(final byte[] b, final int length)
    {
        final int pri = SyslogSyntax.pri(b, length);
        if (pri < 0)
        {
            return false;
        }
        final int start = pri >>> 8;
        if (start >= length || b[start] < '1' || b[start] > '9')
        {
            return false;
        }
        int i = start + 1;
        while (i < length && i - start < 3 && isDigit(b[i]))
        {
            i++;
        }
        return i < length && b[i] == SP;
    }
}
