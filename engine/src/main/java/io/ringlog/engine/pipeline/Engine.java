package io.ringlog.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.config.HandoffWaitStrategy;
import io.ringlog.engine.config.WaitStrategies;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.journal.Journal;
import io.ringlog.engine.journal.JournalPrefetcher;
import io.ringlog.engine.journal.JournalSpace;
import io.ringlog.engine.journal.JournalWriter;
import io.ringlog.engine.journal.Retention;
import io.ringlog.engine.journal.ServiceTimeLog;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.listen.Listener;
import io.ringlog.engine.listen.RingPublisher;
import io.ringlog.engine.logic.LogicHandler;
import io.ringlog.engine.parse.ParserHandler;
import io.ringlog.engine.parse.SyslogParser;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ring and its stages, wired and run: listener → parsers (N, sharded by sequence) → logic → writer, the
 * journal and the counters file. {@link #start} validates and opens everything before any thread starts, so a
 * bad port or a journal in use fails start-up with one clear message; {@link #close()} stops in order: the
 * listener stops accepting and drains its sockets, the ring drains into the journal, the journal closes.
 */
public final class Engine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final long RING_DRAIN_TIMEOUT_MS = 30_000;

    private final EngineConfig config;
    private final JournalLock lock;
    private final CountersFile counters;
    private final SingleChronicleQueue queue;
    private final Disruptor<LogEvent> disruptor;
    private final Listener listener;
    private final Thread listenerThread;
    private final StageThreads stageThreads;
    private final Retention retention;
    private final ServiceTimeLog serviceTime;
    private final JournalPrefetcher prefetcher;
    private final int tcpPort;
    private final int udpPort;
    private boolean closed;

    private Engine(
        final EngineConfig config,
        final JournalLock lock,
        final CountersFile counters,
        final SingleChronicleQueue queue,
        final Disruptor<LogEvent> disruptor,
        final Listener listener,
        final StageThreads stageThreads,
        final Retention retention,
        final ServiceTimeLog serviceTime,
        final JournalPrefetcher prefetcher,
        final int tcpPort,
        final int udpPort)
    {
        this.retention = retention;
        this.serviceTime = serviceTime;
        this.prefetcher = prefetcher;
        this.stageThreads = stageThreads;
        this.config = config;
        this.lock = lock;
        this.counters = counters;
        this.queue = queue;
        this.disruptor = disruptor;
        this.listener = listener;
        this.tcpPort = tcpPort;
        this.udpPort = udpPort;
        this.listenerThread = new Thread(listener, "ringlog-listener");
        this.listenerThread.setDaemon(true);
    }

    /**
     * Opens the journal and sockets and starts every stage.
     *
     * @throws EngineStartException with a one-line reason (port in use, journal locked, unwritable directory).
     */
    public static Engine start(final EngineConfig config, final EpochNanoClock clock)
    {
        final Path dir = config.journalDir().toAbsolutePath();
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException e)
        {
            throw new EngineStartException("cannot create journal directory " + dir + ": " + e.getMessage());
        }
        final JournalLock lock = JournalLock.acquire(dir);
        CountersFile counters = null;
        Selector selector = null;
        ServerSocketChannel server = null;
        DatagramChannel udp = null;
        SingleChronicleQueue queue = null;
        try
        {
            counters = CountersFile.create(dir, ProcessHandle.current().pid(), System.currentTimeMillis());
            selector = Selector.open();
            server = bindTcp(config);
            final int tcpPort = server == null ? -1 : ((InetSocketAddress)server.getLocalAddress()).getPort();
            udp = bindUdp(config, tcpPort);
            final int udpPort = udp == null ? -1 : ((InetSocketAddress)udp.getLocalAddress()).getPort();
            Journal.forceUnlockStaleWriter(dir); // safe: the JournalLock above makes this the only writer
            queue = Journal.openForWrite(dir, Journal.rollCycle(config.rollCycle()), config.blockSizeBytes(),
                config.syncJournal());

            final int slotBytes = config.slotBytes();
            final StageThreads stageThreads = new StageThreads();
            final WaitStrategy waitStrategy = WaitStrategies.create(config.waitStrategy());
            final Disruptor<LogEvent> disruptor = new Disruptor<>(
                () -> new LogEvent(slotBytes), config.ringSize(), stageThreads, ProducerType.SINGLE, waitStrategy);
            final AtomicLong overflowBytes = new AtomicLong();
            final ServiceTimeLog serviceTime = new ServiceTimeLog(dir, config.serviceTimeIntervalMs());
            final JournalPrefetcher prefetcher = new JournalPrefetcher(queue, config.prefetchBytes());
            final JournalSpace space = new JournalSpace(dir.toFile(), config.reserveBytes(), config.blockSizeBytes(),
                counters.get(Counter.JOURNAL_FREE_BYTES));
            wireStages(disruptor, waitStrategy, config, counters, queue, overflowBytes, clock, serviceTime, prefetcher,
                space);
            final RingBuffer<LogEvent> ring = disruptor.start();

            final RingPublisher publisher = new RingPublisher(
                ring, overflowBytes, config.overflowBudgetBytes(), slotBytes, counters);
            final Listener listener = new Listener(selector, server, udp, publisher, clock, counters, config, space);
            final Retention retention = new Retention(queue, config.retentionMaxAgeMs(), config.retentionMaxBytes(),
                config.retentionCheckIntervalMs(), counters.get(Counter.RETENTION_DELETED_FILES),
                counters.get(Counter.RETENTION_DELETED_BYTES));
            final Engine engine = new Engine(config, lock, counters, queue, disruptor, listener, stageThreads,
                retention, serviceTime, prefetcher, tcpPort, udpPort);
            serviceTime.start();
            prefetcher.start();
            engine.listenerThread.start();
            retention.start();
            return engine;
        }
        catch (final EngineStartException e)
        {
            closeQuietly(selector, server, udp, queue, counters, lock);
            throw e;
        }
        catch (final IOException | RuntimeException e)
        {
            closeQuietly(selector, server, udp, queue, counters, lock);
            throw new EngineStartException(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * The ring's stages, wired exactly as the engine runs them: N parsers, then logic, then the writer, with the
     * engine's exception handler. Public so bench's listener-free pipeline runs the very same wiring.
     */
    public static void wireStages(
        final Disruptor<LogEvent> disruptor,
        final WaitStrategy waitStrategy,
        final EngineConfig config,
        final CountersFile counters,
        final SingleChronicleQueue queue,
        final AtomicLong overflowBytes,
        final EpochNanoClock clock,
        final ServiceTimeLog serviceTime,
        final JournalPrefetcher prefetcher,
        final JournalSpace space)
    {
        final int n = config.parsers();
        @SuppressWarnings("unchecked")
        final EventHandler<LogEvent>[] parsers = new EventHandler[n];
        for (int i = 0; i < n; i++)
        {
            parsers[i] = signalling(new ParserHandler(i, n, new SyslogParser(config.parserMode())), waitStrategy);
        }
        disruptor.handleEventsWith(parsers)
            .then(signalling(new LogicHandler(config.minSeverity(), config.timeZone(), counters), waitStrategy))
            .then(new JournalWriter(queue, overflowBytes, counters, config.syncJournal(), clock, serviceTime,
                prefetcher.enabled() ? prefetcher : null, space));
        disruptor.setDefaultExceptionHandler(new StageExceptionHandler(counters));
    }

    /** Under the handoff strategy a stage must wake the stages blocked on it; others need no wrapper. */
    private static EventHandler<LogEvent> signalling(final EventHandler<LogEvent> h, final WaitStrategy strategy)
    {
        return strategy instanceof HandoffWaitStrategy ? new SignallingHandler<>(h, strategy) : h;
    }

    private static ServerSocketChannel bindTcp(final EngineConfig config) throws IOException
    {
        if (config.tcpPort() == EngineConfig.PORT_OFF)
        {
            return null;
        }
        final ServerSocketChannel server = ServerSocketChannel.open();
        try
        {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(config.bind(), config.tcpPort()), 1024);
            server.configureBlocking(false);
            return server;
        }
        catch (final IOException e)
        {
            server.close();
            throw new EngineStartException("cannot listen on tcp://" + config.bind() + ":" + config.tcpPort() +
                ": " + e.getMessage());
        }
    }

    /** Binds UDP; with both ports 0 it takes the TCP port's number, so one number serves both, as by default. */
    private static DatagramChannel bindUdp(final EngineConfig config, final int tcpPort) throws IOException
    {
        if (config.udpPort() == EngineConfig.PORT_OFF)
        {
            return null;
        }
        final int port = config.udpPort() == 0 && config.tcpPort() == 0 && tcpPort > 0 ? tcpPort : config.udpPort();
        final DatagramChannel udp = DatagramChannel.open();
        try
        {
            if (config.udpReceiveBufferBytes() > 0)
            {
                udp.setOption(StandardSocketOptions.SO_RCVBUF, config.udpReceiveBufferBytes());
            }
            try
            {
                udp.bind(new InetSocketAddress(config.bind(), port));
            }
            catch (final IOException e)
            {
                if (port == config.udpPort())
                {
                    throw e;
                }
                udp.bind(new InetSocketAddress(config.bind(), 0)); // the TCP port's number is taken for UDP
            }
            udp.configureBlocking(false);
            return udp;
        }
        catch (final IOException e)
        {
            udp.close();
            throw new EngineStartException("cannot listen on udp://" + config.bind() + ":" + port + ": " +
                e.getMessage());
        }
    }

    public int tcpPort()
    {
        return tcpPort;
    }

    public int udpPort()
    {
        return udpPort;
    }

    public Path journalDir()
    {
        return config.journalDir().toAbsolutePath();
    }

    public CountersFile counters()
    {
        return counters;
    }

    /** Receipt -> journaled times of this run's messages so far. */
    public Histogram serviceTime()
    {
        return serviceTime.snapshot();
    }

    /** The one line printed once listening. */
    public String describe()
    {
        final StringBuilder sb = new StringBuilder("ringlogd listening on");
        if (tcpPort >= 0)
        {
            sb.append(" tcp://").append(config.bind()).append(':').append(tcpPort);
        }
        if (udpPort >= 0)
        {
            sb.append(" udp://").append(config.bind()).append(':').append(udpPort);
        }
        return sb.append(", journal ").append(journalDir())
            .append(" (ring ").append(config.ringSize()).append(", parsers ").append(config.parsers())
            .append(", wait ").append(config.waitStrategy()).append(')').toString();
    }

    /**
     * Graceful stop: stop accepting, drain the sockets (bounded by the drain timeout), drain the ring into the
     * journal, close the journal, mark the counters stopped. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        retention.close(); // before the queue closes: it must not touch a closed queue
        prefetcher.close();
        listener.requestStop();
        try
        {
            listenerThread.join(config.drainTimeoutMs() + 10_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        try
        {
            disruptor.shutdown(RING_DRAIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException e)
        {
            LOG.error("ring did not drain within {} ms; stopping the stages anyway", RING_DRAIN_TIMEOUT_MS);
            disruptor.halt();
        }
        try
        {
            if (!stageThreads.join(RING_DRAIN_TIMEOUT_MS))
            {
                LOG.error("a ring stage did not stop; leaving the journal and counters mapped");
                return;
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return;
        }
        serviceTime.close(); // the writer has stopped: its histogram is complete
        queue.close();
        counters.markStopped();
        counters.close();
        lock.close();
    }

    private static void closeQuietly(final AutoCloseable... resources)
    {
        for (final AutoCloseable r : resources)
        {
            if (r != null)
            {
                try
                {
                    r.close();
                }
                catch (final Exception ignore)
                {
                    // start-up already failed; the first error is the one reported
                }
            }
        }
    }
}
