package io.ringlog.engine.config;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * A wait strategy for more busy threads than cores: spin a little, yield a little, then park for a time that
 * doubles from {@code minParkNanos} up to {@code maxParkNanos}, waiting on the sequence the stage actually depends
 * on. The idea is Agrona's {@code BackoffIdleStrategy}; the state is local to each wait, so one instance serves
 * every stage and nothing is allocated.
 *
 * <p>Why not the Disruptor's own: {@code BlockingWaitStrategy} and {@code LiteBlockingWaitStrategy} block only on
 * the ring's cursor; a stage gated on another stage (logic on the parsers, the writer on logic) then busy-spins on
 * that stage's sequence. On 2 cores with five busy threads the spinning thread takes the CPU from the very thread it
 * waits for: at 10k msg/s the logic and writer threads burned ~1.3 cores between them and the engine's own
 * receipt -> journaled p99 was 3-4 ms ({@code bench} latency rig, wait-strategy sweep in the README).
 * {@code PhasedBackoffWaitStrategy} falls back to the same lock and spin. {@code SleepingWaitStrategy} parks every
 * 100 ns for ever, so an idle engine wakes ~20,000 times a second per stage; this one parks up to
 * {@code maxParkNanos} (1 ms by default) when idle, a few hundred wake-ups a second per stage.
 *
 * <p>The publisher never signals ({@link #signalAllWhenBlocking()} does nothing): a parked stage notices new work
 * within its current park time, which is why the park grows only while nothing arrives.
 */
public final class BackoffWaitStrategy implements WaitStrategy
{
    private final int spins;
    private final int yields;
    private final long minParkNanos;
    private final long maxParkNanos;

    public BackoffWaitStrategy(final int spins, final int yields, final long minParkNanos, final long maxParkNanos)
    {
        this.spins = spins;
        this.yields = yields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException
    {
        long available;
        int step = 0;
        long park = minParkNanos;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (step < spins)
            {
                Thread.onSpinWait();
                step++;
            }
            else if (step < spins + yields)
            {
                Thread.yield();
                step++;
            }
            else
            {
                LockSupport.parkNanos(park);
                park = Math.min(maxParkNanos, park << 1);
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        // parked stages wake by time: nothing to signal
    }
}
