package io.ringlog.bench.latency;

import io.ringlog.bench.ingest.HsPerfData;
import io.ringlog.bench.ingest.IngestTarget;
import io.ringlog.bench.ingest.PeerTarget;
import io.ringlog.bench.ingest.ProcStats;
import io.ringlog.bench.ingest.RinglogTarget;
import io.ringlog.bench.ingest.ServerProcess;
import io.ringlog.bench.ingest.Targets;
import io.ringlog.bench.load.LoadGenerator;
import io.ringlog.bench.load.LoadResult;
import io.ringlog.bench.load.LoadSpec;
import io.ringlog.bench.load.MessageLayout;
import io.ringlog.bench.load.Transport;
import io.ringlog.engine.journal.ServiceTimeLog;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency of one system under an open-loop load, measured the way Gil Tene asks: every message is
 * stamped with its <em>scheduled</em> send time, so a stall delays the messages scheduled during it and shows in
 * the percentiles instead of slowing the sender (no coordinated omission). A follower in this process watches the
 * system's store (ringlog: a Chronicle tailer on the journal; a peer: its output file) and records, per message,
 * the time it became visible there minus its scheduled send time. Every run is also a loss check.
 *
 * <p>Steps: start the server fresh; send one start marker (a message of the run's size with an out-of-range
 * sequence number) until the store shows it; start the follower; send {@code warmup + seconds} of load from one
 * sender thread; take the server's CPU and GC count when the warm-up ends and again when the last message is
 * seen (or nothing new arrived for {@link #QUIET_MS}); SIGTERM. The sender, the server and the follower share
 * the machine's cores.
 */
public final class LatencyRig
{
    static final long QUIET_MS = 5_000;
    /** The engine's service-time interval: short, so few measured messages fall in an interval begun in warm-up. */
    static final long SERVICE_TIME_INTERVAL_MS = 250;
    private static final long MARKER_SEQ = 9_999_999_999L;
    private static final long MARKER_TIMEOUT_MS = 15_000;
    private static final long FOLLOW_PARK_NANOS = 10_000;
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private LatencyRig()
    {
    }

    /** Runs {@code spec} once; the run directory is deleted after a clean run and kept (logs) otherwise. */
    public static LatencyResult run(final LatencySpec spec) throws IOException, InterruptedException
    {
        final Path base = spec.workDir != null ? Files.createDirectories(spec.workDir) :
            Files.createTempDirectory("ringlog-latency");
        final Path runDir = Files.createTempDirectory(base, spec.system + "-");
        final MessageLayout layout = MessageLayout.of(spec.format, spec.transport, spec.messageBytes);
        final LatencyResult result;
        final List<String> engineArgs = new ArrayList<>();
        if ("ringlog".equals(spec.system))
        {
            engineArgs.add("--set"); // first, so the spec's own --set of the same key wins
            engineArgs.add("stats.serviceTimeIntervalMs=" + SERVICE_TIME_INTERVAL_MS);
        }
        engineArgs.addAll(spec.engineArgs);
        try (IngestTarget target = Targets.create(spec.system, spec.transport, spec.messageBytes, runDir,
            spec.engineJar, engineArgs))
        {
            target.start();
            final InetSocketAddress address = new InetSocketAddress("127.0.0.1",
                spec.transport == Transport.UDP ? target.udpPort() : target.tcpPort());
            awaitMarker(target, address, layout);
            result = measure(spec, target, address, layout);
        }
        if (result.ok())
        {
            ServerProcess.deleteTree(runDir);
        }
        else
        {
            System.err.println("LatencyRig: kept the run directory " + runDir);
        }
        return result;
    }

    private static LatencyResult measure(final LatencySpec spec, final IngestTarget target,
        final InetSocketAddress address, final MessageLayout layout) throws IOException, InterruptedException
    {
        final long total = spec.totalMessages();
        final LatencyRecorder recorder = new LatencyRecorder(total, spec.warmupMessages());
        final Follow follow = new Follow(follower(target, layout), recorder);
        final Thread followThread = new Thread(follow, "latency-follower");
        followThread.start();
        final LoadSpec load = new LoadSpec(spec.transport, spec.format, spec.connections, spec.messageBytes,
            spec.rate, total, spec.warmupSeconds + spec.seconds + 60);
        final Send send;
        final Thread sender;
        final long pid = target.pid();
        double cpu0 = Double.NaN;
        long gc0 = -1;
        long warmEndMs = Long.MAX_VALUE;
        try (LoadGenerator generator = new LoadGenerator(load, address))
        {
            final long start = System.nanoTime() + START_DELAY_NANOS;
            send = new Send(generator, start);
            sender = new Thread(send, "latency-sender");
            sender.start();
            final long warmEnd = start + TimeUnit.SECONDS.toNanos(spec.warmupSeconds);
            while (System.nanoTime() < warmEnd && sender.isAlive())
            {
                LockSupport.parkNanos(Math.min(warmEnd - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)));
            }
            cpu0 = ProcStats.cpuSeconds(pid);
            warmEndMs = System.currentTimeMillis();
            gc0 = HsPerfData.gcCount(pid);
            sender.join(TimeUnit.SECONDS.toMillis((long)load.seconds + 10));
            // closing the channels (leaving this block) unblocks a sender stuck on a server that stopped reading
        }
        sender.join(10_000);
        final long sent = send.sent;
        awaitProgress(recorder, sent);
        final double cpu1 = ProcStats.cpuSeconds(pid);
        final long gc1 = HsPerfData.gcCount(pid);
        final long rss = ProcStats.peakRssBytes(pid);
        follow.stop = true;
        followThread.join(10_000);
        String error = send.failure == null ? null : "sender: " + send.failure;
        error = follow.failure == null ? error : "follower: " + follow.failure;
        final int exit = target.stop();
        if (exit != 0 && error == null)
        {
            error = spec.system + " exited with " + exit;
        }
        final boolean jvm = target instanceof RinglogTarget;
        final Histogram serviceTime = jvm ? serviceTime(((RinglogTarget)target).journal(), warmEndMs) : null;
        return new LatencyResult(spec.system, spec.transport.label(), spec.connections, spec.rate, spec.seconds,
            sent, recorder.distinct(), recorder.duplicates(), recorder.total(),
            send.result == null ? 0 : send.result.maxLateNanos(), cpu1 - cpu0, rss,
            jvm && gc0 >= 0 && gc1 >= 0 ? gc1 - gc0 : -1, recorder.intervals(), error, serviceTime);
    }

    /**
     * The engine's service-time intervals (written on its stop) that began after the warm-up, added up; an empty
     * histogram when the engine wrote none.
     */
    static Histogram serviceTime(final Path journal, final long fromMs) throws IOException
    {
        final Histogram total = new Histogram(3);
        final Path hlog = journal.resolve(ServiceTimeLog.HLOG_FILE);
        if (!Files.exists(hlog))
        {
            return total;
        }
        final HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram())
        {
            if (h.getStartTimeStamp() >= fromMs)
            {
                total.add((Histogram)h);
            }
        }
        return total;
    }

    private static StoreFollower follower(final IngestTarget target, final MessageLayout layout)
    {
        if (target instanceof RinglogTarget)
        {
            return new JournalFollower(((RinglogTarget)target).journal(), layout);
        }
        return new FileFollower(((PeerTarget)target).output(), layout);
    }

    /** Waits until every sent message was seen, or nothing new was seen for {@link #QUIET_MS}. */
    private static void awaitProgress(final LatencyRecorder recorder, final long sent) throws InterruptedException
    {
        long last = -1;
        long lastChangeMs = System.currentTimeMillis();
        while (recorder.progress() < sent && System.currentTimeMillis() - lastChangeMs < QUIET_MS)
        {
            final long p = recorder.progress();
            if (p != last)
            {
                last = p;
                lastChangeMs = System.currentTimeMillis();
            }
            Thread.sleep(1);
        }
    }

    /**
     * Sends a message of the run's size with an out-of-range sequence number (again every 200 ms: UDP may drop it
     * before the socket is bound) until the store shows it: then the journal or output file exists, and the
     * system is known to work before the clock starts.
     */
    private static void awaitMarker(final IngestTarget target, final InetSocketAddress address,
        final MessageLayout layout) throws IOException, InterruptedException
    {
        final byte[] marker = layout.frame(MARKER_SEQ, 0);
        final long deadline = System.currentTimeMillis() + MARKER_TIMEOUT_MS;
        while (target.stored() < 1)
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new IOException(target.system() + " did not store the start marker within " +
                    MARKER_TIMEOUT_MS + " ms (see " + target.runDir() + ")");
            }
            if (address.getPort() == target.udpPort())
            {
                try (DatagramSocket s = new DatagramSocket())
                {
                    s.send(new DatagramPacket(marker, marker.length, address));
                }
            }
            else
            {
                try (Socket s = new Socket(address.getAddress(), address.getPort()))
                {
                    final OutputStream out = s.getOutputStream();
                    out.write(marker);
                }
            }
            final long until = System.currentTimeMillis() + 200;
            while (target.stored() < 1 && System.currentTimeMillis() < until)
            {
                Thread.sleep(1);
            }
        }
    }

    /** The sender thread: one {@link LoadGenerator#run}. */
    private static final class Send implements Runnable
    {
        private final LoadGenerator generator;
        private final long start;
        volatile LoadResult result;
        volatile Throwable failure;
        volatile long sent;

        Send(final LoadGenerator generator, final long start)
        {
            this.generator = generator;
            this.start = start;
        }

        @Override
        public void run()
        {
            try
            {
                result = generator.run(start);
            }
            catch (final IOException | RuntimeException e)
            {
                failure = e;
            }
            sent = generator.sent();
        }
    }

    /** The follower thread: polls the store until told to stop, then closes the last interval. */
    private static final class Follow implements Runnable
    {
        private final StoreFollower follower;
        private final LatencyRecorder recorder;
        volatile boolean stop;
        volatile Throwable failure;

        Follow(final StoreFollower follower, final LatencyRecorder recorder)
        {
            this.follower = follower;
            this.recorder = recorder;
        }

        @Override
        public void run()
        {
            try (follower)
            {
                while (!stop)
                {
                    if (follower.poll(recorder) == 0)
                    {
                        LockSupport.parkNanos(FOLLOW_PARK_NANOS);
                    }
                    recorder.tick(System.currentTimeMillis());
                }
            }
            catch (final IOException | RuntimeException e)
            {
                failure = e;
            }
            recorder.finish(System.currentTimeMillis());
        }
    }
}
