package io.ringlog.engine.journal;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.Transport;
import io.ringlog.engine.pipeline.EngineHarness;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention deletes whole cycle files, oldest first, by age and by size, never the current cycle, and readers
 * (one opened before the deletion, and a fresh one) still read every remaining record. The queue runs on
 * Chronicle's TEST_SECONDLY roll cycle with a set clock, so cycles roll without waiting and the current cycle is
 * known exactly.
 */
@Tag("reliability")
class RetentionTest
{
    private static final int CYCLES = 5;
    private static final int PER_CYCLE = 10;
    private static final long START_MS = 1_795_564_800_000L; // 2026-11-25T00:00:00Z, a whole second

    @TempDir
    Path dir;

    private final SetTimeProvider time = new SetTimeProvider(START_MS * 1_000_000L);
    private final LogEvent event = new LogEvent(256);

    private SingleChronicleQueue open()
    {
        return SingleChronicleQueueBuilder.binary(dir.toFile()).rollCycle(TestRollCycles.TEST_SECONDLY)
            .timeProvider(time).build();
    }

    /** Writes PER_CYCLE records into each of CYCLES consecutive one-second cycles; message i reads "m i". */
    private void fill(final JournalWriter writer)
    {
        for (int c = 0; c < CYCLES; c++)
        {
            time.currentTimeMillis(START_MS + c * 1000L);
            for (int j = 0; j < PER_CYCLE; j++)
            {
                append(writer, c * PER_CYCLE + j);
            }
        }
    }

