package io.ringlog.engine.parse;

import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyslogParserTest
{
    private static LogEvent event(final String text)
    {
        return Expected.event(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte format(final SyslogParser parser, final String text)
    {
        final LogEvent event = event(text);
        parser.parse(event);
        return event.format;
    }

    @Test
    void detectsEachFormat()
    {
        final SyslogParser parser = new SyslogParser();
        assertEquals(MessageFormat.RFC5424, format(parser, "<34>1 2003-10-11T22:14:15.003Z host su - ID47 - x"));
        assertEquals(MessageFormat.RFC5424, format(parser, "<13>999 - - - - - -"));
        assertEquals(MessageFormat.RFC3164, format(parser, "<34>Oct 11 22:14:15 mymachine su: x"));
        assertEquals(MessageFormat.RFC3164, format(parser, "<13>2024-11-25T04:36:48Z myhost app: msg"));
        assertEquals(MessageFormat.RFC3164, format(parser, "no pri at all"));
        assertEquals(MessageFormat.RFC3164, format(parser, "<13>1x foo"));
    }

    @Test
    void detectedRfc5424ThatFailsStaysUnparsed()
    {
        final LogEvent event = event("<13>1 2003-10-11T22:14:15 host - - - -");
        assertFalse(new SyslogParser().parse(event));
        assertEquals(MessageFormat.UNPARSED, event.format);
        assertEquals(ParseError.BAD_TIMESTAMP, event.errorCode);
        assertEquals(1, event.facility);
        assertEquals(5, event.severity);
    }

    @Test
    void badPriIsUnparsedInAutoMode()
    {
        final LogEvent event = event("<999>1 - - - - - -");
        assertFalse(new SyslogParser().parse(event));
        assertEquals(ParseError.BAD_PRI, event.errorCode);
        assertEquals(1, event.errorOffset);
        assertEquals(-1, event.facility);
    }

    @Test
    void emptyMessageIsUnparsed()
    {
        for (final SyslogParser.Mode mode : SyslogParser.Mode.values())
        {
            final LogEvent event = event("");
            assertFalse(new SyslogParser(mode).parse(event));
            assertEquals(MessageFormat.UNPARSED, event.format);
            assertEquals(ParseError.EMPTY, event.errorCode);
            assertEquals(0, event.errorOffset);
        }
    }

    @Test
    void forcedModes()
    {
        final SyslogParser rfc5424 = new SyslogParser(SyslogParser.Mode.RFC5424);
        final LogEvent bsd = event("<34>Oct 11 22:14:15 mymachine su: x");
        assertFalse(rfc5424.parse(bsd));
        assertEquals(ParseError.BAD_VERSION, bsd.errorCode);

        final SyslogParser rfc3164 = new SyslogParser(SyslogParser.Mode.RFC3164);
        final LogEvent modern = event("<13>1 - host app - - - msg");
        assertTrue(rfc3164.parse(modern));
        assertEquals(MessageFormat.RFC3164, modern.format);
        assertEquals(SyslogParser.Mode.RFC3164, rfc3164.mode());
        assertThrows(IllegalArgumentException.class, () -> new SyslogParser(null));
    }

    @Test
    void handlerParsesOnlyItsOwnSequences()
    {
        final int count = 3;
        final ParserHandler[] handlers = new ParserHandler[count];
        for (int i = 0; i < count; i++)
        {
            handlers[i] = new ParserHandler(i, count, new SyslogParser());
        }
        for (long sequence = 0; sequence < 9; sequence++)
        {
            final LogEvent event = event("<13>1 - h - - - -");
            event.format = MessageFormat.JSON;
            for (final ParserHandler handler : handlers)
            {
                handler.onEvent(event, sequence, false);
                final boolean mine = sequence % count == handler.id();
                if (mine)
                {
                    assertEquals(MessageFormat.RFC5424, event.format, "sequence " + sequence);
                }
            }
            assertEquals(MessageFormat.RFC5424, event.format);
        }
        final LogEvent untouched = event("<13>1 - h - - - -");
        untouched.format = MessageFormat.JSON;
        handlers[1].onEvent(untouched, 3, true);
        assertEquals(MessageFormat.JSON, untouched.format);
        assertThrows(IllegalArgumentException.class, () -> new ParserHandler(3, 3, new SyslogParser()));
        assertThrows(IllegalArgumentException.class, () -> new ParserHandler(0, 0, new SyslogParser()));
    }
}
