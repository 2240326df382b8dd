package io.ringlog.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prefetcher reads the writer's cycle file from the writer's position up to its window, never past the file's
 * length, never the same range twice, follows the writer, and never changes a byte. (Its effect on append stalls is
 * measured by bench's {@code JournalStallProbe} and the latency rig, not asserted here.)
 */
class JournalPrefetcherTest
{
    private static final long WINDOW = 4L << 20;

    @Test
    void readsAheadOfTheWriterWithinTheFileAndNeverTwice(@TempDir final Path dir) throws Exception
    {
        try (SingleChronicleQueue q = Journal.openForWrite(dir, Journal.rollCycle("FAST_HOURLY"), 1L << 20);
            ExcerptAppender appender = q.createAppender();
            JournalPrefetcher prefetcher = new JournalPrefetcher(q, WINDOW))
        {
            final byte[] payload = new byte[200];
            long position = 0;
            for (int i = 0; i < 1000; i++)
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    final Bytes<?> b = dc.wire().bytes();
                    b.write(payload);
                    position = b.writePosition();
                }
            }
            final int cycle = appender.cycle();
            final Path file = Journal.cycleFile(q, cycle).toPath();
            assertTrue(Files.exists(file), "cycleFile names Chronicle's file: " + file);
            final byte[] before = digest(file);
            final long size = Files.size(file);

            final long first = prefetcher.prefetch(cycle, position);
            assertEquals(Math.min(size, position + WINDOW) - position, first, "from the writer to the window or EOF");
            assertEquals(0, prefetcher.prefetch(cycle, position), "nothing twice");
            assertEquals(0, prefetcher.prefetch(cycle, position + 1000), "still inside what was read");

            final long later = position + first + 4096; // the writer moved past what was read
            final long again = prefetcher.prefetch(cycle, later);
            assertEquals(Math.max(0, Math.min(size, later + WINDOW) - later), again);
            assertEquals(0, prefetcher.prefetch(cycle + 1, 0), "a cycle without a file yet is skipped, not an error");
            assertArrayEquals(before, digest(file), "read only: not a byte changed");
            System.out.printf("prefetched %,d bytes ahead of position %,d in a %,d-byte cycle file%n", first, position,
                size);
        }
    }

    @Test
    void theThreadFollowsTheWriterAndStopsCleanly(@TempDir final Path dir) throws Exception
    {
        try (SingleChronicleQueue q = Journal.openForWrite(dir, Journal.rollCycle("FAST_HOURLY"), 1L << 20);
            ExcerptAppender appender = q.createAppender())
        {
            assertFalse(new JournalPrefetcher(q, 0).start().running(), "a window of 0 starts no thread");
            final JournalPrefetcher prefetcher = new JournalPrefetcher(q, WINDOW).start();
            long position;
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(new byte[100]);
                position = dc.wire().bytes().writePosition();
            }
            final long size = Files.size(Journal.cycleFile(q, appender.cycle()).toPath());
            prefetcher.writerAt(appender.cycle(), position);
            final long expected = Math.min(size, position + WINDOW);
            final long deadline = System.nanoTime() + 10_000_000_000L;
            while (prefetcher.prefetchedTo() < expected && System.nanoTime() < deadline)
            {
                Thread.sleep(2);
            }
            assertEquals(expected, prefetcher.prefetchedTo(), "the thread read the window ahead of the writer");
            prefetcher.close();
            assertFalse(prefetcher.running(), "close stops the thread");
        }
    }

    private static byte[] digest(final Path file) throws Exception
    {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
