package io.ringlog.bench.ingest;

import java.util.Locale;

/**
 * One as-fast-as-possible ingest run, in the shape a report consumes (see
 * {@code IngestBench.throughput}): a clean run ({@link #ok()}) means the server stored every message, so
 * {@link #msgsPerSec} is a sustained rate with zero loss.
 */
public final class ThroughputResult
{
    public final String system;
    public final String config;
    /** Timed messages / (first byte sent → last message stored); NaN when the run failed. */
    public final double msgsPerSec;
    /** Messages sent, warm-up included. */
    public final long sent;
    /** Messages in the store after the stop (ringlog: journaled; a peer: lines). */
    public final long stored;
    /** {@code sent - stored}. */
    public final long lost;
    /** The server's user + system CPU over the timed part. */
    public final double cpuSeconds;
    public final double cpuSecondsPerMillion;
    /** The server's {@code VmHWM} after the timed part. */
    public final long peakRssBytes;
    /** Why the run failed (timeout, exit code), or null. */
    public final String error;

    private ThroughputResult(final RunResult r)
    {
        this.system = r.system();
        this.config = r.config();
        this.msgsPerSec = r.msgsPerSec();
        this.sent = r.expected();
        this.stored = r.verification() == null ? 0 : r.verification().stored();
        this.lost = r.loss();
        this.cpuSeconds = r.cpuSeconds();
        this.cpuSecondsPerMillion = r.cpuSecondsPerMillion();
        this.peakRssBytes = r.peakRssBytes();
        this.error = r.error() != null ? r.error() : r.exitCode() != 0 ? "exit code " + r.exitCode() : null;
    }

    public static ThroughputResult of(final RunResult r)
    {
        return new ThroughputResult(r);
    }

    /** Completed, exit 0, nothing lost. */
    public boolean ok()
    {
        return error == null && lost == 0;
    }

    @Override
    public String toString()
    {
        return String.format(Locale.ROOT, "%s (%s): %,.0f msgs/s, sent %,d, stored %,d, lost %,d, CPU %.2f s " +
            "(%.2f s per million), peak RSS %d MB%s", system, config, msgsPerSec, sent, stored, lost, cpuSeconds,
            cpuSecondsPerMillion, peakRssBytes >> 20, error == null ? "" : ", " + error);
    }
}
