package io.ringlog.tools;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest
{
    @Test
    void everyCommandHasHelp()
    {
        for (final String[] args : new String[][] {{"--help"}, {"-h"}, {"cat", "--help"}, {"stat", "--help"},
            {"help", "cat"}})
        {
            final CliRun run = CliRun.run(args);
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.out().startsWith("Usage: ringlog"), run.out());
            assertEquals("", run.stderr);
        }
        assertTrue(CliRun.run("cat", "--help").out().contains("--journal=DIR"));
        assertTrue(CliRun.run("--help").out().contains("stat"));
    }

    @Test
    void usageErrorsAreOneLineWithStatus2()
    {
        final CliRun unknownOption = CliRun.run("cat", "--nope");
        assertEquals(2, unknownOption.exitCode);
        assertEquals(1, unknownOption.errLines().length, unknownOption.stderr);
        assertTrue(unknownOption.stderr.startsWith("ringlog: Unknown option: '--nope'"), unknownOption.stderr);
        assertTrue(unknownOption.stderr.contains("'ringlog cat --help'"), unknownOption.stderr);

        final CliRun badFormat = CliRun.run("cat", "-o", "xml");
        assertEquals(2, badFormat.exitCode);
        assertEquals(1, badFormat.errLines().length, badFormat.stderr);
        assertTrue(badFormat.stderr.contains("unknown output format 'xml' (expected short, short-iso, rfc5424, rfc3164, json, json-pretty, raw or cat)"),
            badFormat.stderr);

        final CliRun badStatFormat = CliRun.run("stat", "-o", "yaml");
        assertEquals(2, badStatFormat.exitCode);
        assertEquals(1, badStatFormat.errLines().length, badStatFormat.stderr);

        final CliRun unknownCommand = CliRun.run("frobnicate");
        assertEquals(2, unknownCommand.exitCode);
        assertEquals(1, unknownCommand.errLines().length, unknownCommand.stderr);

        final CliRun none = CliRun.run();
        assertEquals(2, none.exitCode);
        assertEquals("ringlog: missing command (cat, tail, stats, forward, verify or stat); see 'ringlog --help'\n", none.stderr);
    }
}
