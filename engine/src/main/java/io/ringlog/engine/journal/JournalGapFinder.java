package io.ringlog.engine.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.NavigableSet;

/**
 * Finds the records a forward reader did not reach because Chronicle stopped early, and where reading can resume.
 *
 * <p>Chronicle reads a cycle file document by document; a zero where a document header should be means "nothing
 * written yet", so a zeroed page (or a cut-off file) silently ends the data there, and a tailer then never moves
 * on to the later cycles either. A reader that has seen the end calls {@link #check()}: it asks Chronicle's own
 * index how many records each cycle holds, probes the records after the last one read with a fresh tailer
 * ({@code moveToIndex} goes through the index, which lives elsewhere in the file, so it jumps over the damage;
 * a tailer that already stands before the damage would scan into it linearly and fail), and, when nothing is
 * reachable, looks for non-zero bytes after the last record, up to the cycle's write position. Cycle files are
 * sparse and zero beyond what Chronicle wrote, so data there is data the reader missed.
 *
 * <p>A write in progress is not damage: a reader that stopped at a live journal's end finds either the very next
 * record (0 unreachable) or a not-yet-complete header at exactly the end offset. Nor is an append that never
 * finished: after a {@code kill -9} in the middle of one, the record's bytes can be in the file while its header is
 * still zero (seen in {@code CrashLoopIT}), and Chronicle writes the next append over them. Chronicle sets the
 * store's write position to a document's start only once its header is complete, so bytes past the last document
 * it completed are such an append; only bytes at or before it are records a reader missed. Costs a few index look-ups per
 * cycle after the stop, so it runs once per end reached, never per record. Single-threaded, like the reader.
 */
public final class JournalGapFinder
{
    /** Chronicle's document header flag for a document whose writer has not finished it. */
    private static final int NOT_COMPLETE = 0x80000000;
    private static final int META_DATA = 0x40000000;
    private static final int LENGTH_MASK = 0x3FFFFFFF;
    /** Bound on the records probed one by one before probing only at index entries. */
    private static final int MAX_PROBES = 1_000_000;
    private static final int SCAN_CHUNK = 64 * 1024;

    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private long lastIndex = -1;
    private long lastEnd = -1;
    private boolean known;
    private long checkedAt = Long.MIN_VALUE;

    public JournalGapFinder(final SingleChronicleQueue queue)
    {
        this.queue = queue;
        this.rollCycle = queue.rollCycle();
    }

    /** The reader stands before the first record: a check now covers the whole journal. */
    public void fromStart()
    {
        lastIndex = -1;
        lastEnd = -1;
        known = true;
        checkedAt = Long.MIN_VALUE;
    }

    /** The reader moved somewhere else (or backward): no check until it reads forward again. */
    public void forget()
    {
        known = false;
    }

    /** A document was read forward: its index and the byte offset in its cycle file where it ends. */
    public void read(final long index, final long endOffset)
    {
        lastIndex = index;
        lastEnd = endOffset;
        known = true;
    }

    /**
     * Called when the reader found no next record.
     *
     * @return null when there is nothing to say (nothing follows, or this end was already checked); otherwise the
     *         gap. {@link JournalGap#damaged()} false with a resume index means records were appended since.
     */
    public JournalGap check()
    {
        if (!known || checkedAt == lastIndex)
        {
            return null;
        }
        checkedAt = lastIndex;
        queue.refreshDirectoryListing();
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (first == Integer.MAX_VALUE || last == Integer.MIN_VALUE || first > last)
        {
            return null;
        }
        final int cycle = lastIndex < 0 ? first : rollCycle.toCycle(lastIndex);
        final long seq = lastIndex < 0 ? -1 : rollCycle.toSequenceNumber(lastIndex);
        final NavigableSet<Long> cycles;
        try
        {
            cycles = queue.listCyclesBetween(Math.max(cycle, first), last);
        }
        catch (final IllegalStateException e)
        {
            return null; // retention deleted a cycle file since Chronicle listed the directory: nothing to judge
        }
        long unreachable = 0;
        long resume = -1;
        long firstIndex = -1;
        long cutAt = -1;
        for (final Long c : cycles)
        {
            final int cy = c.intValue();
            final long from = cy == cycle ? seq + 1 : 0;
            final CycleFile f = cycleFile(cy);
            if (f != null && f.cutOff())
            {
                // cut off: Chronicle's index would read past the end of the file (SIGBUS), so only say so
                cutAt = cutAt < 0 ? f.length : cutAt;
                firstIndex = firstIndex < 0 ? rollCycle.toIndex(cy, from) : firstIndex;
                unreachable = -1;
                continue;
            }
            final long count = count(cy);
            if (firstIndex < 0 && from < count)
            {
                firstIndex = rollCycle.toIndex(cy, from);
            }
            final long k = firstReadable(cy, from, count);
            if (k >= 0)
            {
                unreachable = unreachable < 0 ? -1 : unreachable + k - from;
                resume = rollCycle.toIndex(cy, k);
                break;
            }
            unreachable = unreachable < 0 ? -1 : unreachable + Math.max(0, count - from);
        }
        final CycleFile file = cycleFile(cycle);
        long data = -1;
        if (lastIndex >= 0 && file != null && (unreachable != 0 || resume < 0))
        {
            data = dataAfter(file, lastEnd);
        }
        if (unreachable == 0 && resume < 0 && data < 0)
        {
            return null;
        }
        return new JournalGap(file == null ? "cycle " + cycle : file.path, lastIndex < 0 ? -1 : lastEnd, data,
            firstIndex >= 0 ? firstIndex : lastIndex + 1, unreachable, resume, cutAt);
    }

