package io.ringlog.bench.jmh;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.config.WaitStrategies;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.Transport;
import io.ringlog.engine.journal.Journal;
import io.ringlog.engine.journal.JournalPrefetcher;
import io.ringlog.engine.journal.JournalWriter;
import io.ringlog.engine.journal.ServiceTimeLog;
import io.ringlog.engine.pipeline.Engine;
import io.ringlog.engine.logic.LogicHandler;
import io.ringlog.engine.parse.ParserHandler;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The engine's ring without its listener, for {@link PipelineBenchmark}: the engine's own {@link ParserHandler}s,
 * {@link LogicHandler} and {@link JournalWriter} (with its service-time log and journal prefetcher), wired and
 * configured exactly as {@code Engine.start} wires them, on a real journal in a fresh temporary directory. The
 * calling thread plays the listener: it claims slots, copies a framed message into each with a receipt time and
 * publishes them together, as the listener does after one socket read ({@code RingPublisher}).
 *
 * <p>Threading: {@link #publish} and {@link #awaitJournaled} are for one thread (the ring is single-producer).
 * Nothing is allocated per message.
 */
final class RingPipeline implements AutoCloseable
{
    private static final long AWAIT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long DRAIN_TIMEOUT_MS = 30_000;
    private static final byte[] SOURCE = {127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final int SOURCE_PORT = 40_000;

    private final Path dir;
    private final CountersFile counters;
    private final SingleChronicleQueue queue;
    private final Disruptor<LogEvent> disruptor;
    private final List<Thread> stageThreads;
    private final ServiceTimeLog serviceTime;
    private final JournalPrefetcher prefetcher;
    private final RingBuffer<LogEvent> ring;
    private final AtomicCounter journaled;
    private final EpochNanoClock clock;
    private long published;
    private boolean closed;

    private RingPipeline(
        final Path dir,
        final CountersFile counters,
        final SingleChronicleQueue queue,
        final Disruptor<LogEvent> disruptor,
        final List<Thread> stageThreads,
        final ServiceTimeLog serviceTime,
        final JournalPrefetcher prefetcher,
        final EpochNanoClock clock)
    {
        this.clock = clock;
        this.dir = dir;
        this.counters = counters;
        this.queue = queue;
        this.disruptor = disruptor;
        this.stageThreads = stageThreads;
        this.serviceTime = serviceTime;
        this.prefetcher = prefetcher;
        this.journaled = counters.get(Counter.JOURNALED);
        serviceTime.start();
        prefetcher.start();
        this.ring = disruptor.start();
    }

    /** Opens a journal in a new temporary directory and starts the stages, configured by {@code config}. */
    static RingPipeline start(final EngineConfig config) throws IOException
    {
        final Path dir = Files.createTempDirectory("ringlog-jmh-pipeline");
        final CountersFile counters = CountersFile.create(dir, ProcessHandle.current().pid(), System.currentTimeMillis());
        final SingleChronicleQueue queue;
        try
        {
            queue = Journal.openForWrite(dir, Journal.rollCycle(config.rollCycle()), config.blockSizeBytes(),
                config.syncJournal());
        }
        catch (final RuntimeException e)
        {
            counters.close();
            throw e;
        }
        final EpochNanoClock clock = new OffsetEpochNanoClock(); // shared by "listener" and writer, as in the engine
        final List<Thread> threads = new ArrayList<>();
        final int slotBytes = config.slotBytes();
        final WaitStrategy waitStrategy = WaitStrategies.create(config.waitStrategy());
        final Disruptor<LogEvent> disruptor = new Disruptor<>(
            () -> new LogEvent(slotBytes), config.ringSize(),
            r ->
            {
                final Thread t = new Thread(r, "ringlog-stage"); // each handler names its thread in onStart()
                t.setDaemon(true);
                threads.add(t);
                return t;
            },
            ProducerType.SINGLE, waitStrategy);
        final ServiceTimeLog serviceTime = new ServiceTimeLog(dir, config.serviceTimeIntervalMs());
        final JournalPrefetcher prefetcher = new JournalPrefetcher(queue, config.prefetchBytes());
        Engine.wireStages(disruptor, waitStrategy, config, counters, queue, new AtomicLong(), clock, serviceTime,
            prefetcher, null); // the engine's own wiring, not a copy; no listener, so no disk checks
        return new RingPipeline(dir, counters, queue, disruptor, threads, serviceTime, prefetcher, clock);
    }

    /**
     * Plays the listener: {@code count} copies of {@code message[0, length)} go into the ring, {@code perRead} at a
     * time, each group stamped with one receipt time and published with one cursor update. Claiming waits (the
     * Disruptor's single-producer park) only while the ring is full.
     */
    void publish(final byte[] message, final int length, final int count, final int perRead)
    {
        for (int done = 0; done < count; done += perRead)
        {
            final int n = Math.min(perRead, count - done);
            final long hi = ring.next(n);
            final long lo = hi - n + 1;
            final long now = clock.nanoTime();
            for (long s = lo; s <= hi; s++)
            {
                final LogEvent event = ring.get(s);
                System.arraycopy(message, 0, event.raw, 0, length);
                event.rawLength = length;
                event.flags = 0;
                event.transport = Transport.TCP;
                event.receivedAtNanos = now;
                event.sourceAddressLength = 4;
                System.arraycopy(SOURCE, 0, event.sourceAddress, 0, SOURCE.length);
                event.sourcePort = SOURCE_PORT;
            }
            ring.publish(lo, hi);
        }
        published += count;
    }

    /**
     * Waits until the writer's {@code journaled} counter (set at the end of each of its batches) covers every
     * message published so far. It yields rather than spins: on 2 cores a spinning producer takes the CPU the
     * stages need.
     *
     * @throws IllegalStateException after 30 s without getting there (a stage has stopped).
     */
    long awaitJournaled()
    {
        final long deadline = System.nanoTime() + AWAIT_TIMEOUT_NANOS;
        long done;
        while ((done = journaled.get()) < published)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("journaled " + done + " of " + published + " messages after 30 s");
            }
            Thread.yield();
        }
        return done;
    }

    long published()
    {
        return published;
    }

    /** The journal directory (deleted by {@link #close()}). */
    Path dir()
    {
        return dir;
    }

    /**
     * Drains and stops the stages (joining their threads before the journal and counters are unmapped, as the
     * engine does), checks the accounting, then deletes the journal directory. Idempotent.
     *
     * @throws IllegalStateException when a stage did not stop, or not every published message was parsed and
     *                               journaled without error (so a broken pipeline fails the benchmark run).
     */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        prefetcher.close();
        try
        {
            disruptor.shutdown(DRAIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException e)
        {
            disruptor.halt();
        }
        boolean stopped = true;
        for (final Thread t : stageThreads)
        {
            try
            {
                t.join(DRAIN_TIMEOUT_MS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
            stopped &= !t.isAlive();
        }
        if (!stopped)
        {
            throw new IllegalStateException("a ring stage did not stop; journal left in " + dir);
        }
        final String problem = accountingProblem();
        serviceTime.close();
        queue.close();
        counters.close();
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        if (problem != null)
        {
            throw new IllegalStateException(problem);
        }
    }

    /** Null when every published message was parsed (5424 or 3164), kept and journaled, with no stage error. */
    private String accountingProblem()
    {
        final long journaledCount = journaled.get();
        final long parsed = counter(Counter.PARSED_RFC5424) + counter(Counter.PARSED_RFC3164);
        final long errors = counter(Counter.UNPARSED) + counter(Counter.FILTERED) + counter(Counter.HANDLER_ERRORS) +
            counter(Counter.DROPPED_JOURNAL_ERROR);
        if (journaledCount == published && parsed == published && errors == 0)
        {
            return null;
        }
        return "pipeline accounting: published " + published + ", journaled " + journaledCount + ", parsed " + parsed +
            ", unparsed/filtered/handler/journal errors " + errors;
    }

    private long counter(final Counter counter)
    {
        return counters.get(counter).get();
    }
}
