package io.ringlog.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatTest
{
    private static final long STARTED_MS = 1_795_062_000_123L; // 2026-11-19T04:20:00.123Z

    @TempDir
    Path dir;

    private void writeCounters(final boolean stopped)
    {
        try (CountersFile counters = CountersFile.create(dir, 4242, STARTED_MS))
        {
            counters.get(Counter.RECEIVED_TCP).increment();
            counters.get(Counter.RECEIVED_TCP).increment();
            counters.get(Counter.RECEIVED_UDP).getAndAdd(8);
            counters.get(Counter.JOURNALED).getAndAdd(6);
            counters.get(Counter.FILTERED).getAndAdd(3);
            counters.get(Counter.DROPPED_RING_FULL).increment();
            counters.get(Counter.BYTES_RECEIVED).getAndAdd(123_456_789L);
            if (stopped)
            {
                counters.markStopped();
            }
        }
    }

    @Test
    void textHasEveryCounterAlignedAndTheAccountingLine()
    {
        writeCounters(true);
        final CliRun run = CliRun.run("stat", "--journal", dir.toString());
        assertEquals(0, run.exitCode, run.toString());
        final String[] lines = run.outLines();
        assertEquals(3 + Counter.values().length + 1, lines.length, run.out());
        final int valueColumn = lines[0].lastIndexOf(' ') + 1;
        final List<String> labels = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++)
        {
            assertTrue(lines[i].charAt(valueColumn - 1) == ' ' && lines[i].charAt(valueColumn) != ' ', lines[i]);
            labels.add(lines[i].substring(0, valueColumn).strip());
        }
        assertEquals("pid", labels.get(0));
        assertEquals("4242", lines[0].substring(valueColumn));
        assertEquals("startedAt", labels.get(1));
        assertEquals("2026-11-19T04:20:00.123Z", lines[1].substring(valueColumn));
        assertEquals("running   ", lines[2].substring(0, 10));
        assertEquals("false", lines[2].substring(valueColumn));
        for (final Counter c : Counter.values())
        {
            assertEquals(c.label(), labels.get(3 + c.id()));
        }
        assertTrue(run.out().contains("\nreceived.udp"));
        assertEquals("123456789", lines[3 + Counter.BYTES_RECEIVED.id()].substring(valueColumn));
        assertEquals("received 10 = journaled 6 + filtered 3 + dropped 1", lines[lines.length - 1]);
    }

    @Test
    void jsonIsOneObject() throws Exception
    {
        writeCounters(false);
        final CliRun run = CliRun.run("stat", "--journal", dir.toString(), "-o", "json");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, run.outLines().length);
        final JsonNode r = new ObjectMapper().readTree(run.out());
        final List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("pid", "startedAt", "running", "counters"), keys);
        assertEquals(4242, r.get("pid").asLong());
        assertEquals("2026-11-19T04:20:00.123Z", r.get("startedAt").asText());
        assertTrue(r.get("running").isBoolean());
        final JsonNode counters = r.get("counters");
        assertEquals(Counter.values().length, counters.size());
        assertEquals(2, counters.get("received.tcp").asLong());
        assertEquals(8, counters.get("received.udp").asLong());
        assertEquals(6, counters.get("journaled").asLong());
        assertEquals(3, counters.get("filtered").asLong());
        assertEquals(1, counters.get("dropped.ring_full").asLong());
        assertEquals(0, counters.get("tcp.accept_paused").asLong());
    }

    @Test
    void runningFollowsTheHeartbeat()
    {
        writeCounters(false);
        final CountersFile.Snapshot s = CountersFile.read(dir);
        assertTrue(new CountersReport(s, STARTED_MS).isRunning());
        assertTrue(new CountersReport(s, STARTED_MS + 5_000).isRunning());
        assertFalse(new CountersReport(s, STARTED_MS + 5_001).isRunning());
        writeCounters(true);
        assertFalse(new CountersReport(CountersFile.read(dir), STARTED_MS).isRunning());
    }

    @Test
    void unbalancedAccountingSaysSo()
    {
        try (CountersFile counters = CountersFile.create(dir, 1, STARTED_MS))
        {
            counters.get(Counter.RECEIVED_TCP).getAndAdd(5);
            counters.get(Counter.JOURNALED).getAndAdd(3);
        }
        final String text = new CountersReport(CountersFile.read(dir), STARTED_MS).text();
        assertTrue(text.endsWith(
            "received 5 != journaled 3 + filtered 0 + dropped 0 (2 not accounted for yet)\n"), text);
    }

    @Test
    void missingCountersFileIsOneLine()
    {
        final CliRun run = CliRun.run("stat", "--journal", dir.resolve("none").toString());
        assertEquals(1, run.exitCode);
        assertEquals(0, run.stdout.length);
        assertEquals(1, run.errLines().length, run.stderr);
        assertTrue(run.stderr.startsWith("ringlog: no counters file at "), run.stderr);
    }
}