    /** A cycle file's path, the start of the last document Chronicle wrote into it, and its length. */
    private record CycleFile(String path, long writePosition, long length)
    {
        /** Shorter than Chronicle wrote it: the index would read past the end of the file. */
        boolean cutOff()
        {
            return length < writePosition + 4;
        }
    }

    /**
     * Records in a cycle by Chronicle's index, or -1 when its file is cut off: there, the index look-up would read
     * past the end of the mapped file, which the JVM reports as an InternalError (SIGBUS), not an exception.
     */
    public long countIfIntact(final int cycle)
    {
        final CycleFile f = cycleFile(cycle);
        return f != null && f.cutOff() ? -1 : count(cycle);
    }

    private CycleFile cycleFile(final int cycle)
    {
        final SingleChronicleQueueStore store = queue.storeForCycle(cycle, queue.epoch(), false, null);
        if (store == null)
        {
            return null;
        }
        try
        {
            final File f = store.file();
            return new CycleFile(f.getPath(), store.writePosition(), f.length());
        }
        finally
        {
            queue.closeStore(store);
        }
    }

    /** Records in a cycle by Chronicle's index; 0 when the index cannot say. */
    private long count(final int cycle)
    {
        try
        {
            return queue.countExcerpts(rollCycle.toIndex(cycle, 0), rollCycle.toIndex(cycle + 1, 0));
        }
        catch (final RuntimeException e)
        {
            return 0;
        }
    }

    /**
     * The first sequence in {@code [from, count)} a fresh tailer can read: one by one over the first two index
     * spacings (the damage is usually a page), then only at index entries, which need no linear scan.
     */
    private long firstReadable(final int cycle, final long from, final long count)
    {
        final int spacing = Math.max(1, rollCycle.defaultIndexSpacing());
        long k = from;
        for (int probes = 0; k < count && probes < MAX_PROBES; probes++)
        {
            if (readable(rollCycle.toIndex(cycle, k)))
            {
                return k;
            }
            k = k - from < 2L * spacing ? k + 1 : (k / spacing + 1) * spacing;
        }
        return -1;
    }

    private boolean readable(final long index)
    {
        try (ExcerptTailer probe = queue.createTailer())
        {
            if (!probe.moveToIndex(index))
            {
                return false;
            }
            try (DocumentContext dc = probe.readingDocument())
            {
                return dc.isPresent() && dc.index() == index;
            }
        }
        catch (final RuntimeException e)
        {
            return false;
        }
    }

    /**
     * The offset of the first non-zero byte at or after {@code from} in the cycle's file, up to its write position
     * (the start of the last document Chronicle completed) plus a chunk, after skipping index metadata documents
     * that follow the last record; -1 when none, when {@code from} holds a document still being written, or when
     * the next document header lies past the last completed document (an append that never finished).
     */
    private long dataAfter(final CycleFile file, final long from)
    {
        final long writePosition = file.writePosition;
        try (FileChannel ch = FileChannel.open(Path.of(file.path), StandardOpenOption.READ))
        {
            final long limit = Math.min(ch.size(), Math.max(writePosition, from) + SCAN_CHUNK);
            final ByteBuffer buf = ByteBuffer.allocate(SCAN_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            long start = align(from);
            for (int docs = 0; docs < 1024 && start + 4 <= limit; docs++)
            {
                buf.clear().limit(4);
                if (ch.read(buf, start) < 4)
                {
                    break;
                }
                final int header = buf.getInt(0);
                if ((header & NOT_COMPLETE) != 0)
                {
                    return -1; // a write in progress (or Chronicle's end-of-cycle marker)
                }
                if ((header & META_DATA) == 0)
                {
                    break;
                }
                start = align(start + 4 + (header & LENGTH_MASK)); // index metadata the tailer skips anyway
            }
            if (start > writePosition)
            {
                return -1; // past the last completed document: an append that never finished, not a lost record
            }
            for (long pos = start; pos < limit; )
            {
                buf.clear().limit((int)Math.min(SCAN_CHUNK, limit - pos));
                final int n = ch.read(buf, pos);
                if (n <= 0)
                {
                    break;
                }
                for (int i = 0; i < n; i++)
                {
                    if (buf.get(i) != 0)
                    {
                        return pos + i;
                    }
                }
                pos += n;
            }
        }
        catch (final IOException e)
        {
            return -1;
        }
        return -1;
    }

    /** Chronicle starts every document header on a 4-byte boundary; a record's data may end anywhere. */
    private static long align(final long offset)
    {
        return (offset + 3) & ~3L;
    }
}
