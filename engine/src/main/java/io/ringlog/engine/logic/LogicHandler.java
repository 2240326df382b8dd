package io.ringlog.engine.logic;

import com.lmax.disruptor.EventHandler;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseFlags;
import org.agrona.concurrent.status.AtomicCounter;

import java.time.ZoneId;

/**
 * The logic stage: one thread, gated on every parser. It completes timestamps (year and zone for RFC 3164),
 * applies the rules (for now: a minimum severity) and counts what the parsers found. No I/O.
 *
 * <p>Year inference: a timestamp without a year gets the year that puts it closest to its receipt without being
 * more than a day in the future, so a December message that arrives on 1 January belongs to the old year and a
 * sender whose clock runs a little ahead of New Year keeps the new one. The receipt's year is taken in the
 * configured zone. A date that does not exist in the chosen year (29 February) falls back to the receipt time.
 *
 * <p>Counters are accumulated in fields and published at the end of each batch, so they cost one release store
 * per batch rather than per message.
 */
public final class LogicHandler implements EventHandler<LogEvent>
{
    private static final long NANOS = 1_000_000_000L;
    private static final long DAY_SECONDS = 86_400L;

    private final int minSeverity;
    private final ZoneOffsets zone;
    private final AtomicCounter filteredCounter;
    private final AtomicCounter rfc5424Counter;
    private final AtomicCounter rfc3164Counter;
    private final AtomicCounter unparsedCounter;
    private long filtered;
    private long rfc5424;
    private long rfc3164;
    private long unparsed;

    public LogicHandler(final int minSeverity, final ZoneId zone, final CountersFile counters)
    {
        this.minSeverity = minSeverity;
        this.zone = new ZoneOffsets(zone);
        this.filteredCounter = counters.get(Counter.FILTERED);
        this.rfc5424Counter = counters.get(Counter.PARSED_RFC5424);
        this.rfc3164Counter = counters.get(Counter.PARSED_RFC3164);
        this.unparsedCounter = counters.get(Counter.UNPARSED);
    }

    @Override
    public void onStart()
    {
        Thread.currentThread().setName("ringlog-logic");
    }

    @Override
    public void onEvent(final LogEvent event, final long sequence, final boolean endOfBatch)
    {
        apply(event);
        if (endOfBatch)
        {
            publishCounters();
        }
    }

    /** The whole stage for one event; public so tests and benchmarks can drive it without a ring. */
    public void apply(final LogEvent event)
    {
        switch (event.format)
        {
            case MessageFormat.RFC5424: rfc5424++; break;
            case MessageFormat.RFC3164: rfc3164++; break;
            default: unparsed++; break;
        }
        completeTimestamp(event);
        if (event.severity > minSeverity)
        {
            event.filtered = true;
            filtered++;
        }
    }

    public void publishCounters()
    {
        filteredCounter.setRelease(filtered);
        rfc5424Counter.setRelease(rfc5424);
        rfc3164Counter.setRelease(rfc3164);
        unparsedCounter.setRelease(unparsed);
    }

    private void completeTimestamp(final LogEvent event)
    {
        if (event.tsMonth == LogEvent.UNKNOWN || event.tsDay == LogEvent.UNKNOWN || event.tsHour == LogEvent.UNKNOWN)
        {
            fromReceipt(event);
            return;
        }
        int year = event.tsYear;
        long local;
        if (year == LogEvent.UNKNOWN)
        {
            final long receiptSeconds = Math.floorDiv(event.receivedAtNanos, NANOS);
            final long receiptLocal = receiptSeconds + zone.atInstant(receiptSeconds) * 60L;
            final int receiptYear = CivilTime.yearFromDays(Math.floorDiv(receiptLocal, DAY_SECONDS));
            local = Long.MIN_VALUE;
            for (int y = receiptYear + 1; y >= receiptYear - 1; y--)
            {
                final long candidate = epochSeconds(event, y);
                if (candidate != Long.MIN_VALUE && candidate <= receiptLocal + DAY_SECONDS)
                {
                    local = candidate;
                    year = y;
                    break;
                }
            }
            event.flags |= ParseFlags.YEAR_INFERRED;
        }
        else
        {
            local = epochSeconds(event, year);
        }
        if (local == Long.MIN_VALUE)
        {
            fromReceipt(event);
            return;
        }
        int offsetMinutes = event.tsOffsetMinutes;
        if (offsetMinutes == LogEvent.UNKNOWN)
        {
            offsetMinutes = zone.atLocal(local);
            event.flags |= ParseFlags.ZONE_INFERRED;
        }
        event.timestampEpochNanos = (local - offsetMinutes * 60L) * NANOS + event.tsNanos;
        event.timestampOffsetMinutes = offsetMinutes;
    }

    private static long epochSeconds(final LogEvent event, final int year)
    {
        return CivilTime.epochSeconds(year, event.tsMonth, event.tsDay, event.tsHour,
            event.tsMinute == LogEvent.UNKNOWN ? 0 : event.tsMinute,
            event.tsSecond == LogEvent.UNKNOWN ? 0 : event.tsSecond);
    }

    /**
     * No usable timestamp: RFC 3164 says the receiver may use its own time (rsyslog does), so 3164 messages get
     * the receipt time, flagged; an RFC 5424 NILVALUE stays absent, as sent.
     */
    private static void fromReceipt(final LogEvent event)
    {
        if (event.format == MessageFormat.RFC3164)
        {
            event.timestampEpochNanos = event.receivedAtNanos;
            event.timestampOffsetMinutes = 0;
            event.flags |= ParseFlags.TIMESTAMP_FROM_RECEIPT;
        }
    }
}
