package io.ringlog.tools;

import io.ringlog.engine.journal.Journal;
import io.ringlog.engine.journal.JournalFormatException;
import io.ringlog.engine.journal.JournalGap;
import io.ringlog.engine.journal.JournalGapFinder;
import io.ringlog.engine.journal.JournalRecord;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.NavigableSet;
import java.util.zip.CRC32C;

/**
 * A read-only cursor over the journal for the tools: reads one record at a time, forward or backward, checks its
 * version, lengths and CRC32C, and hands it out through one reused {@link JournalRecord} whose raw bytes sit in a
 * plain array ({@link #bytes()}), the form every {@link RecordFormatter} takes. Single-threaded.
 *
 * <p>It also knows the journal's shape, which the Chronicle index gives without reading records: the cycles
 * present (cycle files are sparse: an idle hour has none) and how many records each holds, so that a record can
 * be addressed by its <em>ordinal</em> (0 for the oldest) as well as by its Chronicle index. {@link TimeSeek}
 * binary-searches ordinals. The shape is a snapshot taken by {@link #refreshShape()}; records appended later are
 * still read by {@link #next()}, which follows the live journal.
 *
 * <p>Reading forward to the end of a journal at rest ({@link #checkGaps(boolean)}), the cursor also asks
 * {@link JournalGapFinder} whether Chronicle stopped early (a zeroed page or cut-off cycle file ends Chronicle's
 * data silently): records it cannot reach come back as one {@link Status#DAMAGED} naming the file and byte
 * offsets, {@link #damagedCount()} of them, and reading resumes at the next reachable record.
 *
 * <p>{@link #reads()} counts the records read, so tests can prove a seek reads O(log n) of them.
 */
public final class JournalCursor implements AutoCloseable
{
    /** What {@link #next()} found. */
    public enum Status
    {
        /** A sound record: {@link #record()}, {@link #bytes()}, {@link #rawOffset()} and {@link #index()}. */
        RECORD,
        /** A damaged record at {@link #index()}, described by {@link #damage()}; the cursor moved past it. */
        DAMAGED,
        /** No record (yet) in the current direction. */
        END
    }

    private final SingleChronicleQueue queue;
    private final JournalGapFinder gaps;
    private ExcerptTailer tailer;
    private boolean checkGaps;
    private long damagedCount;
    private final RollCycle rollCycle;
    private final JournalRecord record = new JournalRecord();
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final CRC32C crc = new CRC32C();
    private byte[] scratch = new byte[4096];
    private long index = -1;
    private String damage;
    private long reads;
    private TailerDirection direction = TailerDirection.FORWARD;

    private int[] cycles = new int[0];
    private long[] startOrdinal = new long[0];
    private long count;

    /**
     * @throws IllegalArgumentException with a one-line reason when {@code dir} is not a journal.
     */
    public JournalCursor(final Path dir)
    {
        queue = Journal.openReadOnly(dir);
        tailer = queue.createTailer();
        rollCycle = queue.rollCycle();
        gaps = new JournalGapFinder(queue);
        refreshShape();
    }

    /** Takes a new snapshot of the cycles and their record counts (a few index look-ups per cycle file). */
    public void refreshShape()
    {
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (first == Integer.MAX_VALUE || last == Integer.MIN_VALUE || first > last)
        {
            cycles = new int[0];
            startOrdinal = new long[] {0};
            count = 0;
            return;
        }
        final NavigableSet<Long> present = queue.listCyclesBetween(first, last);
        cycles = new int[present.size()];
        startOrdinal = new long[present.size() + 1];
        int i = 0;
        long total = 0;
        for (final Long c : present)
        {
            final int cycle = c.intValue();
            cycles[i] = cycle;
            startOrdinal[i] = total;
            total += Math.max(0, gaps.countIfIntact(cycle)); // a cut-off file is found and named at its end
            i++;
        }
        startOrdinal[i] = total;
        count = total;
    }

    /** Records in the journal at the last {@link #refreshShape()}. */
    public long count()
    {
        return count;
    }

