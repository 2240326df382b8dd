package io.ringlog.bench.latency;

import io.ringlog.bench.load.MessageLayout;
import io.ringlog.bench.load.SyslogFormat;
import io.ringlog.bench.load.Transport;

import java.nio.file.Path;
import java.util.List;

/**
 * One latency run: which system, and the load it gets. The load is the same for every system: {@code rate}
 * messages per second over {@code connections} connections of {@code transport}, {@code warmupSeconds} sent and
 * not recorded, then {@code seconds} recorded.
 */
public final class LatencySpec
{
    public final String system;
    public final Transport transport;
    public final SyslogFormat format;
    public final int connections;
    public final int rate;
    public final int seconds;
    public final int warmupSeconds;
    public final int messageBytes;
    /** Where the run directory goes; null = a new directory in java.io.tmpdir. */
    public final Path workDir;
    /** ringlogd.jar (used for ringlog only). */
    public final Path engineJar;
    /** Extra ringlogd arguments (ringlog only). */
    public final List<String> engineArgs;

    /** @throws IllegalArgumentException with one line naming the bad value. */
    public LatencySpec(final String system, final Transport transport, final SyslogFormat format,
        final int connections, final int rate, final int seconds, final int warmupSeconds, final int messageBytes,
        final Path workDir, final Path engineJar, final List<String> engineArgs)
    {
        if (rate < 1)
        {
            throw new IllegalArgumentException("rate " + rate + ": a latency run needs a fixed rate >= 1 msg/s");
        }
        if (seconds < 1 || warmupSeconds < 0)
        {
            throw new IllegalArgumentException("seconds " + seconds + " / warm-up " + warmupSeconds +
                ": need seconds >= 1 and warm-up >= 0");
        }
        if ((long)rate * (seconds + warmupSeconds) > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("rate x seconds: at most " + Integer.MAX_VALUE + " messages a run");
        }
        if (connections < 1 || connections > 64)
        {
            throw new IllegalArgumentException("connections " + connections + ": must be 1 to 64");
        }
        MessageLayout.of(format, transport, messageBytes);
        this.system = system;
        this.transport = transport;
        this.format = format;
        this.connections = connections;
        this.rate = rate;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.messageBytes = messageBytes;
        this.workDir = workDir;
        this.engineJar = engineJar;
        this.engineArgs = List.copyOf(engineArgs);
    }

    /** The same load against another system. */
    public LatencySpec withSystem(final String other)
    {
        return new LatencySpec(other, transport, format, connections, rate, seconds, warmupSeconds, messageBytes,
            workDir, engineJar, engineArgs);
    }

    /** The same load at another rate. */
    public LatencySpec withRate(final int other)
    {
        return new LatencySpec(system, transport, format, connections, other, seconds, warmupSeconds, messageBytes,
            workDir, engineJar, engineArgs);
    }

    long warmupMessages()
    {
        return (long)rate * warmupSeconds;
    }

    long totalMessages()
    {
        return (long)rate * (warmupSeconds + seconds);
    }
}
