package io.ringlog.engine.journal;

import com.lmax.disruptor.EventHandler;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * The writer stage: one thread, gated on the logic stage, that appends every kept event to the journal in ring
 * order through the one appender it owns (Chronicle appenders are single-threaded; it is created on this thread in
 * {@link #onStart()}). Each record is the {@link JournalRecord} header followed by the raw bytes, written straight
 * into the mapped file.
 *
 * <p>This is the last stage, so it also clears each slot (dropping a large message's own array, whose bytes it
 * hands back to the listener's overflow budget). An append that fails is counted as dropped, logged once per
 * distinct error, and the writer goes on with the next event.
 *
 * <p>The one failure it does not go on after is a fault on a mapped page ({@link InternalError} "a fault occurred
 * in an unsafe memory access"): the disk could not back a page of the cycle file, which the listener's disk
 * reserve ({@link JournalSpace}) exists to prevent. Chronicle is then left with a record header marked incomplete,
 * and readers stop there: records appended after it are written but never read (probed on a full tmpfs: 1,000
 * appends after the fault "succeeded", none could be read back). So from then on the writer appends nothing and
 * counts every message as {@code dropped.journal_error}: a counted loss instead of a silent one. It also tells
 * {@link JournalSpace}, so that within one check the listener stops reading TCP (senders wait, as on a full disk)
 * and the loss is bounded by what the ring held.
 */
public final class JournalWriter implements EventHandler<LogEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);

    private final SingleChronicleQueue queue;
    private final AtomicLong overflowBytesInFlight;
    private final AtomicCounter journaledCounter;
    private final AtomicCounter errorCounter;
    private final AtomicCounter syncCounter;
    private final boolean sync;
    private final EpochNanoClock clock;
    private final ServiceTimeLog serviceTime;
    private final JournalPrefetcher prefetcher;
    private final JournalSpace space;
    private final byte[] header = new byte[JournalRecord.HEADER_LENGTH];
    private final UnsafeBuffer headerBuffer = new UnsafeBuffer(header);
    private final CRC32C crc = new CRC32C();
    private ExcerptAppender appender;
    private long journaled;
    private long errors;
    private long syncs;
    private boolean appendedSinceSync;
    private long nextPosition;
    private String lastError;
    /** An append faulted on a mapped page: nothing more is appended (see the class comment). */
    private boolean faulted;

    public JournalWriter(
        final SingleChronicleQueue queue, final AtomicLong overflowBytesInFlight, final CountersFile counters)
    {
        this(queue, overflowBytesInFlight, counters, false, null, null, null, null);
    }

    /**
     * @param sync force the journal to disk at the end of each batch that appended anything (durability sync):
     *             one msync per batch, so its cost is shared by every message of the batch.
     * @param clock the listener's clock, which stamped {@link LogEvent#receivedAtNanos}; null records no service time
     * @param serviceTime where each record's receipt -> journaled time goes, once the record is visible; or null
     * @param prefetcher told at the end of each batch where the next record goes, so it reads ahead of it; or null
     * @param space      told when an append faults on a mapped page, so the listener stops taking messages; or null
     */
    public JournalWriter(
        final SingleChronicleQueue queue,
        final AtomicLong overflowBytesInFlight,
        final CountersFile counters,
        final boolean sync,
        final EpochNanoClock clock,
        final ServiceTimeLog serviceTime,
        final JournalPrefetcher prefetcher,
        final JournalSpace space)
    {
        this.prefetcher = prefetcher;
        this.space = space;
        this.queue = queue;
        this.sync = sync;
        this.clock = clock;
        this.serviceTime = clock == null ? null : serviceTime;
        this.syncCounter = counters.get(Counter.JOURNAL_SYNCS);
        this.overflowBytesInFlight = overflowBytesInFlight;
        this.journaledCounter = counters.get(Counter.JOURNALED);
        this.errorCounter = counters.get(Counter.DROPPED_JOURNAL_ERROR);
    }

    @Override
    public void onStart()
    {
        Thread.currentThread().setName("ringlog-writer");
        appender = queue.createAppender();
    }

    @Override
    public void onEvent(final LogEvent event, final long sequence, final boolean endOfBatch)
    {
        if (!event.filtered)
        {
            append(event);
        }
        if (event.isOverflow())
        {
            overflowBytesInFlight.addAndGet(-event.raw.length);
        }
        event.clear();
        if (endOfBatch)
        {
            if (sync && appendedSinceSync)
            {
                sync();
            }
            journaledCounter.setRelease(journaled);
            errorCounter.setRelease(errors);
            if (prefetcher != null && appender != null)
            {
                prefetcher.writerAt(appender.cycle(), nextPosition);
            }
        }
    }

    /** Appends one record; public so tests and benchmarks can write journals without a ring. */
    public void append(final LogEvent event)
    {
        if (faulted)
        {
            errors++;
            return;
        }
        try
        {
            JournalRecord.encodeHeader(event, headerBuffer, crc);
            try (DocumentContext dc = appender.writingDocument())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                bytes.write(header, 0, JournalRecord.HEADER_LENGTH);
                bytes.write(event.raw, 0, event.rawLength);
                nextPosition = bytes.writePosition();
            }
            if (serviceTime != null)
            {
                serviceTime.record(clock.nanoTime() - event.receivedAtNanos);
            }
            journaled++;
            appendedSinceSync = true;
        }
        catch (final InternalError e)
        {
            errors++;
            faulted = true;
            if (space != null)
            {
                space.markWriterFaulted();
            }
            LOG.error("journal append faulted on a mapped page ({}): the journal's disk could not back it despite " +
                "journal.reserveBytes; appending nothing more until ringlogd restarts: TCP reads pause, what the " +
                "ring still holds is counted as dropped.journal_error", e.toString());
        }
        catch (final RuntimeException e)
        {
            errors++;
            final String error = e.toString();
            if (!error.equals(lastError))
            {
                lastError = error;
                LOG.error("journal append failed (message counted as dropped.journal_error): {}", error);
            }
        }
    }

    private void sync()
    {
        try
        {
            appender.sync();
            syncs++;
            syncCounter.setRelease(syncs);
        }
        catch (final RuntimeException e)
        {
            final String error = "journal sync failed: " + e;
            if (!error.equals(lastError))
            {
                lastError = error;
                LOG.error(error);
            }
        }
        appendedSinceSync = false;
    }

    /** For tests without a ring: binds the appender to the calling thread. */
    public JournalWriter startOnCurrentThread()
    {
        appender = queue.createAppender();
        return this;
    }

    @Override
    public void onShutdown()
    {
        journaledCounter.setRelease(journaled);
        errorCounter.setRelease(errors);
        if (appender != null)
        {
            appender.close();
        }
    }
}