    private void append(final JournalWriter writer, final int i)
    {
        event.resetParse();
        final byte[] b = ("m " + i).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, event.raw, 0, b.length);
        event.rawLength = b.length;
        event.receivedAtNanos = START_MS * 1_000_000L + i;
        event.transport = Transport.UDP;
        event.format = MessageFormat.UNPARSED;
        writer.append(event);
    }

    private static long used(final SingleChronicleQueue q, final int cycle)
    {
        final SingleChronicleQueueStore store = q.storeForCycle(cycle, q.epoch(), false, null);
        try
        {
            return store.writePosition();
        }
        finally
        {
            q.closeStore(store);
        }
    }

    /** Every record's message number, checking each record's CRC. */
    private static List<Integer> read(final JournalReader reader)
    {
        final List<Integer> out = new ArrayList<>();
        final CRC32C crc = new CRC32C();
        final byte[] scratch = new byte[1024];
        JournalRecord r;
        for (int k = 0; k < 1000 && (r = reader.next()) != null; k++)
        {
            assertTrue(r.crcMatches(crc, scratch), "CRC of record " + reader.index());
            final byte[] raw = new byte[r.rawLength()];
            r.getRaw(raw);
            out.add(Integer.parseInt(new String(raw, StandardCharsets.US_ASCII).substring(2)));
        }
        return out;
    }

    private static List<Integer> range(final int from, final int to)
    {
        final List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++)
        {
            out.add(i);
        }
        return out;
    }

    @Test
    void deletesCyclesOlderThanMaxAgeButNeverTheCurrentOne() throws Exception
    {
        try (SingleChronicleQueue q = open(); CountersFile counters = CountersFile.create(dir, 1, 0))
        {
            final JournalWriter writer = new JournalWriter(q, new AtomicLong(), counters).startOnCurrentThread();
            fill(writer);
            final int first = q.firstCycle();
            final int current = q.cycle();
            assertEquals(first + CYCLES - 1, current);
            final Retention retention = new Retention(q, 2000, 0, 10_000,
                counters.get(Counter.RETENTION_DELETED_FILES), counters.get(Counter.RETENTION_DELETED_BYTES));
            for (int c = first; c <= current; c++)
            {
                assertTrue(retention.fileFor(c).isFile(), "Chronicle's file name for cycle " + c);
            }
            final long expectedBytes = used(q, first) + used(q, first + 1);
            try (JournalReader before = new JournalReader(dir))
            {
                before.toStart();
                // now = 0.5 s into the current (5th) cycle: cycles 1 and 2 ended 3.5 s and 2.5 s ago (> 2 s)
                assertEquals(2, retention.check(START_MS + 4500));
                assertFalse(retention.fileFor(first).exists());
                assertFalse(retention.fileFor(first + 1).exists());
                assertTrue(retention.fileFor(first + 2).isFile());
                assertEquals(2, counters.get(Counter.RETENTION_DELETED_FILES).get());
                assertEquals(expectedBytes, counters.get(Counter.RETENTION_DELETED_BYTES).get());
                System.out.println("retention by age: deleted 2 cycle files, " + expectedBytes + " bytes");

                append(writer, 1000); // the writer goes on in the current cycle
                before.toStart();
                final List<Integer> expected = range(2 * PER_CYCLE, CYCLES * PER_CYCLE);
                expected.add(1000);
                assertEquals(expected, read(before), "reader opened before the deletion");
                try (JournalReader fresh = new JournalReader(dir))
                {
                    fresh.toStart();
                    assertEquals(expected, read(fresh), "fresh reader");
                }
            }
            // far in the future: every cycle is too old, but the current one stays
            assertEquals(2, retention.check(START_MS + 1_000_000));
            assertTrue(retention.fileFor(current).isFile(), "the current cycle is never deleted");
            assertEquals(4, counters.get(Counter.RETENTION_DELETED_FILES).get());
            append(writer, 1001);
            try (JournalReader fresh = new JournalReader(dir))
            {
                fresh.toStart();
                final List<Integer> expected = range(4 * PER_CYCLE, CYCLES * PER_CYCLE);
                expected.add(1000);
                expected.add(1001);
                assertEquals(expected, read(fresh));
            }
        }
    }

    @Test
    void deletesOldestCyclesWhileAboveMaxBytes() throws Exception
    {
        try (SingleChronicleQueue q = open(); CountersFile counters = CountersFile.create(dir, 1, 0))
        {
            final JournalWriter writer = new JournalWriter(q, new AtomicLong(), counters).startOnCurrentThread();
            fill(writer);
            final int first = q.firstCycle();
            long total = 0;
            for (int c = first; c < first + CYCLES; c++)
            {
                total += used(q, c);
            }
            // room for all but the two oldest cycles
            final long maxBytes = total - used(q, first) - used(q, first + 1);
            final Retention retention = new Retention(q, 0, maxBytes, 10_000,
                counters.get(Counter.RETENTION_DELETED_FILES), counters.get(Counter.RETENTION_DELETED_BYTES));
            assertEquals(2, retention.check(START_MS + 4500));
            assertEquals(0, retention.check(START_MS + 4500), "within the limit now");
            assertFalse(retention.fileFor(first + 1).exists());
            assertTrue(retention.fileFor(first + 2).isFile());
            assertEquals(total - maxBytes, counters.get(Counter.RETENTION_DELETED_BYTES).get());
            // a limit of 1 byte: everything but the current cycle goes
            final Retention tiny = new Retention(q, 0, 1, 10_000,
                counters.get(Counter.RETENTION_DELETED_FILES), counters.get(Counter.RETENTION_DELETED_BYTES));
            assertEquals(2, tiny.check(START_MS + 4500));
            assertTrue(retention.fileFor(q.cycle()).isFile());
            System.out.println("retention by size: total " + total + " bytes, limit " + maxBytes + ", deleted " +
                counters.get(Counter.RETENTION_DELETED_FILES).get() + " files, " +
                counters.get(Counter.RETENTION_DELETED_BYTES).get() + " bytes");
            try (JournalReader fresh = new JournalReader(dir))
            {
                fresh.toStart();
                assertEquals(range(4 * PER_CYCLE, CYCLES * PER_CYCLE), read(fresh));
            }
        }
    }

    @Test
    void engineRunsRetentionOnItsOwnThreadWithoutTouchingTheLiveCycle() throws Exception
    {
        final Path journal = dir.resolve("journal");
        try (EngineHarness h = new EngineHarness(journal, "retention.maxBytes", "1", "retention.checkIntervalMs",
            "20"))
        {
            for (int i = 0; i < 100; i++)
            {
                h.sendTcp(("<13>1 - h a - - - n " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            assertEquals(100, h.awaitAccounted(100));
            Thread.sleep(100); // several retention passes over a journal whose only cycle is the live one
            assertEquals(0, h.counter(Counter.RETENTION_DELETED_FILES));
            assertEquals(100, EngineHarness.readRaw(journal).size());
        }
        assertTrue(Files.isDirectory(journal));
        assertEquals(100, EngineHarness.readRaw(journal).size(), "after close: onReleased of the live cycle");
    }
}
