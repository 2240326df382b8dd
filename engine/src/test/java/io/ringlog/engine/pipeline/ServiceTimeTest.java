package io.ringlog.engine.pipeline;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.journal.ServiceTimeLog;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's own receipt -> journaled histogram: one value per journaled message (filtered ones are not
 * journaled, so not recorded), the distribution written on stop, and with an interval the .hlog's intervals add up
 * to the same count.
 */
class ServiceTimeTest
{
    private static byte[] stream(final int n, final int everyOtherDebug)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++)
        {
            final int pri = everyOtherDebug > 0 && i % 2 == 1 ? 15 : 14; // 15 = user.debug, 14 = user.info
            final String m = "<" + pri + ">1 2026-11-25T04:36:48Z h app - - - service time " + i;
            out.writeBytes((m.length() + " " + m).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    @Test
    void everyJournaledMessageIsRecordedOnceAndTheDistributionIsWrittenOnStop(@TempDir final Path dir)
        throws Exception
    {
        final int n = 20_000;
        final Path journal = dir.resolve("j");
        final Histogram live;
        final long journaled;
        try (EngineHarness h = new EngineHarness(journal, "logic.minSeverity", "info"))
        {
            h.sendTcp(stream(n, 1));
            assertEquals(n, h.awaitAccounted(n));
            journaled = h.counter(Counter.JOURNALED);
            live = h.engine.serviceTime();
        }
        assertEquals(n / 2, journaled);
        assertEquals(journaled, live.getTotalCount(), "one service time per journaled message");
        assertTrue(live.getValueAtPercentile(50) > 0, "receipt precedes journaling: " + live.getValueAtPercentile(50));
        final String hgrm = Files.readString(journal.resolve(ServiceTimeLog.HGRM_FILE));
        assertTrue(hgrm.matches("(?s).*Total count\\s*=\\s*" + journaled + "\\].*"), hgrm);
        assertFalse(Files.exists(journal.resolve(ServiceTimeLog.HLOG_FILE)), "no interval log unless asked for");
        System.out.printf("service time of %,d messages: p50 %.1f µs, p99 %.1f µs, max %.1f µs%n", journaled,
            live.getValueAtPercentile(50) / 1e3, live.getValueAtPercentile(99) / 1e3, live.getMaxValue() / 1e3);
    }

    @Test
    void theIntervalLogAddsUpToEveryJournaledMessage(@TempDir final Path dir) throws Exception
    {
        final int n = 30_000;
        final Path journal = dir.resolve("j");
        try (EngineHarness h = new EngineHarness(journal, "stats.serviceTimeIntervalMs", "100"))
        {
            for (int i = 0; i < 3; i++)
            {
                h.sendTcp(stream(n / 3, 0));
                Thread.sleep(150); // lets an interval end between bursts
            }
            assertEquals(n, h.awaitAccounted(n));
        }
        long sum = 0;
        int intervals = 0;
        final HistogramLogReader reader = new HistogramLogReader(journal.resolve(ServiceTimeLog.HLOG_FILE).toFile());
        for (Histogram h = (Histogram)reader.nextIntervalHistogram(); h != null;
            h = (Histogram)reader.nextIntervalHistogram())
        {
            sum += h.getTotalCount();
            intervals++;
        }
        assertEquals(n, sum, "intervals sum to the messages journaled");
        assertTrue(intervals >= 2, "several intervals: " + intervals);
        System.out.printf("service-time.hlog: %d intervals, %,d values%n", intervals, sum);
    }
}
