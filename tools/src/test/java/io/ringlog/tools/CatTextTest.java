package io.ringlog.tools;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.ringlog.tools.CatJsonTest.nanos;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatTextTest
{
    private static final String HOSTILE = "a\u0000b\u001b[31mred\u001b[0m\r\nNov 25 00:00:00 fake sshd: forged\t\u0085\u202e";
    private static final String HOSTILE_ESCAPED =
        "a\\x00b\\x1b[31mred\\x1b[0m\\r\\nNov 25 00:00:00 fake sshd: forged\\t\\u0085\\u202e";

    @TempDir
    Path dir;

    private void writeSample() throws Exception
    {
        final String raw5424 = "<165>1 2026-11-25T04:36:48.5Z host1 app1 42 - - hello world";
        final LogEvent e5424 = JournalFixture.event(raw5424, nanos("2026-11-25T09:00:00Z"));
        e5424.format = MessageFormat.RFC5424;
        JournalFixture.field(e5424, Field.HOSTNAME, "host1");
        JournalFixture.field(e5424, Field.APP_NAME, "app1");
        JournalFixture.field(e5424, Field.PROC_ID, "42");
        JournalFixture.messageFrom(e5424, "hello world");
        e5424.timestampEpochNanos = nanos("2026-11-25T04:36:48.5Z");

        final String rawHostile = "<13>Nov  5 01:02:03 evil x: " + HOSTILE;
        final LogEvent hostile = JournalFixture.event(rawHostile, nanos("2026-11-05T01:02:04Z"));
        hostile.format = MessageFormat.RFC3164;
        JournalFixture.field(hostile, Field.HOSTNAME, "evil");
        JournalFixture.field(hostile, Field.APP_NAME, "x");
        JournalFixture.messageFrom(hostile, "a\u0000b");

        final byte[] rawUnparsed = {'\u001b', ']', '0', ';', 'p', 'w', 'n', 0x07, (byte)0xFF, '\n', 'z'};
        final LogEvent unparsed = JournalFixture.event(rawUnparsed, nanos("2026-01-02T03:04:05.9Z"));
        unparsed.errorCode = ParseError.BAD_PRI;
        unparsed.errorOffset = 0;

        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(e5424).append(hostile).append(unparsed);
        }
    }

    private static void assertNoControlBytesExceptNewlines(final byte[] out, final int expectedLines)
    {
        int lines = 0;
        for (final byte b : out)
        {
            if (b == '\n')
            {
                lines++;
            }
            else
            {
                assertTrue(b >= 0x20 && b != 0x7F || b < 0, "control byte " + b + " in output");
            }
        }
        assertEquals(expectedLines, lines);
        assertEquals('\n', out[out.length - 1]);
        final String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(!text.contains("\u0085") && !text.contains("\u202e") && !text.contains("\ufffd"), text);
    }

    @Test
    void shortIsOneEscapedSyslogLinePerRecord() throws Exception
    {
        writeSample();
        final CliRun run = CliRun.run("cat", "--journal", dir.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertNoControlBytesExceptNewlines(run.stdout, 3);
        final String[] lines = run.outLines();
        assertEquals("Nov 25 04:36:48 host1 app1[42]: hello world", lines[0]);
        assertEquals("Nov  5 01:02:04 evil x: " + HOSTILE_ESCAPED, lines[1]);
        assertEquals("Jan  2 03:04:05 - -: \\x1b]0;pwn\\x07\\xff\\nz", lines[2]);
        assertEquals(run.out(), CliRun.run("cat", "--journal", dir.toString(), "-o", "short").out());
    }

    @Test
    void catIsTheEscapedMessageOnly() throws Exception
    {
        writeSample();
        final CliRun run = CliRun.run("cat", "--journal", dir.toString(), "-o", "cat");
        assertEquals(0, run.exitCode, run.toString());
        assertNoControlBytesExceptNewlines(run.stdout, 3);
        final String[] lines = run.outLines();
        assertEquals("hello world", lines[0]);
        assertEquals(HOSTILE_ESCAPED, lines[1]);
        assertEquals("\\x1b]0;pwn\\x07\\xff\\nz", lines[2]);
    }

    @Test
    void rawIsByteExact() throws Exception
    {
        final byte[][] messages = {
            "<13>plain".getBytes(StandardCharsets.US_ASCII),
            {0, 1, 2, (byte)0xFF, (byte)0xC3, '\r', '\n', 0x1B, '[', 'm'},
            {},
            "caf\u00e9 \u2028".getBytes(StandardCharsets.UTF_8),
        };
        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JournalFixture journal = new JournalFixture(dir))
        {
            for (final byte[] m : messages)
            {
                journal.append(JournalFixture.event(m, 1));
                expected.write(m);
                expected.write('\n');
            }
        }
        final CliRun run = CliRun.run("cat", "--journal", dir.toString(), "-o", "raw");
        assertEquals(0, run.exitCode, run.toString());
        assertArrayEquals(expected.toByteArray(), run.stdout);
    }

    @Test
    void emptyJournalPrintsNothing() throws Exception
    {
        new JournalFixture(dir).close();
        final CliRun run = CliRun.run("cat", "--journal", dir.toString(), "-o", "json");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(0, run.stdout.length);
        assertEquals("", run.stderr);
    }
}
