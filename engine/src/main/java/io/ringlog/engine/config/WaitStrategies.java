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
 * <p>The default, {@code backoff} ({@link BackoffWaitStrategy}: spin, yield, then park from 1 µs doubling to 1 ms,
 * on the sequence each stage depends on), was chosen by measurement on a 2-core machine against the Disruptor's
 * strategies (README, "Choosing the wait strategy"): at 10k msg/s it used less than half of {@code phased}'s CPU
 * with a lower engine p99, it ingests about as fast, and idle it wakes each stage ~1,000 times a second
 * (~0.04 cores). The blocking family and {@code phased} busy-spin while a gated stage waits for the stage before it;
 * busy-spin is the worst choice on 2 cores (five threads on two cores).
 */
public final class WaitStrategies
{
    public static final String DEFAULT = "backoff";
    public static final String[] NAMES = {"backoff", "phased", "blocking", "lite-blocking", "sleeping", "yielding", "busy-spin"};

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
