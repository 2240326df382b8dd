package io.ringlog.tools;

/**
 * Finds where a receipt time falls in the journal by binary search over record ordinals: O(log n) record reads,
 * so {@code --since}/{@code --until} on a journal of ten million records reads about 24 records to start.
 *
 * <p>Why this is sound: the writer journals in ring order, which is the order in which the one listener thread
 * received the messages, and it stamps the receipt time as it reads them; across a restart the clock carries on
 * forward. Receipt times are therefore non-decreasing along the journal. Should a clock step back, the search
 * still ends on a boundary and each record is still checked against the bounds by {@link Selection}, so at
 * worst a few records near the step are left out, never a wrong one printed.
 *
 * <p>A damaged record met during the search is stepped over (the next sound one decides).
 */
public final class TimeSeek
{
    private TimeSeek()
    {
    }

    /**
     * The first ordinal in {@code [from, to)} whose record was received at or after {@code nanos}, or {@code to}
     * when there is none.
     */
    public static long firstAtOrAfter(final JournalCursor cursor, final long nanos, final long from, final long to)
    {
        cursor.forward();
        long lo = from;
        long hi = to;
        while (lo < hi)
        {
            final long mid = (lo + hi) >>> 1;
            long probe = mid;
            long receivedAt = Long.MIN_VALUE;
            boolean found = false;
            while (probe < hi && !found)
            {
                if (cursor.moveToOrdinal(probe) && cursor.next() == JournalCursor.Status.RECORD)
                {
                    receivedAt = cursor.record().receivedAtNanos();
                    found = true;
                }
                else
                {
                    probe++;
                }
            }
            if (!found)
            {
                hi = mid;
            }
            else if (receivedAt >= nanos)
            {
                hi = mid;
            }
            else
            {
                lo = probe + 1;
            }
        }
        return lo;
    }
}
