package io.ringlog.engine.config;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Blocks a waiting stage on a monitor until the sequence it depends on (the cursor for the parsers, the stage
 * before for logic and the writer) reaches what it needs, after a short spin. Unlike the Disruptor's blocking
 * strategies, which block only on the cursor and busy-spin on a gated stage's dependency, every stage here sleeps
 * in the kernel until woken; that needs the stages themselves to wake their successors: the engine wraps the
 * parser and logic handlers so that at the end of each batch they publish their sequence and call
 * {@link #signalAllWhenBlocking()} (the ring's publisher already calls it on every publish).
 *
 * <p>A wake-up costs one {@code notifyAll} only when a stage is waiting ({@code signalNeeded}). A wait never sleeps
 * longer than 10 ms, so a lost signal (a stage that threw before its end-of-batch signal) costs at most that, and
 * an idle engine wakes each stage 100 times a second. {@code Object.wait} allocates nothing on the heap.
 */
public final class HandoffWaitStrategy implements WaitStrategy
{
    private static final long MAX_WAIT_MS = 10;

    private final Object mutex = new Object();
    private final AtomicBoolean signalNeeded = new AtomicBoolean();
    private final int spins;

    public HandoffWaitStrategy(final int spins)
    {
        this.spins = spins;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, InterruptedException
    {
        long available;
        for (int i = 0; i < spins; i++)
        {
            if ((available = dependentSequence.get()) >= sequence)
            {
                return available;
            }
            Thread.onSpinWait();
        }
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            synchronized (mutex)
            {
                signalNeeded.set(true); // before the re-check: whoever advances the sequence after it will notify
                if (dependentSequence.get() < sequence)
                {
                    barrier.checkAlert();
                    mutex.wait(MAX_WAIT_MS);
                }
            }
        }
        return available;
    }

    /**
     * Always an atomic getAndSet, never a plain read first: the sequence was just published with a release store,
     * and only a full fence between that store and this read guarantees that either this call sees a waiter's flag
     * or the waiter's re-check sees the sequence (as in the Disruptor's LiteBlockingWaitStrategy).
     */
    @Override
    public void signalAllWhenBlocking()
    {
        if (signalNeeded.getAndSet(false))
        {
            synchronized (mutex)
            {
                mutex.notifyAll();
            }
        }
    }
}
