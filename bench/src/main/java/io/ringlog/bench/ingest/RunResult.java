package io.ringlog.bench.ingest;

/**
 * One timed run against one target.
 *
 * @param messages     messages in the timed part (the warm-up before it is not counted).
 * @param msgsPerSec   {@code messages / (t1 - t0)}: t0 = first byte handed to the kernel, t1 = the store holds the
 *                     last one (polled every 1 ms).
 * @param cpuSeconds   the server's user + system CPU over the timed part.
 * @param peakRssBytes {@code VmHWM} at the end of the timed part (the whole life so far, warm-up included).
 * @param idleCores    CPU used while idle after the run, in cores (seconds per second); NaN when not measured.
 * @param expected     messages sent in total (warm-up + timed) = what the store must hold.
 * @param error        why the run failed (timeout, bad exit, ...), or null.
 */
public record RunResult(
    String system,
    String config,
    int run,
    long messages,
    double msgsPerSec,
    double cpuSeconds,
    long peakRssBytes,
    double idleCores,
    int exitCode,
    long expected,
    IngestTarget.Verification verification,
    String error)
{
    public long loss()
    {
        return verification == null ? expected : verification.loss(expected);
    }

    /** Completed in time, exit 0, and nothing missing. */
    public boolean ok()
    {
        return error == null && exitCode == 0 && loss() == 0;
    }

    public double cpuSecondsPerMillion()
    {
        return cpuSeconds * 1_000_000.0 / messages;
    }
}
