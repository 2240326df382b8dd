package io.ringlog.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.ringlog.tools.SelectorsTest.HOSTILE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every output mode over the journal the real engine wrote in {@link SelectorsTest}, hostile bytes included: NUL,
 * an ESC sequence, CR LF and invalid UTF-8 reach no terminal in any mode but {@code raw}, which is byte-exact.
 */
class OutputModesTest extends SelectorsTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE_ESCAPED = "x\\x00\\x1b[31mred\\r\\nforged\\xc3(end";

    private static CliRun cat(final String... args)
    {
        final List<String> cmd = new ArrayList<>(List.of("cat", "--journal", journal.toString()));
        cmd.addAll(List.of(args));
        final CliRun run = CliRun.run(cmd.toArray(new String[0]));
        assertEquals(0, run.exitCode, run.toString());
        return run;
    }

    /** No byte below 0x20 but LF, no DEL, no C1 or invalid UTF-8 (which would decode to U+FFFD). */
    private static void assertTerminalSafe(final CliRun run)
    {
        assertNoControlBytes(run);
        assertTrue(!run.out().contains("\ufffd") && !run.out().contains("\u0085"), run.out());
    }

    /** JSON escapes control characters too; its "raw" replaces invalid UTF-8 with U+FFFD, as DESIGN.md says. */
    private static void assertNoControlBytes(final CliRun run)
    {
        for (final byte b : run.stdout)
        {
            assertTrue(b == '\n' || (b >= 0x20 && b != 0x7F) || b < 0, "control byte " + b + " in\n" + run.out());
        }
    }

    @Test
    void rawIsByteExact() throws Exception
    {
        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (final String m : new String[] {
            "<165>1 2026-11-25T04:36:48.123456+01:00 host-a app-one 1234 ID47 [ex@32473 k=\"v\"] first 5424",
            "<13>Nov 25 04:36:48 host-b sshd[4711]: Accepted publickey for alice",
            "<11>1 2026-11-25T10:01:10Z host-a app-two - ERRID - disk failure",
            "<134>1 - host-c app-one - - - udp message"})
        {
            expected.write((m + "\n").getBytes(StandardCharsets.UTF_8));
        }
        expected.write(HOSTILE);
        expected.write('\n');
        expected.write("<15>1 - host-a app-one - ID47 - Debug Stuff\n<0>1 - host-c kernel - - - kernel panic\n"
            .getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected.toByteArray(), cat("-o", "raw").stdout);
        assertArrayEquals(expected.toByteArray(), cat("-o", "raw", "--color=always").stdout, "raw is never coloured");
    }

    @Test
    void shortAndShortIso()
    {
        final CliRun run = cat("-o", "short");
        assertTerminalSafe(run);
        final String[] lines = run.outLines();
        assertEquals(7, lines.length);
        assertEquals("Nov 25 03:36:48 host-a app-one[1234]: first 5424", lines[0]);
        assertEquals("Nov 25 10:01:10 host-a app-two: disk failure", lines[2]);
        assertEquals("Nov 25 10:03:00 host-b evil: " + HOSTILE_ESCAPED, lines[4]);
        final CliRun iso = cat("-o", "short-iso");
        assertTerminalSafe(iso);
        assertEquals("2026-11-25T10:01:10Z host-a app-two: disk failure", iso.outLines()[2]);
        assertEquals("2026-11-25T10:03:00Z host-b evil: " + HOSTILE_ESCAPED, iso.outLines()[4]);
    }

    @Test
    void rfc5424AndRfc3164RebuildTheLine()
    {
        final CliRun r5424 = cat("-o", "rfc5424");
        assertTerminalSafe(r5424);
        final String[] a = r5424.outLines();
        assertEquals("<165>1 2026-11-25T04:36:48.123456+01:00 host-a app-one 1234 ID47 [ex@32473 k=\"v\"] first 5424",
            a[0]);
        assertTrue(a[1].matches("<13>1 \\d{4}-11-25T04:36:48(Z|[+-]\\d\\d:\\d\\d) host-b sshd 4711 - - " +
            "Accepted publickey for alice"), a[1]);
        assertEquals("<11>1 2026-11-25T10:01:10Z host-a app-two - ERRID - disk failure", a[2]);
        assertEquals("<134>1 2026-11-25T10:02:00Z host-c app-one - - - udp message", a[3]);
        assertEquals("<12>1 2026-11-25T10:03:00Z host-b evil - - - " + HOSTILE_ESCAPED, a[4]);

        final CliRun r3164 = cat("-o", "rfc3164");
        assertTerminalSafe(r3164);
        final String[] b = r3164.outLines();
        assertEquals("<165>Nov 25 04:36:48 host-a app-one[1234]: first 5424", b[0]);
        assertEquals("<13>Nov 25 04:36:48 host-b sshd[4711]: Accepted publickey for alice", b[1]);
        assertEquals("<11>Nov 25 10:01:10 host-a app-two: disk failure", b[2]);
        assertEquals("<0>Nov 25 10:05:00 host-c kernel: kernel panic", b[6]);
    }

    @Test
    void catIsTheEscapedMessage()
    {
        final CliRun run = cat("-o", "cat");
        assertTerminalSafe(run);
        assertEquals(HOSTILE_ESCAPED, run.outLines()[4]);
    }

    @Test
    void jsonAndJsonPrettyCarryTheSameObjects() throws Exception
    {
        final CliRun compact = cat("-o", "json");
        final CliRun pretty = cat("-o", "json-pretty");
        assertNoControlBytes(compact);
        assertNoControlBytes(pretty);
        final String[] lines = compact.outLines();
        assertEquals(7, lines.length);
        final List<JsonNode> fromPretty = new ArrayList<>();
        try (var parser = JSON.getFactory().createParser(pretty.stdout))
        {
            final var it = JSON.readValues(parser, JsonNode.class);
            while (it.hasNext())
            {
                fromPretty.add(it.next());
            }
        }
        assertEquals(7, fromPretty.size());
        for (int i = 0; i < 7; i++)
        {
            assertEquals(JSON.readTree(lines[i]), fromPretty.get(i));
        }
        assertTrue(pretty.outLines().length > 7 * 10, "indented over many lines");
        final JsonNode hostile = JSON.readTree(lines[4]);
        assertArrayEquals(HOSTILE, java.util.Base64.getDecoder().decode(hostile.get("rawBase64").asText()));
        assertEquals("x\u0000\u001b[31mred\r\nforged\ufffd(end", hostile.get("message").asText());
        assertEquals("udp://127.0.0.1", JSON.readTree(lines[3]).get("source").asText().replaceAll(":\\d+$", ""));
    }

    @Test
    void severityColourOnlyWhenAskedOrOnATerminal()
    {
        final CliRun plain = cat("-o", "short");
        assertTrue(!plain.out().contains("\u001b"), "stdout of a test is a pipe: no colour");
        final String[] coloured = cat("-o", "short", "--color=always").outLines();
        assertEquals("\u001b[1;31mNov 25 10:05:00 host-c kernel: kernel panic\u001b[0m", coloured[6]);
        assertEquals("\u001b[1;31mNov 25 10:01:10 host-a app-two: disk failure\u001b[0m", coloured[2]);
        assertEquals("\u001b[1;33mNov 25 10:03:00 host-b evil: " + HOSTILE_ESCAPED + "\u001b[0m", coloured[4]);
        assertEquals("Nov 25 10:02:00 host-c app-one: udp message", coloured[3], "info is not coloured");
        assertTrue(!cat("-o", "json", "--color=always").out().contains("\u001b"), "json is never coloured");
        final CliRun bad = CliRun.run("cat", "--color=sometimes", "--journal", journal.toString());
        assertEquals(1, bad.errLines().length, bad.toString());
    }

    @Test
    void showIndexPrefixesTextModes() throws Exception
    {
        final String[] json = cat("-o", "json").outLines();
        final long index = JSON.readTree(json[2]).get("index").asLong();
        assertEquals(index + " 2026-11-25T10:01:10Z host-a app-two: disk failure",
            cat("-o", "short-iso", "--show-index").outLines()[2]);
        assertEquals(JSON.readTree(json[2]), JSON.readTree(cat("-o", "json", "--show-index").outLines()[2]));
    }
}
