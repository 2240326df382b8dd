package io.ringlog.bench.latency;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Per message seen in the store: scheduled send → now into HdrHistogram (after the warm-up), and the loss check
 * (distinct and duplicated sequence numbers). Owned by the follower thread; other threads read only
 * {@link #progress()} while it runs, and everything else after joining it.
 */
final class LatencyRecorder
{
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram interval = new Histogram(SIGNIFICANT_DIGITS);
    private final List<Histogram> intervals = new ArrayList<>();
    private final BitSet seen;
    private final long count;
    private final long warmup;
    private long distinct;
    private long duplicates;
    private long foreign;
    private long intervalStartMs;
    private volatile long progress;

    /** Sequence numbers {@code 0 .. count - 1} are the run's; those below {@code warmup} are not recorded. */
    LatencyRecorder(final long count, final long warmup)
    {
        this.count = count;
        this.warmup = warmup;
        this.seen = new BitSet((int)count);
        this.intervalStartMs = System.currentTimeMillis();
    }

    void record(final long seq, final long scheduledNanos, final long nowNanos)
    {
        if (seq < 0 || seq >= count || scheduledNanos < 0)
        {
            foreign++;
            return;
        }
        if (seen.get((int)seq))
        {
            duplicates++;
            return;
        }
        seen.set((int)seq);
        distinct++;
        if (seq >= warmup)
        {
            final long latency = Math.max(0, nowNanos - scheduledNanos);
            interval.recordValue(latency);
            total.recordValue(latency);
        }
    }

    /** A line that is not one of the run's messages (the start marker, a server's own notice). */
    void foreign()
    {
        foreign++;
    }

    /** Publishes the distinct count to {@link #progress()} and closes the interval once a second has passed. */
    void tick(final long nowMs)
    {
        progress = distinct;
        if (nowMs - intervalStartMs >= 1000)
        {
            closeInterval(nowMs);
        }
    }

    void finish(final long nowMs)
    {
        progress = distinct;
        closeInterval(nowMs);
    }

    private void closeInterval(final long nowMs)
    {
        final Histogram h = interval.copy();
        h.setStartTimeStamp(intervalStartMs);
        h.setEndTimeStamp(nowMs);
        intervals.add(h);
        interval.reset();
        intervalStartMs = nowMs;
    }

    long progress()
    {
        return progress;
    }

    long distinct()
    {
        return distinct;
    }

    long duplicates()
    {
        return duplicates;
    }

    long foreignLines()
    {
        return foreign;
    }

    Histogram total()
    {
        return total;
    }

    List<Histogram> intervals()
    {
        return intervals;
    }
}
