package io.ringlog.engine.listen;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.ParseFlags;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listener's side of the ring: claims a slot, copies one message into it and publishes. Used only by the
 * listener thread.
 *
 * <p>Messages claimed during one socket read are published together by {@link #flush()}, so a read of many
 * small frames costs one cursor update and one wake-up of the parsers. {@link #publish} returns false instead of
 * blocking when the ring (or the budget for messages longer than a slot) is full: the caller then stops reading
 * TCP, which lets the kernel push back on the sender, or drops and counts a UDP datagram.
 */
public final class RingPublisher
{
    private final RingBuffer<LogEvent> ring;
    private final AtomicLong overflowBytesInFlight;
    private final long overflowBudgetBytes;
    private final AtomicCounter truncated;
    private final AtomicCounter oversizeSlots;
    private final int slotBytes;
    private long firstClaimed = -1;
    private long lastClaimed = -1;

    public RingPublisher(
        final RingBuffer<LogEvent> ring,
        final AtomicLong overflowBytesInFlight,
        final long overflowBudgetBytes,
        final int slotBytes,
        final CountersFile counters)
    {
        this.slotBytes = slotBytes;
        this.ring = ring;
        this.overflowBytesInFlight = overflowBytesInFlight;
        this.overflowBudgetBytes = overflowBudgetBytes;
        this.truncated = counters.get(Counter.TRUNCATED);
        this.oversizeSlots = counters.get(Counter.OVERSIZE_SLOTS);
    }

    /** Result of {@link #publish}: the ring had no free slot. */
    public static final int RING_FULL = 1;
    /** Result of {@link #publish}: the message needs its own array and the overflow budget is spent. */
    public static final int BUDGET_FULL = 2;
    public static final int OK = 0;

    /**
     * Copies {@code src[position, position + length)} into a new slot. Does not move {@code src}'s position.
     *
     * @param flags {@link ParseFlags} the listener already knows (TRUNCATED).
     * @return {@link #OK}, {@link #RING_FULL} or {@link #BUDGET_FULL}; nothing was claimed unless OK.
     */
    public int publish(
        final ByteBuffer src,
        final int position,
        final int length,
        final int flags,
        final Source source,
        final byte transport,
        final long receivedAtNanos)
    {
        final boolean overflow = length > slotBytes;
        if (overflow && overflowBytesInFlight.get() + length > overflowBudgetBytes)
        {
            return BUDGET_FULL;
        }
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException e)
        {
            return RING_FULL;
        }
        final LogEvent event = ring.get(sequence);
        if (event.ensureCapacity(length))
        {
            overflowBytesInFlight.addAndGet(length);
            oversizeSlots.incrementRelease();
        }
        src.get(position, event.raw, 0, length);
        event.rawLength = length;
        event.flags = flags;
        event.transport = transport;
        event.receivedAtNanos = receivedAtNanos;
        source.copyTo(event);
        if ((flags & ParseFlags.TRUNCATED) != 0)
        {
            truncated.incrementRelease();
        }
        if (firstClaimed < 0)
        {
            firstClaimed = sequence;
        }
        lastClaimed = sequence;
        return OK;
    }

    /** Publishes every slot claimed since the last flush. */
    public void flush()
    {
        if (firstClaimed >= 0)
        {
            ring.publish(firstClaimed, lastClaimed);
            firstClaimed = -1;
            lastClaimed = -1;
        }
    }

    /** True when at least {@code slots} slots are free (a hint: the consumers only ever free more). */
    public boolean hasCapacity(final int slots)
    {
        return ring.hasAvailableCapacity(slots);
    }
}
