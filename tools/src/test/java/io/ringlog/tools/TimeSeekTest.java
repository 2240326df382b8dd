package io.ringlog.tools;

import io.ringlog.engine.journal.JournalRecord;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --since}/{@code --until} find their window by binary search: proved by counting the records the cursor
 * reads, not by timing. The journal spans several sparse cycle files, as a real one does after idle hours.
 */
class TimeSeekTest
{
    private static final int CYCLES = 4;
    private static final int PER_CYCLE = 25_000;
    private static final long STEP = 1_000_000L; // 1 ms between records

    @TempDir
    Path dir;

    /** Records i = 0..N-1 received at i ms, in 4 cycle files with empty hours between them. */
    private void write() throws Exception
    {
        final SetTimeProvider time = new SetTimeProvider(1_764_000_000_000L);
        try (JournalFixture journal = new JournalFixture(dir, time))
        {
            int i = 0;
            for (int c = 0; c < CYCLES; c++)
            {
                for (int k = 0; k < PER_CYCLE; k++, i++)
                {
                    journal.append(JournalFixture.event("record " + i, i * STEP));
                }
                time.advanceMillis((c + 2) * 3_600_000L);
            }
        }
    }

    private static final class Collect implements RecordSink
    {
        final List<String> raw = new ArrayList<>();

        @Override
        public boolean accept(final long index, final JournalRecord record, final byte[] bytes, final int rawOffset)
        {
            raw.add(new String(bytes, rawOffset, record.rawLength(), java.nio.charset.StandardCharsets.US_ASCII));
            return true;
        }

        @Override
        public void damaged(final long index, final String reason)
        {
            throw new AssertionError(reason);
        }

        @Override
        public boolean idle()
        {
            return true;
        }
    }

    @Test
    void windowIsFoundWithLogarithmicReads() throws Exception
    {
        write();
        final long n = (long)CYCLES * PER_CYCLE;
        final int log2 = 64 - Long.numberOfLeadingZeros(n); // 17 for 100,000
        try (JournalCursor cursor = new JournalCursor(dir))
        {
            assertEquals(n, cursor.count());
            for (final long first : new long[] {0, 1, 24_999, 25_000, 61_234, 99_990})
            {
                final Collect out = new Collect();
                final long last = Math.min(n - 1, first + 9);
                final long before = cursor.reads();
                final JournalQuery.Result result = new JournalQuery(
                    Selection.all().since(first * STEP).until(last * STEP)).run(cursor, out);
                final long reads = cursor.reads() - before;
                assertEquals(last - first + 1, out.raw.size());
                assertEquals("record " + first, out.raw.get(0));
                assertEquals("record " + last, out.raw.get(out.raw.size() - 1));
                // two binary searches plus the window, against 100,000 for a scan
                assertTrue(reads <= 2 * (log2 + 1) + (last - first + 1), reads + " reads for " + first);
                assertEquals(last - first + 1, result.selected());
            }
            final Collect none = new Collect();
            new JournalQuery(Selection.all().since(n * STEP)).run(cursor, none);
            assertEquals(0, none.raw.size());
        }
    }

    @Test
    void lastLinesReadBackwardAcrossCycles() throws Exception
    {
        write();
        try (JournalCursor cursor = new JournalCursor(dir))
        {
            final Collect out = new Collect();
            final long before = cursor.reads();
            new JournalQuery(Selection.all().until((PER_CYCLE + 2) * STEP)).lines(5).run(cursor, out);
            assertEquals(List.of("record 24998", "record 24999", "record 25000", "record 25001", "record 25002"),
                out.raw);
            assertTrue(cursor.reads() - before < 40, "reads: " + (cursor.reads() - before));
            final Collect reversed = new Collect();
            new JournalQuery(Selection.all().since(74_998 * STEP)).reverse(true).lines(3).run(cursor, reversed);
            assertEquals(List.of("record 99999", "record 99998", "record 99997"), reversed.raw);
        }
    }

    @Test
    void ordinalsMapAcrossSparseCycles() throws Exception
    {
        write();
        try (var files = java.nio.file.Files.list(dir))
        {
            assertEquals(CYCLES, files.filter(f -> f.toString().endsWith(".cq4")).count(), "one file per cycle");
        }
        try (JournalCursor cursor = new JournalCursor(dir))
        {
            for (final long ordinal : new long[] {0, 24_999, 25_000, 50_000, 99_999})
            {
                final long index = cursor.indexOfOrdinal(ordinal);
                assertEquals(ordinal, cursor.ordinalOfIndex(index));
                assertTrue(cursor.moveToOrdinal(ordinal));
                assertEquals(JournalCursor.Status.RECORD, cursor.next());
                assertEquals(ordinal * STEP, cursor.record().receivedAtNanos());
                assertEquals(index, cursor.index());
            }
        }
    }
}
