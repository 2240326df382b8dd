package io.ringlog.tools;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link Selection} over the journal and delivers the matches, in journal order or reversed, to a
 * {@link RecordSink}: the engine of {@code cat}, {@code tail}, {@code stats} and {@code forward}.
 *
 * <p>Where to start and stop is worked out on the index before any record is printed: {@code --from-index} /
 * {@code --after-index} map to ordinals directly, and receipt-time bounds by {@link TimeSeek}'s binary search, so
 * a narrow window of a huge journal costs O(log n) reads plus the window. {@code -n N} scans backward from the
 * end bound until N matches are found, then prints them forward.
 *
 * <p>Following ({@code tail -f}) keeps reading past the end: when no record is there it spins briefly, then parks
 * for {@value #PARK_NANOS} ns at a time, so a new record is seen within about a tenth of a millisecond of being
 * journaled while an idle follower costs next to no CPU. It stops when {@code stop} answers true or the sink
 * refuses a record. Single-threaded; {@code stop} may be set from a signal handler.
 */
public final class JournalQuery
{
    static final long PARK_NANOS = 50_000;
    private static final int SPINS = 200;
    private static final long STOP_CHECK_MASK = (1 << 12) - 1;

    /** What a run did. */
    public record Result(long selected, long damaged, long read)
    {
    }

    private final Selection selection;
    private long fromIndex = -1;
    private long afterIndex = -1;
    private long lines = -1;
    private boolean reverse;
    private boolean follow;
    private BooleanSupplier stop = () -> false;
    private Progress progress = Progress.NONE;

    public JournalQuery(final Selection selection)
    {
        this.selection = selection;
    }

    /** Starts at this Chronicle index (inclusive). */
    public JournalQuery fromIndex(final long index)
    {
        fromIndex = index;
        return this;
    }

    /** Starts after this Chronicle index: the cursor form of resuming. */
    public JournalQuery afterIndex(final long index)
    {
        afterIndex = index;
        return this;
    }

    /** Only the last {@code n} selected records ({@code -n}); negative for all. */
    public JournalQuery lines(final long n)
    {
        lines = n;
        return this;
    }

    public JournalQuery reverse(final boolean value)
    {
        reverse = value;
        return this;
    }

    public JournalQuery follow(final boolean value, final BooleanSupplier stopWhen)
    {
        follow = value;
        stop = stopWhen;
        return this;
    }

    public JournalQuery progress(final Progress value)
    {
        progress = value;
        return this;
    }

    /** Runs the query on an open cursor. */
    public Result run(final JournalCursor cursor, final RecordSink sink)
    {
        cursor.refreshShape();
        cursor.checkGaps(!follow);
        final long count = cursor.count();
        long start = 0;
        long end = count;
        if (fromIndex >= 0)
        {
            start = Math.max(start, cursor.ordinalOfIndex(fromIndex));
        }
        if (afterIndex >= 0)
        {
            start = Math.max(start, cursor.ordinalOfIndex(afterIndex + 1));
        }
        if (selection.seeksByReceiptTime())
        {
            if (selection.sinceNanos != Long.MIN_VALUE)
            {
                start = TimeSeek.firstAtOrAfter(cursor, selection.sinceNanos, start, end);
            }
            if (selection.untilNanos != Long.MAX_VALUE)
            {
                end = TimeSeek.firstAtOrAfter(cursor, selection.untilNanos + 1, start, end);
            }
        }
        final long readBefore = cursor.reads();
        progress.start(Math.max(0, end - start));
        final Result result;
        if (reverse && !follow)
        {
            result = backward(cursor, sink, start, end, readBefore);
        }
        else
        {
            if (lines >= 0)
            {
                start = startOfLast(cursor, start, end);
            }
            result = forward(cursor, sink, start, end, readBefore);
        }
        progress.finish();
        return result;
    }

    /** The ordinal of the first of the last {@code lines} matches in {@code [start, end)}. */
    private long startOfLast(final JournalCursor cursor, final long start, final long end)
    {
        if (lines == 0)
        {
            return end;
        }
        if (end <= start || !cursor.moveToOrdinal(end - 1))
        {
            return start;
        }
        cursor.backward();
        long found = 0;
        for (long ordinal = end - 1; ordinal >= start; ordinal--)
        {
            final JournalCursor.Status status = cursor.next();
            if (status == JournalCursor.Status.END)
            {
                break;
            }
            if (status == JournalCursor.Status.RECORD &&
                selection.matches(cursor.record(), cursor.bytes(), cursor.rawOffset()) && ++found == lines)
            {
                return ordinal;
            }
        }
        return start;
    }

    private Result backward(
        final JournalCursor cursor, final RecordSink sink, final long start, final long end, final long readBefore)
    {
        long selected = 0;
        long damaged = 0;
        if (end > start && cursor.moveToOrdinal(end - 1))
        {
            cursor.backward();
            for (long ordinal = end - 1; ordinal >= start && (lines < 0 || selected < lines); ordinal--)
            {
                final JournalCursor.Status status = cursor.next();
                if (status == JournalCursor.Status.END)
                {
                    break;
                }
                if ((ordinal & STOP_CHECK_MASK) == 0)
                {
                    progress.update(end - ordinal);
                }
                if (status == JournalCursor.Status.DAMAGED)
                {
                    damaged++;
                    sink.damaged(cursor.index(), cursor.damage());
                }
                else if (selection.matches(cursor.record(), cursor.bytes(), cursor.rawOffset()))
                {
                    selected++;
                    if (!sink.accept(cursor.index(), cursor.record(), cursor.bytes(), cursor.rawOffset()))
                    {
                        break;
                    }
                }
            }
        }
        sink.idle();
        return new Result(selected, damaged, cursor.reads() - readBefore);
    }

    private Result forward(
        final JournalCursor cursor, final RecordSink sink, final long start, final long end, final long readBefore)
    {
        final boolean bounded = !follow && end < cursor.count();
        if (start == 0)
        {
            cursor.toStart(); // from the very start, so that records Chronicle cannot reach are found at the end
        }
        else if (start < cursor.count())
        {
            cursor.moveToOrdinal(start);
        }
        else
        {
            cursor.toEnd();
        }
        cursor.forward();
        long selected = 0;
        long damaged = 0;
        long ordinal = start;
        int idle = 0;
        boolean pending = false;
        while (!bounded || ordinal < end)
        {
            final JournalCursor.Status status = cursor.next();
            if (status == JournalCursor.Status.END)
            {
                if (!follow)
                {
                    break;
                }
                if (pending)
                {
                    pending = false;
                    if (!sink.idle())
                    {
                        break;
                    }
                }
                if (stop.getAsBoolean())
                {
                    break;
                }
                if (++idle < SPINS)
                {
                    Thread.onSpinWait();
                }
                else
                {
                    LockSupport.parkNanos(PARK_NANOS);
                }
                continue;
            }
            idle = 0;
            final long previous = ordinal;
            ordinal += status == JournalCursor.Status.DAMAGED ? cursor.damagedCount() : 1;
            if ((ordinal & ~STOP_CHECK_MASK) != (previous & ~STOP_CHECK_MASK))
            {
                progress.update(ordinal - start);
                if (stop.getAsBoolean())
                {
                    break;
                }
            }
            if (status == JournalCursor.Status.DAMAGED)
            {
                damaged += cursor.damagedCount();
                sink.damaged(cursor.index(), cursor.damagedCount(), cursor.damage());
                continue;
            }
            if (selection.matches(cursor.record(), cursor.bytes(), cursor.rawOffset()))
            {
                selected++;
                pending = true;
                if (!sink.accept(cursor.index(), cursor.record(), cursor.bytes(), cursor.rawOffset()))
                {
                    break;
                }
            }
        }
        sink.idle();
        return new Result(selected, damaged, cursor.reads() - readBefore);
    }
}
