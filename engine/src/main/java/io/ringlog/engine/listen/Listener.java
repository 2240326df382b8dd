package io.ringlog.engine.listen;

import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.journal.JournalSpace;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The listener: one thread, one selector, UDP and TCP on the bound address. It frames bytes into messages, stamps
 * each socket read with one receipt time, copies the messages into ring slots and publishes them.
 *
 * <p>It never blocks on the ring. When the ring is full it stops reading TCP (the connections' interest in reads
 * is switched off, so the kernel's flow control pushes back on the senders and nothing is lost) and keeps reading
 * UDP, dropping and counting the datagrams that find no slot. Reading resumes once an eighth of the ring is free,
 * so a saturated ring does not flip every connection on and off for each freed slot.
 *
 * <p>The journal's disk gets the same treatment: when its free space falls below the reserve
 * ({@link JournalSpace}, checked every 100 ms by housekeeping), TCP reading stops and UDP datagrams are read and
 * counted as {@code dropped.disk_full}, until the space is back above the reserve plus one block. Each change is
 * logged once. Connections are not closed as idle while they are not being read.
 * <p>Fairness: each select pass reads a ready connection at most once, at most 64 KiB
 * ({@link TcpConnection#READ_BUDGET_BYTES}). When the ring fills during a pass, the connections still ready in
 * that pass get their one read too (their frames wait in their own buffers) and reading stops only at the end of
 * the pass; every waiting buffer is delivered before anyone is read again. Switching reads off at once instead
 * would let the first connection of each pass (the kernel returns them in a stable order) take all the room that
 * freed up, pass after pass: one hot connection starved the others for hundreds of milliseconds
 * ({@code HotConnectionFairnessIT}).
 *
 * <p>Stopping ({@link #requestStop()}) closes the server socket first, then reads what the senders have already
 * written until the sockets are quiet or the drain timeout passes, then closes every connection.
 *
 * <p>Accepting (and the connection limit) is {@link TcpAcceptor}'s, framing each connection's
 * {@link StreamFramer}'s, and UDP {@link UdpReceiver}'s; this class runs the loop, back-pressure, idle
 * timeouts and the orderly stop.
 */
public final class Listener implements Runnable
{
    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);
    private static final long QUIET_NANOS = 50_000_000L;
    private static final long PAUSED_PARK_NANOS = 20_000L;
    /** Heartbeat, accept resumption and idle checks run this often (idle timeouts are this coarse). */
    private static final long HOUSEKEEPING_NANOS = 100_000_000L;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final DatagramChannel udp;
    private final UdpReceiver udpReceiver;
    private final TcpAcceptor acceptor;
    private final RingPublisher publisher;
    private final EpochNanoClock clock;
    private final CountersFile countersFile;
    private final int maxMessageBytes;
    private final long drainTimeoutNanos;
    private final int resumeSlots;
    private final List<TcpConnection> connections = new ArrayList<>();
    private final AtomicCounter bytesReceived;
    private final AtomicCounter closed;
    private final AtomicCounter framingErrors;
    private final AtomicCounter incompleteFrames;
    private final AtomicCounter backpressure;
    private final AtomicCounter idleClosed;
    private final long idleTimeoutNanos;
    private final UdpKernelDrops kernelDrops;
    private final JournalSpace space;
    private final AtomicCounter diskLowCount;
    private final AtomicCounter droppedDiskFull;

    private volatile boolean stopRequested;
    /** The ring was full: TCP reads are off until {@link #tryResume()} finds room. */
    private boolean paused;
    /** The journal's disk is below its reserve: TCP reads are off, UDP is dropped. */
    private boolean diskLow;
    private long droppedDiskFullAtLow;
    /** The ring filled during this pass: reads are switched off once the pass has served every ready key. */
    private boolean stopReadingAfterPass;
    private int passTcpBytes;
    private final java.util.function.Consumer<SelectionKey> onReady = this::onReady;
    private long lastHeartbeatNanos;

    public Listener(
        final Selector selector,
        final ServerSocketChannel server,
        final DatagramChannel udp,
        final RingPublisher publisher,
        final EpochNanoClock clock,
        final CountersFile counters,
        final EngineConfig config,
        final JournalSpace space)
    {
        this.selector = selector;
        this.server = server;
        this.udp = udp;
        this.acceptor = server == null ? null : new TcpAcceptor(server, selector, config, counters);
        this.udpReceiver = udp == null ? null : new UdpReceiver(udp, publisher, clock, counters,
            config.maxMessageBytes());
        this.publisher = publisher;
        this.clock = clock;
        this.countersFile = counters;
        this.maxMessageBytes = config.maxMessageBytes();
        this.drainTimeoutNanos = config.drainTimeoutMs() * 1_000_000L;
        this.resumeSlots = Math.max(1, config.ringSize() / 8);
        this.bytesReceived = counters.get(Counter.BYTES_RECEIVED);
        this.closed = counters.get(Counter.TCP_CLOSED);
        this.framingErrors = counters.get(Counter.TCP_FRAMING_ERRORS);
        this.incompleteFrames = counters.get(Counter.TCP_INCOMPLETE_FRAMES);
        this.backpressure = counters.get(Counter.TCP_BACKPRESSURE);
        this.idleClosed = counters.get(Counter.TCP_IDLE_CLOSED);
        this.idleTimeoutNanos = config.idleTimeoutMs() * 1_000_000L;
        this.kernelDrops = udp == null ? null : UdpKernelDrops.forPort(localPort(udp),
            counters.get(Counter.UDP_KERNEL_DROPS));
        this.space = space;
        this.diskLowCount = counters.get(Counter.JOURNAL_DISK_LOW);
        this.droppedDiskFull = counters.get(Counter.DROPPED_DISK_FULL);
    }

    private static int localPort(final DatagramChannel udp)
    {
        try
        {
            return ((java.net.InetSocketAddress)udp.getLocalAddress()).getPort();
        }
        catch (final IOException | RuntimeException e)
        {
            return -1;
        }
    }

    /**
     * Serves one ready key. The selector calls it directly ({@link Selector#select(java.util.function.Consumer,
     * long)}), which, unlike iterating {@code selectedKeys()}, adds no node to a HashSet per ready key: the
     * listener's loop allocates nothing.
     */
    private void onReady(final SelectionKey key)
    {
        if (!key.isValid())
        {
            return;
        }
        try
        {
            if (key.isAcceptable())
            {
                acceptor.accept(connections, paused || diskLow);
            }
            else if (key.channel() == udp)
            {
                udpReceiver.read();
            }
            else if (key.isReadable())
            {
                passTcpBytes += readTcp((TcpConnection)key.attachment());
            }
        }
        catch (final IOException e)
        {
            LOG.warn("listener: {}", e.toString());
        }
    }

    /** Asks the listener thread to stop accepting, drain its connections and return. Any thread. */
    public void requestStop()
    {
        stopRequested = true;
        selector.wakeup();
    }

    @Override
    public void run()
    {
        try
        {
            if (server != null)
            {
                server.register(selector, SelectionKey.OP_ACCEPT);
            }
            if (udp != null)
            {
                udp.register(selector, SelectionKey.OP_READ);
            }
            lastHeartbeatNanos = System.nanoTime();
            checkDisk(lastHeartbeatNanos); // a disk already low at start: take nothing until it has room
            while (!stopRequested)
            {
                pollOnce(100);
            }
            drain();
        }
        catch (final IOException e)
        {
            LOG.error("listener stopped: {}", e.toString());
        }
        finally
        {
            closeAll();
        }
    }

    /**
     * One pass: resume blocked senders if the ring has room, select, serve what is ready. While the ring is full
     * it polls (the ring frees up within microseconds); while the disk is low it waits in select as usual, since
     * space comes back on a human time scale.
     */
    private int pollOnce(final long timeoutMs) throws IOException
    {
        if (paused && !diskLow)
        {
            tryResume();
        }
        passTcpBytes = 0;
        final boolean polling = paused && !diskLow;
        final int ready = polling ? selector.selectNow(onReady) : selector.select(onReady, timeoutMs);
        final int tcpBytes = passTcpBytes;
        if (stopReadingAfterPass)
        {
            stopReadingAfterPass = false;
            setReads(false);
        }
        if (polling && ready == 0)
        {
            LockSupport.parkNanos(PAUSED_PARK_NANOS);
        }
        final long now = System.nanoTime();
        if (now - lastHeartbeatNanos >= HOUSEKEEPING_NANOS)
        {
            lastHeartbeatNanos = now;
            countersFile.heartbeat(System.currentTimeMillis());
            housekeeping(now);
        }
        return tcpBytes;
    }

    /**
     * Every {@link #HOUSEKEEPING_NANOS}: check the journal's free space, end an accept pause after a failure, close
     * idle connections.
     */
    private void housekeeping(final long now)
    {
        checkDisk(now);
        if (acceptor != null)
        {
            acceptor.poll(now);
        }
        if (kernelDrops != null)
        {
            kernelDrops.poll(now, false);
        }
        if (idleTimeoutNanos > 0 && !paused && !diskLow) // no connection is read now: none is idle
        {
            for (int i = connections.size() - 1; i >= 0; i--)
            {
                final TcpConnection connection = connections.get(i);
                if (!connection.blocked && now - connection.lastReadNanos > idleTimeoutNanos)
                {
                    idleClosed.incrementRelease();
                    if (connection.framer.buffered() > 0)
                    {
                        incompleteFrames.incrementRelease();
                    }
                    close(connection);
                }
            }
        }
    }

    /** Reads once from a ready connection and frames what arrived. Returns the bytes read. */
    private int readTcp(final TcpConnection connection)
    {
        final int n;
        try
        {
            n = connection.read();
        }
        catch (final IOException e)
        {
            close(connection);
            return 0;
        }
        final long now = clock.nanoTime();
        connection.lastReadNanos = System.nanoTime();
        if (n < 0)
        {
            finish(connection, now);
            return 0;
        }
        bytesReceived.getAndAddRelease(n);
        frame(connection, now);
        return n;
    }

    private void frame(final TcpConnection connection, final long now)
    {
        final int result = connection.frame(publisher, now);
        publisher.flush();
        if (result == StreamFramer.BLOCKED)
        {
            pause();
        }
        else if (result == StreamFramer.FRAMING_ERROR)
        {
            framingErrors.incrementRelease();
            LOG.warn("closing tcp://{}: {}", connection.source, connection.framer.errorReason());
            close(connection);
        }
    }

    /** End of stream from the sender: publish a last unterminated LF frame, then close. */
    private void finish(final TcpConnection connection, final long now)
    {
        connection.eof = true;
        final int result = connection.frameAtEof(publisher, now);
        publisher.flush();
        if (result == StreamFramer.BLOCKED)
        {
            connection.key.interestOps(0);
            pause();
            return; // resumed by tryResume(), which finishes it
        }
        if (result == StreamFramer.INCOMPLETE)
        {
            incompleteFrames.incrementRelease();
        }
        else if (result == StreamFramer.FRAMING_ERROR)
        {
            framingErrors.incrementRelease();
        }
        close(connection);
    }

    /** The ring is full: reading stops at the end of this pass (see the class comment on fairness). */
    private void pause()
    {
        if (!paused)
        {
            paused = true;
            stopReadingAfterPass = true;
            backpressure.incrementRelease();
        }
    }

    /** Once an eighth of the ring is free: finish the blocked connections' buffered frames, then read again. */
    private void tryResume()
    {
        if (!publisher.hasCapacity(resumeSlots))
        {
            return;
        }
        final long now = clock.nanoTime();
        for (int i = 0; i < connections.size(); i++)
        {
            final TcpConnection connection = connections.get(i);
            if (connection.blocked)
            {
                if (connection.eof)
                {
                    finish(connection, now);
                }
                else
                {
                    frame(connection, now);
                }
                if (!connection.key.isValid())
                {
                    i--; // closed and removed
                    continue;
                }
                if (connection.blocked)
                {
                    return; // the ring filled again
                }
            }
        }
        paused = false;
        setReads(true);
    }

    /**
     * After a stop request: no new connections; read what senders already wrote until the sockets have been
     * quiet for 50 ms (or the drain timeout passes), publishing as usual.
     */
    private void drain() throws IOException
    {
        if (server != null)
        {
            server.close();
        }
        final long deadline = System.nanoTime() + drainTimeoutNanos;
        long lastActivity = System.nanoTime();
        while (System.nanoTime() < deadline && (paused || !connections.isEmpty()))
        {
            final int bytes = pollOnce(10);
            final long now = System.nanoTime();
            if (bytes > 0 || (paused && !diskLow)) // a low disk stays low: nothing more will be read
            {
                lastActivity = now;
            }
            else if (now - lastActivity > QUIET_NANOS)
            {
                break;
            }
        }
        if (udp != null)
        {
            udpReceiver.read(); // what already sits in the socket buffer
        }
        if (kernelDrops != null)
        {
            kernelDrops.poll(System.nanoTime(), true); // the final figure, before the socket closes
        }
    }

    /** Starts or ends a disk-low pause when the journal's free space crosses the reserve. */
    private void checkDisk(final long now)
    {
        if (space == null || space.poll() == diskLow)
        {
            return;
        }
        diskLow = space.isLow();
        if (udpReceiver != null)
        {
            udpReceiver.diskFull(diskLow);
        }
        if (diskLow)
        {
            diskLowCount.incrementRelease();
            droppedDiskFullAtLow = droppedDiskFull.get();
            setReads(false);
            if (space.writerFaulted())
            {
                LOG.warn("journal writer faulted; pausing TCP reads and dropping UDP until ringlogd restarts");
            }
            else
            {
                LOG.warn("journal disk low: {} bytes free in {} < reserve {}; pausing TCP reads, dropping UDP",
                    space.freeBytes(), space.dir(), space.reserveBytes());
            }
            return;
        }
        for (int i = 0, n = connections.size(); i < n; i++)
        {
            connections.get(i).lastReadNanos = now; // unread for a while, not idle
        }
        if (!paused)
        {
            setReads(true);
        }
        LOG.warn("journal disk space back: {} bytes free in {}; resuming TCP reads and UDP ({} datagrams dropped " +
            "as dropped.disk_full meanwhile)", space.freeBytes(), space.dir(),
            droppedDiskFull.get() - droppedDiskFullAtLow);
    }

    /** Switches reading on or off for every open connection that has not reached end of stream. */
    private void setReads(final boolean on)
    {
        for (int i = 0, n = connections.size(); i < n; i++)
        {
            final TcpConnection connection = connections.get(i);
            if (connection.key.isValid() && !connection.eof)
            {
                connection.key.interestOps(on ? SelectionKey.OP_READ : 0);
            }
        }
    }

    private void close(final TcpConnection connection)
    {
        connection.blocked = false;
        if (connection.key != null)
        {
            connection.key.cancel();
        }
        try
        {
            connection.channel.close();
        }
        catch (final IOException ignore)
        {
            // closing: nothing more to do with it
        }
        if (connections.remove(connection))
        {
            closed.incrementRelease();
        }
        if (acceptor != null)
        {
            acceptor.onConnectionClosed();
        }
    }

    private void closeAll()
    {
        while (!connections.isEmpty())
        {
            final TcpConnection connection = connections.get(connections.size() - 1);
            if (connection.framer.buffered() > 0) // a partial frame when the drain timeout ran out
            {
                incompleteFrames.incrementRelease();
            }
            close(connection);
        }
        try
        {
            if (udp != null)
            {
                udp.close();
            }
            if (server != null)
            {
                server.close();
            }
            selector.close();
        }
        catch (final IOException e)
        {
            LOG.warn("closing sockets: {}", e.toString());
        }
    }
}
