package io.ringlog.tools;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.journal.JournalRecord;

import java.util.TreeMap;

/**
 * Counts the selected records by severity, facility, tag bit, hostname, app name and source, and per minute of
 * receipt time: the collector behind {@code ringlog stats} ({@link StatsReport} renders it). Nothing is decoded
 * per record; distinct hostnames, apps and sources are kept as bytes by {@link ByteCounter}. The timeline keeps a
 * running count for the current minute and files it when the minute changes, which in a journal in receipt
 * order is once a minute. Single-threaded.
 */
public final class JournalStats implements RecordSink
{
    static final long NANOS_PER_MINUTE = 60_000_000_000L;

    /** Index 8 counts records without a severity. */
    final long[] severity = new long[9];
    /** Index 24 counts records without a facility. */
    final long[] facility = new long[25];
    final long[] tags = new long[64];
    final ByteCounter hosts = new ByteCounter();
    final ByteCounter apps = new ByteCounter();
    final ByteCounter sources = new ByteCounter();
    /** Records per minute: key epoch minute. */
    final TreeMap<Long, long[]> perMinute = new TreeMap<>();
    long records;
    long damaged;
    long firstReceivedAt = Long.MAX_VALUE;
    long lastReceivedAt = Long.MIN_VALUE;

    private final ByteBuilder sourceText = new ByteBuilder(64);
    private long currentMinute = Long.MIN_VALUE;
    private long currentCount;

    @Override
    public boolean accept(final long index, final JournalRecord record, final byte[] bytes, final int rawOffset)
    {
        records++;
        final int s = record.severity();
        severity[s < 0 ? 8 : s]++;
        final int f = record.facility();
        facility[f < 0 ? 24 : f]++;
        final long t = record.tags();
        if (t != 0)
        {
            for (int bit = 0; bit < 64; bit++)
            {
                if ((t & 1L << bit) != 0)
                {
                    tags[bit]++;
                }
            }
        }
        count(hosts, record, Field.HOSTNAME, bytes, rawOffset);
        count(apps, record, Field.APP_NAME, bytes, rawOffset);
        sourceText.length(0);
        if (SourceAddress.isPresent(record))
        {
            SourceAddress.appendUri(record, sourceText);
        }
        else
        {
            sourceText.append('-');
        }
        sources.add(sourceText.array(), 0, sourceText.length());

        final long receivedAt = record.receivedAtNanos();
        firstReceivedAt = Math.min(firstReceivedAt, receivedAt);
        lastReceivedAt = Math.max(lastReceivedAt, receivedAt);
        final long minute = Math.floorDiv(receivedAt, NANOS_PER_MINUTE);
        if (minute != currentMinute)
        {
            fileCurrentMinute();
            currentMinute = minute;
        }
        currentCount++;
        return true;
    }

    private static final byte[] DASH = {'-'};

    private static void count(
        final ByteCounter counter, final JournalRecord record, final int field, final byte[] bytes, final int rawOffset)
    {
        if (record.hasField(field))
        {
            counter.add(bytes, rawOffset + record.fieldOffset(field), record.fieldLength(field));
        }
        else
        {
            counter.add(DASH, 0, 1);
        }
    }

    private void fileCurrentMinute()
    {
        if (currentCount > 0)
        {
            perMinute.computeIfAbsent(currentMinute, k -> new long[1])[0] += currentCount;
        }
        currentCount = 0;
    }

    @Override
    public void damaged(final long index, final String reason)
    {
        damaged++;
    }

    @Override
    public void damaged(final long index, final long count, final String reason)
    {
        damaged += count;
    }

    @Override
    public boolean idle()
    {
        fileCurrentMinute();
        return true;
    }

    /** Records per bucket of {@code minutes} minutes (1 or 60), key the bucket's first epoch minute. */
    TreeMap<Long, Long> timeline(final int minutes)
    {
        fileCurrentMinute();
        final TreeMap<Long, Long> out = new TreeMap<>();
        perMinute.forEach((minute, count) -> out.merge(Math.floorDiv(minute, minutes) * minutes, count[0], Long::sum));
        return out;
    }
}
