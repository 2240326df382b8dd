package io.ringlog.tools;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The byte streams and datagrams {@link HostileInputIT} sends, drawn from one seeded {@link Random}, and the frames
 * the engine must make of them, computed here from the framing rules (RFC 6587 as {@code StreamFramer} documents
 * them) rather than by the engine's own code. A frame is shown as escaped text (printable ASCII as is, any other
 * byte as {@code \xHH}), prefixed with {@link #TRUNCATED_MARK} when it was cut at the maximum, so a mismatch reads
 * clearly in an assertion.
 */
final class HostileTraffic
{
    static final String TRUNCATED_MARK = "[truncated] ";

    /** RFC 5424 and RFC 3164 lookalikes with broken fields: each must be journaled, parsed or with its error. */
    private static final String[] LOOKALIKES = {
        "<999>1 2026-11-25T06:00:00Z host app - - - PRI 999",
        "<192>1 2026-11-25T06:00:00Z host app - - - PRI one too big",
        "<>1 - host app - - - empty PRI",
        "<13 no closing bracket",
        "<1a>1 - h a - - - letter in PRI",
        "<013>1 - h a - - - leading zero in PRI",
        "<13>0 - h a - - - version 0",
        "<13>1000 - h a - - - version too long",
        "<13>1 2026-13-45T25:61:61Z host app - - - impossible date",
        "<13>1 2026-02-30T00:00:00Z host app - - - February 30",
        "<13>1 2026-11-25T06:00:00+25:00 host app - - - offset +25:00",
        "<13>1 2026-11-25 06:00:00 host app - - - space in the date",
        "<13>1 99999-11-25T06:00:00Z host app - - - five-digit year",
        "<13>1 - host app - - [unbalanced@1 a=\"b\" message",
        "<13>1 - host app - - [id@1 a=\"unterminated] message",
        "<13>1 - host app - - [id@1 a=\"escaped end\\\"] message",
        "<13>1 - host app - - ]] message",
        "<13>1 - host app - - [] message",
        "<13>1 - host app - - [id@1 =\"no name\"] message",
        "<13>1 - host app - - [id@1 a=unquoted] message",
        "<13>1 - host app - - [id@1 a=\"b\"][ open at the end",
        "<13>1 - host app - - [id@1 a=\"b\"]]]] extra brackets",
        "<13>1 - " + "h".repeat(300) + " app - - - hostname too long",
        "<13>1 - host " + "a".repeat(60) + " - - - APP-NAME too long",
        "<13>1 - host app - " + "m".repeat(40) + " - MSGID too long",
        "<13>1 -",
        "<13>1 ",
        "<13>1",
        "<13>",
        "<13>Feb 30 99:99:99 host tag: impossible 3164 date",
        "<13>Nov 25 04:36:48",
        "<13>Nov 25 04:36:48 ",
        "<13>Xyz 25 04:36:48 host tag: bad month",
        "<13>Nov 99 04:36:48 host tag[: unbalanced pid",
        "<13>Nov 25 04:36:48 host tag[123: open pid",
        "<13>2026-11-25T06:00:00Z host tag: RFC 3339 in a 3164 header",
        "<13>Nov 25 04:36:48.123456789123 UTC: host tag: long fraction",
        "<13>123456789012345678901234567890: Nov 25 04:36:48 host tag: huge sequence number",
        "{\"json\": maybe, \"not\": [valid",
    };

    private final Random random;
    private final int max;
    private final Map<String, Integer> sentByKind = new LinkedHashMap<>();
    private final List<byte[]> lfStreams = new ArrayList<>();
    private final List<byte[]> octetStreams = new ArrayList<>();
    private final List<byte[]> framingErrorStreams = new ArrayList<>();
    private final List<byte[]> cutFrameStreams = new ArrayList<>();
    private final List<byte[]> datagrams = new ArrayList<>();

    HostileTraffic(final Random random, final int max)
    {
        this.random = random;
        this.max = max;
        for (int c = 0; c < 6; c++)
        {
            lfStreams.add(garbageStream(c));
        }
        lfStreams.add(oddLinesStream());
        lfStreams.add(bystanderStream());
        for (int c = 0; c < 2; c++)
        {
            octetStreams.add(octetStream());
        }
        addFramingErrorStreams();
        addCutFrameStreams();
        addDatagrams();
    }

    Random random()
    {
        return random;
    }

    Map<String, Integer> sentByKind()
    {
        return sentByKind;
    }

    List<byte[]> lfStreams()
    {
        return lfStreams;
    }

    List<byte[]> octetStreams()
    {
        return octetStreams;
    }

    List<byte[]> framingErrorStreams()
    {
        return framingErrorStreams;
    }

    List<byte[]> cutFrameStreams()
    {
        return cutFrameStreams;
    }

    List<byte[]> datagrams()
    {
        return datagrams;
    }

    /** Random binary lines (no LF, no NUL) among lines far over the maximum; starts with a letter: LF framing. */
    private byte[] garbageStream(final int connection)
    {
        final ByteArrayOutputStream s = new ByteArrayOutputStream();
        line(s, ascii("hostile lf connection " + connection), "garbage lines");
        for (int i = 0; i < 40; i++)
        {
            line(s, randomBytes(1 + random.nextInt(300), true), "garbage lines");
        }
        final int[] longLengths = {max - 1, max, max + 1, max + 2, 3 * max, 25 * max};
        final int length = longLengths[connection % longLengths.length];
        line(s, randomBytes(length, true), "long lines");
        if (connection == 0)
        {
            // a forged message after the cut, still inside the one line: must be discarded with the rest
            final byte[] forged = ascii("<13>1 2026-11-25T06:00:00Z FORGED app - - - forged message");
            final byte[] l = randomBytes(max + 500 + forged.length, true);
            System.arraycopy(forged, 0, l, max + 500, forged.length);
            line(s, l, "long lines");
        }
        line(s, ascii("after the long line " + connection), "garbage lines");
        if (connection == 5)
        {
            write(s, ascii("unterminated last line " + connection)); // EOF ends it: still a message
            count("garbage lines");
        }
        return s.toByteArray();
    }

    /** Invalid UTF-8, NULs, CRLF, empty lines and the lookalikes, over one LF-framed connection. */
    private byte[] oddLinesStream()
    {
        final ByteArrayOutputStream s = new ByteArrayOutputStream();
        line(s, ascii("odd lines"), "crlf and empty lines");
        final byte[][] invalidUtf8 = {
            bytes("<13>1 - h app - - - ", 0xC3, 0x28, ' ', 0xA0, 0xA1, ' ', 0xE2, 0x28, 0xA1, ' ', 0xF0, 0x28, 0x8C,
                0xBC, ' ', 0xF8, 0xA1, 0xA1, 0xA1, 0xA1, ' ', 0xFF, 0xFE),
            bytes("<13>1 - h app - - - ", 0xEF, 0xBB, 0xBF, 0xC3, 0x28, 0xC0, 0xAF),
            bytes("<13>1 - h app - - - overlong and surrogate ", 0xE0, 0x80, 0xAF, 0xED, 0xA0, 0x80),
            bytes("<13>Nov 25 04:36:48 h", 0xFF, 's', 't', ' ', 't', 0xE9, 'g', ':', ' ', 0x80),
            bytes("<13>1 - h", 0xC3, 0xA9, "llo app", 0xF0, 0x9F, 0x98, " - - - cut in a code point ", 0xF0, 0x9F),
        };
        for (final byte[] l : invalidUtf8)
        {
            line(s, l, "invalid utf-8");
        }
        write(s, bytes("before a NUL", 0, "after a NUL\n")); // NUL ends a frame, as LF does: two messages
        write(s, bytes("", 0, 0, 0, "\n")); // only terminators: no message
        write(s, bytes("<13>1 - h app - - - NUL at the end", 0, "\n"));
        count("nul-split", 3);
        write(s, ascii("crlf line\r\ncr\rinside\r\n\r\n\n\ndouble cr\r\r\n"));
        count("crlf and empty lines", 6);
        for (final String l : LOOKALIKES)
        {
            line(s, ascii(l), "lookalikes");
        }
        return s.toByteArray();
    }

    /** A well-behaved sender among the hostile ones: every message must be journaled, in order. */
    private byte[] bystanderStream()
    {
        final ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++)
        {
            line(s, ascii("<14>1 2026-11-25T06:00:00.000Z bystander app - - - message " + i), "bystander");
        }
        return s.toByteArray();
    }

    /** Octet-counted frames with binary payloads (LF, NUL, CR inside are data), one exactly the maximum. */
    private byte[] octetStream()
    {
        final ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (int i = 0; i < 30; i++)
        {
            octet(s, randomBytes(1 + random.nextInt(500), false));
        }
        octet(s, ascii("line one\nline two\0after a NUL\r\n"));
        octet(s, randomBytes(max, false));
        count("octet frames", 32);
        return s.toByteArray();
    }

    /** Each stream ends in a framing error: the engine must count it and close the connection. */
    private void addFramingErrorStreams()
    {
        final ByteArrayOutputStream absurd = new ByteArrayOutputStream();
        octet(absurd, ascii("hello"));
        write(absurd, ascii("999999999999 <13>1 - h app - - - absurd octet count"));
        framingErrorStreams.add(absurd.toByteArray());
        final ByteArrayOutputStream over = new ByteArrayOutputStream();
        write(over, ascii((max + 1) + " "));
        write(over, randomBytes(max + 1, false));
        framingErrorStreams.add(over.toByteArray());
        framingErrorStreams.add(ascii("012 leading zero"));
        framingErrorStreams.add(ascii("12x3 not a space after the count"));
        final ByteArrayOutputStream after = new ByteArrayOutputStream();
        octet(after, ascii("hello"));
        write(after, ascii("garbage where the next count should be\n"));
        framingErrorStreams.add(after.toByteArray());
        count("framing errors", framingErrorStreams.size());
    }

    /** Each stream ends inside an octet-counted frame when the sender closes. */
    private void addCutFrameStreams()
    {
        cutFrameStreams.add(ascii("100 <13>1 - h app - - - cut short"));
        final ByteArrayOutputStream header = new ByteArrayOutputStream();
        octet(header, ascii("hello"));
        write(header, ascii("4"));
        cutFrameStreams.add(header.toByteArray());
        final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        octet(payload, ascii("abc"));
        write(payload, ascii("50 "));
        write(payload, randomBytes(10, false));
        cutFrameStreams.add(payload.toByteArray());
        count("cut frames", cutFrameStreams.size());
    }

    private void addDatagrams()
    {
        for (int i = 0; i < 150; i++)
        {
            datagrams.add(randomBytes(random.nextInt(1400), false));
        }
        count("udp random", 150);
        for (final int length : new int[] {0, 1, max, max + 1, 9000, 65_507, 65_507})
        {
            datagrams.add(randomBytes(length, false));
            count("udp edge sizes");
        }
        for (final String l : LOOKALIKES)
        {
            datagrams.add(ascii(l));
            count("udp lookalikes");
        }
    }

    /**
     * The frames an LF-framed (non-transparent) stream makes: split at LF and at NUL, one CR before the terminator
     * dropped, empty frames skipped, a frame longer than {@code max} cut there and flagged (the rest of it
     * discarded), and at end of stream an unterminated last frame is a message too.
     */
    static List<String> lfFrames(final byte[] stream, final int max)
    {
        final List<String> frames = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= stream.length; i++)
        {
            if (i < stream.length && stream[i] != '\n' && stream[i] != 0)
            {
                continue;
            }
            int end = i;
            if (end > start && stream[end - 1] == '\r')
            {
                end--;
            }
            if (end > start)
            {
                final boolean cut = end - start > max;
                frames.add(show(java.util.Arrays.copyOfRange(stream, start, cut ? start + max : end), cut));
            }
            start = i + 1;
        }
        return frames;
    }

    /**
     * The frames an octet-counted stream makes ({@code LEN SP MSG}), up to the first count that is not a number
     * without leading zero, is over {@code max} or lacks its SP (a framing error), or a frame the stream ends
     * inside (incomplete): neither makes a message.
     */
    static List<String> octetFrames(final byte[] stream, final int max)
    {
        final List<String> frames = new ArrayList<>();
        int i = 0;
        while (i < stream.length)
        {
            if (stream[i] < '1' || stream[i] > '9')
            {
                break;
            }
            long length = 0;
            while (i < stream.length && stream[i] >= '0' && stream[i] <= '9' && length <= max)
            {
                length = length * 10 + (stream[i++] - '0');
            }
            if (length > max || i >= stream.length || stream[i] != ' ' || i + 1 + length > stream.length)
            {
                break;
            }
            frames.add(show(java.util.Arrays.copyOfRange(stream, i + 1, i + 1 + (int)length), false));
            i += 1 + (int)length;
        }
        return frames;
    }

    /** Printable ASCII as is, backslash and every other byte as {@code \xHH}; truncated frames marked. */
    static String show(final byte[] bytes, final boolean truncated)
    {
        final StringBuilder s = new StringBuilder(truncated ? TRUNCATED_MARK : "");
        for (final byte b : bytes)
        {
            if (b >= 0x20 && b < 0x7F && b != '\\')
            {
                s.append((char)b);
            }
            else
            {
                s.append(String.format("\\x%02X", b & 0xFF));
            }
        }
        return s.toString();
    }

    /** Random bytes; for a line, without LF and NUL (which would end it). */
    private byte[] randomBytes(final int length, final boolean line)
    {
        final byte[] b = new byte[length];
        for (int i = 0; i < length; i++)
        {
            byte v;
            do
            {
                v = (byte)random.nextInt(256);
            }
            while (line && (v == '\n' || v == 0));
            b[i] = v;
        }
        return b;
    }

    private void line(final ByteArrayOutputStream s, final byte[] line, final String kind)
    {
        write(s, line);
        s.write('\n');
        count(kind);
    }

    private static void octet(final ByteArrayOutputStream s, final byte[] message)
    {
        write(s, ascii(message.length + " "));
        write(s, message);
    }

    private void count(final String kind)
    {
        count(kind, 1);
    }

    private void count(final String kind, final int n)
    {
        sentByKind.merge(kind, n, Integer::sum);
    }

    private static void write(final ByteArrayOutputStream s, final byte[] b)
    {
        s.write(b, 0, b.length);
    }

    private static byte[] ascii(final String s)
    {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Strings as their ISO-8859-1 bytes, integers as single bytes, chars as ASCII. */
    private static byte[] bytes(final Object... parts)
    {
        final ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (final Object p : parts)
        {
            if (p instanceof String str)
            {
                write(s, ascii(str));
            }
            else if (p instanceof Character ch)
            {
                s.write(ch);
            }
            else
            {
                s.write((Integer)p);
            }
        }
        return s.toByteArray();
    }
}
