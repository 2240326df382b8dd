package io.ringlog.bench.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One latency run's outcome, for printing and for the report: the full distribution of scheduled send → visible
 * in the store (ringlog: the journal; a peer: its output file), in nanoseconds, warm-up excluded; the loss check;
 * and what the server process cost.
 */
public final class LatencyResult
{
    public final String system;
    public final String transport;
    public final int connections;
    public final int rate;
    public final int seconds;
    /** Messages the generator handed to the kernel, warm-up included. */
    public final long sent;
    /** Distinct sequence numbers seen in the store, warm-up included. */
    public final long received;
    /** {@code sent - received}: sent and never seen. */
    public final long missing;
    /** Sequence numbers seen more than once (each extra sighting counts). */
    public final long duplicates;
    /** Scheduled send → visible, ns, the measured seconds only. */
    public final Histogram histogram;
    /** The most the sender started a batch after its first message's scheduled time. */
    public final long senderMaxLateNanos;
    /** The server's user + system CPU from the end of the warm-up until the last message was seen. */
    public final double cpuSeconds;
    /** The server's {@code VmHWM} at the end. */
    public final long peakRssBytes;
    /** The server JVM's GC count over the same span; -1 for a server that is not a JVM. */
    public final long gcCount;
    /** One histogram per second of following (start and end time stamps set), for the {@code .hlog}. */
    public final List<Histogram> intervals;
    /**
     * ringlog only (else null): the engine's own receipt -> journaled service time, ns, from its
     * {@code service-time.hlog}, the intervals that began after the warm-up.
     */
    public final Histogram serviceTime;
    /** Why the run is not clean (the server exited non-zero, the sender failed), or null. */
    public final String error;

    LatencyResult(final String system, final String transport, final int connections, final int rate,
        final int seconds, final long sent, final long received, final long duplicates, final Histogram histogram,
        final long senderMaxLateNanos, final double cpuSeconds, final long peakRssBytes, final long gcCount,
        final List<Histogram> intervals, final String error, final Histogram serviceTime)
    {
        this.serviceTime = serviceTime;
        this.system = system;
        this.transport = transport;
        this.connections = connections;
        this.rate = rate;
        this.seconds = seconds;
        this.sent = sent;
        this.received = received;
        this.missing = sent - received;
        this.duplicates = duplicates;
        this.histogram = histogram;
        this.senderMaxLateNanos = senderMaxLateNanos;
        this.cpuSeconds = cpuSeconds;
        this.peakRssBytes = peakRssBytes;
        this.gcCount = gcCount;
        this.intervals = List.copyOf(intervals);
        this.error = error;
    }

    /** Every message arrived exactly once and the run was clean. */
    public boolean ok()
    {
        return missing == 0 && duplicates == 0 && error == null;
    }

    /** Writes {@code prefix.hgrm} (percentile distribution, µs) and {@code prefix.hlog} (interval log, ns). */
    public static void write(final LatencyResult result, final Path prefix) throws IOException
    {
        final Path parent = prefix.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        try (PrintStream hgrm = new PrintStream(prefix + ".hgrm", StandardCharsets.UTF_8))
        {
            result.histogram.outputPercentileDistribution(hgrm, 5, 1000.0);
        }
        try (PrintStream hlog = new PrintStream(prefix + ".hlog", StandardCharsets.UTF_8))
        {
            final HistogramLogWriter log = new HistogramLogWriter(hlog);
            final long startMs = result.intervals.isEmpty() ? System.currentTimeMillis() :
                result.intervals.get(0).getStartTimeStamp();
            log.outputLogFormatVersion();
            log.outputStartTime(startMs);
            log.setBaseTime(startMs);
            log.outputComment(result.system + " " + result.transport + " x" + result.connections + " " +
                result.rate + " msg/s: scheduled send -> visible, ns");
            log.outputLegend();
            for (final Histogram h : result.intervals)
            {
                log.outputIntervalHistogram(h);
            }
        }
    }

    /** A few lines for a terminal: accounting, percentiles up to the max, the server's cost. */
    public String summary()
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %s x%d, %,d msg/s open loop, %d s measured%n", system, transport,
            connections, rate, seconds));
        sb.append(String.format(Locale.ROOT, "  sent %,d, received %,d, missing %,d, duplicated %,d; sender at most " +
            "%,d µs late%s%n", sent, received, missing, duplicates, senderMaxLateNanos / 1000,
            error == null ? "" : "; ERROR " + error));
        for (final double p : new double[] {50, 90, 99, 99.9, 99.99})
        {
            sb.append(String.format(Locale.ROOT, "  p%-6s %10.1f µs%n", p, histogram.getValueAtPercentile(p) / 1000.0));
        }
        sb.append(String.format(Locale.ROOT, "  max     %10.1f µs  (%,d samples)%n", histogram.getMaxValue() / 1000.0,
            histogram.getTotalCount()));
        sb.append(String.format(Locale.ROOT, "  server CPU %.2f s (%.2f s per million), peak RSS %d MB, GCs %s%n",
            cpuSeconds, received == 0 ? 0.0 : cpuSeconds * 1e6 / ((double)rate * seconds), peakRssBytes >> 20,
            gcCount < 0 ? "n/a" : Long.toString(gcCount)));
        if (serviceTime != null && serviceTime.getTotalCount() > 0)
        {
            sb.append(String.format(Locale.ROOT, "  engine service time (receipt -> journaled): p50 %.1f µs, p99 %.1f " +
                "µs, p99.99 %.1f µs, max %.1f µs (%,d samples)%n", serviceTime.getValueAtPercentile(50) / 1e3,
                serviceTime.getValueAtPercentile(99) / 1e3, serviceTime.getValueAtPercentile(99.99) / 1e3,
                serviceTime.getMaxValue() / 1e3, serviceTime.getTotalCount()));
        }
        return sb.toString();
    }
}