    /** The Chronicle index of the record with this ordinal ({@code 0 <= ordinal < count()}). */
    public long indexOfOrdinal(final long ordinal)
    {
        int lo = 0;
        int hi = cycles.length - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi + 1) >>> 1;
            if (startOrdinal[mid] <= ordinal)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return rollCycle.toIndex(cycles[lo], ordinal - startOrdinal[lo]);
    }

    /**
     * The ordinal of a Chronicle index, or, for an index between records, the ordinal of the next record
     * ({@link #count()} when none follows).
     */
    public long ordinalOfIndex(final long chronicleIndex)
    {
        final int cycle = rollCycle.toCycle(chronicleIndex);
        final long sequence = rollCycle.toSequenceNumber(chronicleIndex);
        for (int i = 0; i < cycles.length; i++)
        {
            if (cycles[i] == cycle)
            {
                return Math.min(startOrdinal[i] + sequence, startOrdinal[i + 1]);
            }
            if (cycles[i] > cycle)
            {
                return startOrdinal[i];
            }
        }
        return count;
    }

    /** Positions before the first record (forward) or after the last (backward), per {@link #direction}. */
    public JournalCursor toStart()
    {
        tailer.direction(TailerDirection.FORWARD).toStart();
        direction = TailerDirection.FORWARD;
        gaps.fromStart();
        return this;
    }

    /** Positions after the last record; read backward from here with {@link #backward()}. */
    public JournalCursor toEnd()
    {
        tailer.toEnd();
        gaps.forget();
        return this;
    }

    public JournalCursor forward()
    {
        direction = TailerDirection.FORWARD;
        tailer.direction(direction);
        return this;
    }

    public JournalCursor backward()
    {
        direction = TailerDirection.BACKWARD;
        tailer.direction(direction);
        gaps.forget();
        return this;
    }

    /** Positions so that {@link #next()} reads the record at {@code chronicleIndex}; false when there is none. */
    public boolean moveToIndex(final long chronicleIndex)
    {
        gaps.forget();
        return tailer.moveToIndex(chronicleIndex);
    }

    /** Positions so that {@link #next()} reads the record with this ordinal; false when there is none. */
    public boolean moveToOrdinal(final long ordinal)
    {
        gaps.forget();
        return ordinal >= 0 && ordinal < count && tailer.moveToIndex(indexOfOrdinal(ordinal));
    }

    /**
     * Whether reaching the end forward checks for records Chronicle could not reach: on for a journal read to its
     * end once ({@code cat}, {@code verify}), off for a follower, whose end moves and is met again and again.
     */
    public JournalCursor checkGaps(final boolean value)
    {
        checkGaps = value;
        return this;
    }

    /** Reads the next record in the current direction, checking it fully (version, lengths, CRC32C). */
    public Status next()
    {
        final int length;
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return checkGaps && direction == TailerDirection.FORWARD ? gapAtEnd() : Status.END;
            }
            index = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            if (direction == TailerDirection.FORWARD)
            {
                gaps.read(index, bytes.readLimit());
            }
            final long remaining = bytes.readRemaining();
            length = (int)Math.min(remaining, Integer.MAX_VALUE);
            if (length > scratch.length)
            {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            bytes.read(scratch, 0, length);
        }
        reads++;
        damagedCount = 1;
        view.wrap(scratch, 0, length);
        try
        {
            record.wrap(view, 0, length);
        }
        catch (final JournalFormatException e)
        {
            damage = e.getMessage();
            return Status.DAMAGED;
        }
        if (!record.crcMatchesAtStartOf(scratch, crc))
        {
            damage = String.format("CRC32C mismatch (stored 0x%08x): the record is damaged", record.crc32c());
            return Status.DAMAGED;
        }
        return Status.RECORD;
    }

    /** Chronicle saw the end: reports unreachable records as one DAMAGED, moving past them when it can. */
    private Status gapAtEnd()
    {
        final JournalGap gap = gaps.check();
        if (gap == null)
        {
            return Status.END;
        }
        if (gap.resumeIndex() >= 0)
        {
            tailer.close();
            tailer = queue.createTailer(); // a fresh tailer: the old one would scan linearly into the damage
            tailer.direction(TailerDirection.FORWARD);
            tailer.moveToIndex(gap.resumeIndex());
        }
        if (!gap.damaged())
        {
            return gap.resumeIndex() >= 0 ? next() : Status.END;
        }
        index = gap.firstIndex();
        damage = gap.describe();
        damagedCount = gap.count();
        return Status.DAMAGED;
    }

    public JournalRecord record()
    {
        return record;
    }

    /** The array holding the current record; its raw message bytes start at {@link #rawOffset()}. */
    public byte[] bytes()
    {
        return scratch;
    }

    public int rawOffset()
    {
        return record.rawOffset();
    }

    /** The Chronicle index of the record (or damaged record) last read. */
    public long index()
    {
        return index;
    }

    /** Records the last {@link Status#DAMAGED} stands for: 1 for a damaged record, N for unreachable ones. */
    public long damagedCount()
    {
        return damagedCount;
    }

    /** Why the last {@link Status#DAMAGED} record is damaged. */
    public String damage()
    {
        return damage;
    }

    /** Documents read so far. */
    public long reads()
    {
        return reads;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
