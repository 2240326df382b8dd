package io.ringlog.tools;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every selector of {@code cat}/{@code tail} over a journal that the real engine wrote from real sockets. */
class SelectorsTest
{
    static final byte[] HOSTILE = {'<', '1', '2', '>', '1', ' ', '-', ' ', 'h', 'o', 's', 't', '-', 'b', ' ', 'e', 'v',
        'i', 'l', ' ', '-', ' ', '-', ' ', '-', ' ', 'x', 0, 27, '[', '3', '1', 'm', 'r', 'e', 'd', '\r', '\n',
        'f', 'o', 'r', 'g', 'e', 'd', (byte)0xC3, '(', 'e', 'n', 'd'};
    /** The message texts, in journal order; record 4 is {@link #HOSTILE}, shown escaped by {@code -o cat}. */
    static final String[] MESSAGES = {"first 5424", "Accepted publickey for alice", "disk failure", "udp message",
        "x\\x00\\x1b[31mred\\r\\nforged\\xc3(end", "Debug Stuff", "kernel panic"};

    @TempDir
    static Path dir;
    static Path journal;

    @BeforeAll
    static void writeJournalWithTheRealEngine() throws Exception
    {
        journal = dir.resolve("j");
        try (EngineJournal engine = new EngineJournal(journal))
        {
            engine.tcp("2026-11-25T10:00:00Z",
                "<165>1 2026-11-25T04:36:48.123456+01:00 host-a app-one 1234 ID47 [ex@32473 k=\"v\"] first 5424")
                .tcp("2026-11-25T10:00:30Z", "<13>Nov 25 04:36:48 host-b sshd[4711]: Accepted publickey for alice")
                .tcp("2026-11-25T10:01:10Z", "<11>1 2026-11-25T10:01:10Z host-a app-two - ERRID - disk failure")
                .udp("2026-11-25T10:02:00Z", "<134>1 - host-c app-one - - - udp message")
                .tcp("2026-11-25T10:03:00Z", HOSTILE)
                .tcp("2026-11-25T10:04:00Z", "<15>1 - host-a app-one - ID47 - Debug Stuff")
                .tcp("2026-11-25T10:05:00Z", "<0>1 - host-c kernel - - - kernel panic");
        }
    }

