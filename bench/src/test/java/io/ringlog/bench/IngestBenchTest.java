package io.ringlog.bench;

import io.ringlog.bench.ingest.RunResult;
import io.ringlog.bench.ingest.ThroughputResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rig counts right against the real engine jar: every message sent is reported journaled, none lost. */
class IngestBenchTest
{
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void ringlogPathReportsEveryMessageJournaledAndNoLoss(@TempDir final Path dir) throws Exception
    {
        final IngestBench bench = new IngestBench();
        new CommandLine(bench).parseArgs("--messages", "1000", "--warmup", "200", "--runs", "1", "--peers", "none",
            "--work-dir", dir.toString(), "--engine-jar", IngestTestSupport.engineJar().toString());

        final List<RunResult> results = bench.runAll();

        assertEquals(1, results.size());
        final RunResult r = results.get(0);
        assertNull(r.error());
        assertEquals("ringlog", r.system());
        assertEquals(0, r.exitCode());
        assertEquals(1000, r.messages());
        assertEquals(1200, r.expected());
        assertEquals(1200, r.verification().stored(), r.verification().detail());
        assertEquals(1200, r.verification().received(), r.verification().detail());
        assertEquals(0, r.verification().dropped());
        assertEquals(0, r.loss());
        assertTrue(r.ok());
        assertTrue(r.msgsPerSec() > 0 && r.cpuSeconds() >= 0 && r.peakRssBytes() > 0, r.toString());

        final String report = bench.report(results);
        assertTrue(report.contains("| ringlog | handoff (default), 1 parser |"), report);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void throughputForAnOrchestratorAccountsForEveryMessage(@TempDir final Path dir) throws Exception
    {
        final ThroughputResult r = IngestBench.throughput("ringlog", 2000, 500, dir, IngestTestSupport.engineJar(),
            List.of());
        System.out.println(r);
        assertNull(r.error);
        assertEquals("ringlog", r.system);
        assertEquals(2500, r.sent);
        assertEquals(2500, r.stored);
        assertEquals(0, r.lost);
        assertTrue(r.ok());
        assertTrue(r.msgsPerSec > 0 && r.cpuSecondsPerMillion >= 0 && r.peakRssBytes > 0, r.toString());
    }
}
