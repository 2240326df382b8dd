package io.ringlog.engine.config;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.concurrent.TimeUnit;

/**
 * The Disruptor wait strategies selectable by name ({@code ring.waitStrategy}, {@code --wait-strategy}).
 *
 * <p>The default, {@code handoff} ({@link HandoffWaitStrategy}: a short spin, then each stage sleeps on a monitor
 * until the stage before it, or the publisher, wakes it), was chosen by measurement on a 2-core machine (README,
 * "Choosing the wait strategy"). The Disruptor's blocking family and {@code phased} block only on the ring's cursor
 * and busy-spin while a gated stage waits for the stage before it, taking the CPU from the thread they wait for;
 * {@code backoff} ({@link BackoffWaitStrategy}) parks instead, at the cost of the park granularity; busy-spin is the
 * worst choice on 2 cores (five threads on two cores).
 */
public final class WaitStrategies
{
    public static final String DEFAULT = "handoff";
    public static final String[] NAMES = {"handoff", "backoff", "phased", "blocking", "lite-blocking", "sleeping", "yielding", "busy-spin"};

    private WaitStrategies()
    {
    }

    public static boolean isKnown(final String name)
    {
        for (final String n : NAMES)
        {
            if (n.equals(name))
            {
                return true;
            }
        }
        return false;
    }

    /** A new strategy instance by name; each Disruptor needs its own. */
    public static WaitStrategy create(final String name)
    {
        switch (name)
        {
            case "backoff": return new BackoffWaitStrategy(100, 10, 1_000, 1_000_000);
            case "handoff": return new HandoffWaitStrategy(100);
            case "phased": return PhasedBackoffWaitStrategy.withLiteLock(1, 1000, TimeUnit.MICROSECONDS);
            case "blocking": return new BlockingWaitStrategy();
            case "lite-blocking": return new LiteBlockingWaitStrategy();
            case "sleeping": return new SleepingWaitStrategy();
            case "yielding": return new YieldingWaitStrategy();
            case "busy-spin": return new BusySpinWaitStrategy();
            default: throw new ConfigException("ring.waitStrategy: unknown wait strategy '" + name + "'");
        }
    }
}