    /** Runs {@code cat -o cat} with {@code args} and returns the numbers of the records printed. */
    static List<Integer> select(final String... args)
    {
        final List<String> cmd = new ArrayList<>(List.of("cat", "-o", "cat", "--journal", journal.toString()));
        cmd.addAll(Arrays.asList(args));
        final CliRun run = CliRun.run(cmd.toArray(new String[0]));
        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.stderr);
        final List<Integer> got = new ArrayList<>();
        for (final String line : run.outLines())
        {
            got.add(Arrays.asList(MESSAGES).indexOf(line));
        }
        return got;
    }

    private static void usageError(final String expected, final String... args)
    {
        final List<String> cmd = new ArrayList<>(List.of("cat", "--journal", journal.toString()));
        cmd.addAll(Arrays.asList(args));
        final CliRun run = CliRun.run(cmd.toArray(new String[0]));
        assertEquals(2, run.exitCode, run.toString());
        assertEquals(1, run.errLines().length, run.stderr);
        assertTrue(run.stderr.startsWith("ringlog: ") && run.stderr.contains(expected), run.stderr);
        assertFalse(run.stderr.contains("Exception"), run.stderr);
        assertEquals(0, run.stdout.length);
    }

    @Test
    void everythingInReceiptOrder()
    {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), select());
    }

    @Test
    void sinceAndUntilOnTheReceiptTimeInclusive()
    {
        assertEquals(List.of(2, 3, 4, 5, 6), select("--since", "2026-11-25T10:01:00Z"));
        assertEquals(List.of(0, 1, 2), select("--until", "2026-11-25T10:01:10Z"));
        assertEquals(List.of(1, 2, 3), select("-S", "2026-11-25T11:00:30+01:00", "-U", "2026-11-25T10:02:00Z"));
        assertEquals(List.of(3), select("--since", "@" + (EngineJournal.nanos("2026-11-25T10:02:00Z") / 1_000_000_000L),
            "--until", "2026-11-25T10:02:30Z"));
        assertEquals(List.of(), select("--since", "2026-11-25T10:05:00.000000001Z"));
        assertEquals(List.of(), select("--until", "2026-11-25T09:00:00Z"));
    }

    @Test
    void byMessageTimeUsesTheSendersTimestamp()
    {
        assertEquals(List.of(2), select("--by-message-time", "--since", "2026-11-25T10:00:00Z"));
        assertEquals(List.of(0), select("--by-message-time", "--since", "2026-11-25T03:36:48Z",
            "--until", "2026-11-25T03:36:49Z"));
    }

    @Test
    void priorityNameNumberRangeAndRepeats()
    {
        assertEquals(List.of(2, 6), select("-p", "err"));
        assertEquals(List.of(2, 6), select("--priority", "3"));
        assertEquals(List.of(2, 4, 6), select("-p", "warning..emerg"));
        assertEquals(List.of(0, 1, 3), select("-p", "notice..info"));
        assertEquals(List.of(5, 6), select("-p", "0", "-p", "debug..debug"));
        usageError("unknown priority 'loud'", "-p", "loud");
    }

    @Test
    void facilityByNameNumberAndList()
    {
        assertEquals(List.of(6), select("--facility", "kern"));
        assertEquals(List.of(0, 3), select("--facility", "local0,local4"));
        assertEquals(List.of(0, 3), select("--facility", "16", "--facility", "20"));
        assertEquals(List.of(1, 2, 4, 5), select("--facility", "user"));
        usageError("unknown facility 'nope'", "--facility", "nope");
    }

    @Test
    void hostAppAndMsgIdAreExactAndRepeatsOr()
    {
        assertEquals(List.of(0, 2, 5), select("-H", "host-a"));
        assertEquals(List.of(0, 2, 3, 5, 6), select("-H", "host-a", "--host", "host-c"));
        assertEquals(List.of(), select("-H", "host"));
        assertEquals(List.of(0, 3, 5), select("-t", "app-one"));
        assertEquals(List.of(1), select("--app", "sshd"));
        assertEquals(List.of(0, 5), select("--msgid", "ID47"));
        assertEquals(List.of(2), select("--msgid", "ERRID"));
    }

    @Test
    void selectorsAnd()
    {
        assertEquals(List.of(0, 2), select("-H", "host-a", "-p", "info"));
        assertEquals(List.of(5), select("-H", "host-a", "-t", "app-one", "--since", "2026-11-25T10:01:00Z"));
        assertEquals(List.of(), select("-H", "host-b", "--facility", "kern"));
    }

    @Test
    void grepIsSmartCaseAndOrs()
    {
        assertEquals(List.of(2), select("-g", "disk"));
        assertEquals(List.of(5), select("-g", "debug"));
        assertEquals(List.of(5), select("--grep", "Debug"));
        assertEquals(List.of(), select("-g", "DEBUG"));
        assertEquals(List.of(2, 6), select("-g", "^disk", "-g", "panic$"));
        assertEquals(List.of(4), select("-g", "forged"));
        usageError("bad regular expression '[': Unclosed character class", "-g", "[");
    }

    @Test
    void sourceByTransportAddressAndUri()
    {
        assertEquals(List.of(3), select("--source", "udp"));
        assertEquals(List.of(0, 1, 2, 4, 5, 6), select("--source", "tcp"));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), select("--source", "127.0.0.1"));
        assertEquals(List.of(0, 1, 2, 4, 5, 6), select("--source", "tcp://127.0.0.1"));
        assertEquals(List.of(), select("--source", "192.0.2.1"));
        assertEquals(List.of(), select("--source", "[::1]:514"));
        usageError("bad source 'example.com'", "--source", "example.com");
    }

    @Test
    void tagsSelectByBitAndNoEngineTagIsSetYet()
    {
        assertEquals(List.of(), select("--tag", "0"));
        assertEquals(List.of(), select("--tag", "3", "--tag", "63"));
        usageError("no tag named 'security'", "--tag", "security");
        usageError("no tag named '64'", "--tag", "64");
    }

    @Test
    void lastLinesAndReverse()
    {
        assertEquals(List.of(5, 6), select("-n", "2"));
        assertEquals(List.of(6, 5, 4, 3, 2, 1, 0), select("-r"));
        assertEquals(List.of(6, 5), select("-r", "-n", "2"));
        assertEquals(List.of(2, 5), select("-n", "2", "-H", "host-a", "-p", "7", "--until", "2026-11-25T10:04:00Z",
            "--since", "2026-11-25T10:00:01Z"));
        assertEquals(List.of(), select("-n", "0"));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), select("-n", "100"));
    }

    @Test
    void theIndexIsTheCursor()
    {
        final CliRun shown = CliRun.run("cat", "-o", "cat", "--show-index", "--journal", journal.toString());
        assertEquals(0, shown.exitCode, shown.toString());
        final String[] lines = shown.outLines();
        assertEquals(7, lines.length);
        final long third = Long.parseLong(lines[2].substring(0, lines[2].indexOf(' ')));
        assertEquals("disk failure", lines[2].substring(lines[2].indexOf(' ') + 1));
        assertEquals(List.of(3, 4, 5, 6), select("--after-index", Long.toString(third)));
        assertEquals(List.of(2, 3, 4, 5, 6), select("--from-index", Long.toString(third)));
        assertEquals(List.of(6, 5, 4, 3), select("--after-index", Long.toString(third), "-r"));
        assertEquals(List.of(), select("--after-index", Long.toString(third + 1000)));
    }

    @Test
    void tailShowsTheLastTenOrN()
    {
        final CliRun run = CliRun.run("tail", "-o", "cat", "--journal", journal.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(7, run.outLines().length);
        final CliRun three = CliRun.run("tail", "-n", "3", "-o", "cat", "-p", "debug", "--journal", journal.toString());
        assertEquals("x\\x00\\x1b[31mred\\r\\nforged\\xc3(end\nDebug Stuff\nkernel panic\n", three.out());
        final CliRun bad = CliRun.run("tail", "-f", "--until", "now", "--journal", journal.toString());
        assertEquals(2, bad.exitCode, bad.toString());
    }

    @Test
    void badTimeExpressionIsOneUsageLine()
    {
        usageError("bad time expression 'last tuesday'", "--since", "last tuesday");
        usageError("bad time expression '-1fortnight'", "--until", "-1fortnight");
    }
}
