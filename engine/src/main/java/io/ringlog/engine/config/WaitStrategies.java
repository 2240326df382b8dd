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
 * <p>The default, {@code phased} (spin 1 µs, yield up to 1 ms, then a lite lock), is chosen for a 2-core
 * machine: it keeps most of yielding's throughput under load yet uses no CPU when idle, which matters for a
 * daemon that is idle most of the day. busy-spin is the worst choice on 2 cores (five threads on two cores);
 * see the README's measurements and {@code bench}'s PipelineBenchmark.
 */
public final class WaitStrategies
{
    public static final String DEFAULT = "phased";
    public static final String[] NAMES = {"phased", "blocking", "lite-blocking", "sleeping", "yielding", "busy-spin"};

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
