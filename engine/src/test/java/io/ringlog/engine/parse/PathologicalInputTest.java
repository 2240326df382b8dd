package io.ringlog.engine.parse;

import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inputs most likely to make a parser super-linear, at 1 MiB, in every mode: if any of them were quadratic
 * this test would run for hours rather than milliseconds, so it fails loudly without a timing assertion.
 *
 * <p>Why the parsers are linear, loop by loop (keep this list true when changing them):
 * <ul>
 *   <li>Every scanning loop in {@link Rfc5424Parser}, {@link Rfc3164Parser}, {@link TimestampReader} and
 *       {@link SyslogSyntax} advances its index by at least one byte per iteration and never moves it back,
 *       except at three bounded rewinds: {@code Rfc3164Parser.originHost} and {@code timestamp} return to where
 *       they started when no timestamp follows, so the timestamp readers run at most three times per message, and
 *       each reads a constant-length token plus one fraction scan.</li>
 *   <li>Header fields of RFC 5424 stop at {@code max + 1} bytes; SD-NAMEs at 33; the PRI at 4; Cisco counters are
 *       tried at most twice; {@code Rfc3164Words.isHostname} rejects a word longer than 255 before looking at it.</li>
 *   <li>The only nested loop is the duplicate SD-ID check: at most {@value Rfc5424Parser#TRACKED_SD_IDS} earlier
 *       IDs, each compared over at most 32 bytes, per element: a constant per element, so linear overall.</li>
 *   <li>The UTF-8 check after a BOM looks at each byte once (a sequence is at most four bytes).</li>
 * </ul>
 * While fuzzing, libFuzzer's per-input timeout backs this up on inputs nobody thought of.
 */
class PathologicalInputTest
{
    private static final int SIZE = 1 << 20;
    private static final String HEADER = "<13>1 - h a p m ";

    private final SyslogParser[] parsers = {
        new SyslogParser(SyslogParser.Mode.AUTO),
        new SyslogParser(SyslogParser.Mode.RFC5424),
        new SyslogParser(SyslogParser.Mode.RFC3164),
    };

    @Test
    void structuredDataShapes()
    {
        assertRfc5424(HEADER + "[".repeat(SIZE), ParseError.BAD_STRUCTURED_DATA, HEADER.length() + 1 + 32);
        assertRfc5424(HEADER + "[id a=\"" + "\\".repeat(SIZE) + "\"]", ParseError.NONE, -1);
        assertRfc5424(HEADER + "[id a=\"" + "\\".repeat(SIZE + 1) + "\"]", ParseError.BAD_STRUCTURED_DATA,
            HEADER.length() + 7 + SIZE + 2);
        assertRfc5424(HEADER + "[id a=" + "\"".repeat(SIZE), ParseError.BAD_STRUCTURED_DATA, HEADER.length() + 8);
        assertRfc5424(HEADER + "[id " + "=".repeat(SIZE), ParseError.BAD_STRUCTURED_DATA, HEADER.length() + 4);
        assertRfc5424(HEADER + "[id" + " a=\"b\"".repeat(SIZE / 6) + "]", ParseError.NONE, -1);
        assertRfc5424(HEADER + distinctElements(SIZE), ParseError.NONE, -1);
        assertRfc5424(HEADER + "[a]".repeat(SIZE / 3), ParseError.BAD_STRUCTURED_DATA, HEADER.length() + 4);
    }

    @Test
    void headerAndMessageShapes()
    {
        assertRfc5424("<13>1 - " + "h".repeat(SIZE), ParseError.BAD_HOSTNAME, 8 + 255);
        assertRfc5424("<13>1 " + "9".repeat(SIZE), ParseError.BAD_TIMESTAMP, 10);
        assertRfc5424("<13>1 2003-10-11T22:14:15." + "1".repeat(SIZE) + "Z - - - - -", ParseError.BAD_TIMESTAMP,
            26 + 6);
        assertRfc5424("<13>1 - - - - - - \uFEFF" + "é".repeat(SIZE / 2), ParseError.NONE, -1);
        assertRfc5424(HEADER + "- " + " ".repeat(SIZE), ParseError.NONE, -1);
    }

    @Test
    void bsdShapes()
    {
        assertRfc3164("<13>" + " ".repeat(SIZE) + "x");
        assertRfc3164("<13>" + "1".repeat(SIZE) + ": x");
        assertRfc3164("<13>" + "1: ".repeat(SIZE / 3) + "x");
        assertRfc3164("<13>" + ": ".repeat(SIZE / 2));
        assertRfc3164("<13>" + "*".repeat(SIZE) + "Mar  1 10:00:00 h a: m");
        assertRfc3164("<13>Mar  1 10:00:00." + "9".repeat(SIZE) + " h a: m");
        assertRfc3164("<13>2024-01-01T00:00:00." + "9".repeat(SIZE) + " h a: m");
        assertRfc3164("<13>Mar  1 10:00:00 " + "h".repeat(SIZE) + " a: m");
        assertRfc3164("<13>Mar  1 10:00:00 h " + "a".repeat(SIZE) + "[" + "1".repeat(SIZE));
        assertRfc3164("<13>12: " + "r".repeat(SIZE) + ": Mar  1 10:00:00: %X: m");
        assertRfc3164("<13>Mar  1 10:00:00 h " + "k".repeat(SIZE) + "=v");
        assertRfc3164("Mar " .repeat(SIZE / 4));
    }

    private void assertRfc5424(final String input, final short error, final int errorOffset)
    {
        final byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        for (final SyslogParser parser : parsers)
        {
            final LogEvent event = Expected.event(bytes);
            parser.parse(event);
            ParserFuzzTest.checkInvariants(parser.mode(), event, bytes.length);
            if (parser.mode() != SyslogParser.Mode.RFC3164)
            {
                assertEquals(error, event.errorCode, "error");
                assertEquals(errorOffset, event.errorOffset, "errorOffset");
                assertEquals(error == ParseError.NONE ? MessageFormat.RFC5424 : MessageFormat.UNPARSED, event.format);
            }
        }
    }

    private void assertRfc3164(final String input)
    {
        final byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        for (final SyslogParser parser : parsers)
        {
            final LogEvent event = Expected.event(bytes);
            parser.parse(event);
            ParserFuzzTest.checkInvariants(parser.mode(), event, bytes.length);
            if (parser.mode() != SyslogParser.Mode.RFC5424)
            {
                assertEquals(MessageFormat.RFC3164, event.format, "BSD never fails on the shape of the text");
            }
        }
    }

    private static String distinctElements(final int size)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(size + 16);
        for (int i = 0; out.size() < size; i++)
        {
            out.writeBytes(("[e" + i + "]").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
