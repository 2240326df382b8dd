package io.ringlog.bench.ingest;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one target once: start it fresh, send the warm-up file and wait until it is stored (untimed, so JIT and
 * page cache are warm in this same process), then send the timed file over a new connection and wait until the
 * store holds every message, polling every 1 ms; then optionally measure idle CPU, SIGTERM, and verify.
 */
public final class IngestRun
{
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SETTLE_MS = 1000;

    private final MessageFile warmup;
    private final MessageFile timed;
    private final int idleSeconds;
    private final long timeoutMs;

    /**
     * @param warmup      sent first, untimed; null for none.
     * @param idleSeconds 0 = do not measure idle CPU.
     * @param timeoutMs   the most one send may take until stored (each of warm-up and timed).
     */
    public IngestRun(final MessageFile warmup, final MessageFile timed, final int idleSeconds, final long timeoutMs)
    {
        this.warmup = warmup;
        this.timed = timed;
        this.idleSeconds = idleSeconds;
        this.timeoutMs = timeoutMs;
    }

    public RunResult run(final IngestTarget target, final int runIndex) throws IOException, InterruptedException
    {
        final long warmCount = warmup == null ? 0 : warmup.count();
        final long expected = warmCount + timed.count();
        target.start();
        final long pid = target.pid();
        String error = null;
        double rate = Double.NaN;
        double cpu = Double.NaN;
        long rss = -1;
        double idle = Double.NaN;
        if (warmup != null)
        {
            final long warmNanos = sendAndAwait(target, warmup, warmCount);
            if (warmNanos < 0)
            {
                error = "warm-up timed out: stored " + target.stored() + " of " + warmCount;
            }
        }
        if (error == null)
        {
            final double cpu0 = ProcStats.cpuSeconds(pid);
            final long nanos = sendAndAwait(target, timed, expected);
            final double cpu1 = ProcStats.cpuSeconds(pid);
            rss = ProcStats.peakRssBytes(pid);
            if (nanos < 0)
            {
                error = "timed out after " + timeoutMs + " ms: stored " + target.stored() + " of " + expected;
            }
            else
            {
                rate = timed.count() * 1e9 / nanos;
                cpu = cpu1 - cpu0;
            }
        }
        if (error == null && idleSeconds > 0)
        {
            Thread.sleep(SETTLE_MS);
            final double c0 = ProcStats.cpuSeconds(pid);
            final long s0 = System.nanoTime();
            Thread.sleep(idleSeconds * 1000L);
            final double c1 = ProcStats.cpuSeconds(pid);
            idle = (c1 - c0) / ((System.nanoTime() - s0) / 1e9);
        }
        final int exit = target.stop();
        final IngestTarget.Verification v = target.verify(expected);
        if (error == null && exit != 0)
        {
            error = "exit code " + exit;
        }
        return new RunResult(target.system(), target.config(), runIndex, timed.count(), rate, cpu, rss, idle, exit,
            expected, v, error);
    }

    /**
     * Sends {@code file} on a new connection and polls until {@code target.stored() >= storedTarget}.
     *
     * @return nanoseconds from the first byte sent to the poll that saw the last message stored; -1 on timeout.
     */
    private long sendAndAwait(final IngestTarget target, final MessageFile file, final long storedTarget)
        throws IOException, InterruptedException
    {
        final TcpFileSender sender = new TcpFileSender(file, target.tcpPort());
        final Thread thread = sender.start();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long now = System.nanoTime();
        while (target.stored() < storedTarget)
        {
            if (now > deadline || sender.failure() != null)
            {
                thread.join(1000);
                if (sender.failure() != null)
                {
                    throw new IOException("sender failed after " + sender.sentBytes() + " bytes", sender.failure());
                }
                return -1;
            }
            LockSupport.parkNanos(POLL_NANOS);
            now = System.nanoTime();
        }
        final long t1 = System.nanoTime();
        thread.join(TimeUnit.MILLISECONDS.toMillis(timeoutMs));
        return t1 - sender.firstByteNanos();
    }
}
