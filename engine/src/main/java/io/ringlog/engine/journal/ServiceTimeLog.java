package io.ringlog.engine.journal;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.SingleWriterRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own service time: receipt (the listener's read that delivered a message) to journaled (the writer's
 * record closed and visible to tailers), for every journaled message, in nanoseconds. It is what a user of the engine
 * gets from the engine alone, without the sender, the network and the reader that an end-to-end rig adds.
 *
 * <p>Threading: {@link #record(long)} is called by the writer thread only ({@link SingleWriterRecorder}: wait-free,
 * no allocation while the value is in range; values beyond {@link #HIGHEST_NANOS} are clamped to it, never thrown).
 * Everything else runs on the {@code ringlog-service-time} thread, when an interval log is asked for, and in
 * {@link #close()}: each interval is swapped out of the recorder and added to the run's total. With an interval the
 * thread appends one {@code .hlog} line per interval, so a benchmark can exclude its warm-up; on close the total is
 * written as a percentile distribution ({@code .hgrm}, µs) and summarised in one log line.
 */
public final class ServiceTimeLog implements AutoCloseable
{
    /** The largest value kept exactly; a longer service time is recorded as this (10 minutes). */
    public static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);
    public static final String HGRM_FILE = "service-time.hgrm";
    public static final String HLOG_FILE = "service-time.hlog";

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTimeLog.class);

    private final SingleWriterRecorder recorder = new SingleWriterRecorder(HIGHEST_NANOS, 3);
    private final Histogram total = new Histogram(HIGHEST_NANOS, 3);
    private final Path dir;
    private final long intervalMs;
    private final Thread thread;
    private Histogram interval;
    private HistogramLogWriter hlog;
    private volatile boolean stopRequested;
    private boolean closed;

    /**
     * @param dir        where {@value #HGRM_FILE} (always, on close) and {@value #HLOG_FILE} (with an interval) go
     * @param intervalMs length of one {@code .hlog} interval; 0 writes no interval log and starts no thread
     */
    public ServiceTimeLog(final Path dir, final long intervalMs)
    {
        this.dir = dir;
        this.intervalMs = intervalMs;
        this.thread = intervalMs > 0 ? new Thread(this::run, "ringlog-service-time") : null;
        if (thread != null)
        {
            thread.setDaemon(true);
        }
    }

    /** Writer thread only. */
    public void record(final long nanos)
    {
        recorder.recordValue(nanos < 0 ? 0 : Math.min(nanos, HIGHEST_NANOS));
    }

    public void start()
    {
        if (thread != null)
        {
            try
            {
                final long now = System.currentTimeMillis();
                hlog = new HistogramLogWriter(new PrintStream(
                    Files.newOutputStream(dir.resolve(HLOG_FILE)), false, StandardCharsets.UTF_8));
                hlog.outputLogFormatVersion();
                hlog.outputStartTime(now);
                hlog.setBaseTime(now);
                hlog.outputLegend();
            }
            catch (final IOException e)
            {
                LOG.warn("cannot write {}: {}; no service-time interval log", dir.resolve(HLOG_FILE), e.toString());
                return;
            }
            thread.start();
        }
    }

    private void run()
    {
        while (!stopRequested)
        {
            try
            {
                Thread.sleep(intervalMs);
            }
            catch (final InterruptedException e)
            {
                break;
            }
            synchronized (this)
            {
                if (!closed)
                {
                    takeInterval();
                }
            }
        }
    }

    /** Moves what was recorded since the last call into the total and, with an interval log, into it. */
    private void takeInterval()
    {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        if (hlog != null)
        {
            hlog.outputIntervalHistogram(interval);
        }
    }

    /** A copy of everything recorded so far. */
    public synchronized Histogram snapshot()
    {
        if (!closed)
        {
            takeInterval();
        }
        return total.copy();
    }

    /** Call after the writer has stopped: takes the last interval, writes the distribution, logs the summary. */
    @Override
    public void close()
    {
        stopRequested = true;
        if (thread != null)
        {
            thread.interrupt();
            try
            {
                thread.join(5_000);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this)
        {
            if (closed)
            {
                return;
            }
            takeInterval();
            closed = true;
            if (hlog != null)
            {
                hlog.close();
            }
        }
        try (PrintStream out = new PrintStream(
            Files.newOutputStream(dir.resolve(HGRM_FILE)), false, StandardCharsets.UTF_8))
        {
            total.outputPercentileDistribution(out, 5, 1000.0);
        }
        catch (final IOException e)
        {
            LOG.warn("cannot write {}: {}", dir.resolve(HGRM_FILE), e.toString());
        }
        if (total.getTotalCount() > 0)
        {
            LOG.info("service time, receipt -> journaled, of {} messages: p50 {} us, p99 {} us, p99.99 {} us, " +
                "max {} us (distribution in {})", total.getTotalCount(), micros(total.getValueAtPercentile(50)),
                micros(total.getValueAtPercentile(99)), micros(total.getValueAtPercentile(99.99)),
                micros(total.getMaxValue()), dir.resolve(HGRM_FILE));
        }
    }

    private static String micros(final long nanos)
    {
        return String.format("%.1f", nanos / 1000.0);
    }
}
