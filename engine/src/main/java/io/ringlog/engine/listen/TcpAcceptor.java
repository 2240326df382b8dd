package io.ringlog.engine.listen;

import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The listener's TCP server socket: accepts connections, each with its own {@link StreamFramer}, up to
 * {@code listen.maxConnections}. At the limit accepting pauses (the server socket's interest is switched off, so
 * further senders wait in the kernel's backlog) until a connection closes. When accept itself fails (EMFILE: no
 * file descriptor left) it pauses for 100 ms rather than spinning on a socket the selector keeps reporting ready;
 * the error is logged once. Used only by the listener thread.
 */
final class TcpAcceptor
{
    private static final Logger LOG = LoggerFactory.getLogger(TcpAcceptor.class);
    private static final long RETRY_NANOS = 100_000_000L;
    private static final int ACCEPTS_PER_PASS = 64;
    /** {@link #pausedUntilNanos} while paused at the connection limit. */
    private static final long UNTIL_A_CONNECTION_CLOSES = Long.MAX_VALUE;

    private final ServerSocketChannel server;
    private final Selector selector;
    private final int maxMessageBytes;
    private final int maxConnections;
    private final int framing;
    private final boolean truncateOversizeFrames;
    private final boolean nulTerminates;
    private final AtomicCounter accepted;
    private final AtomicCounter received;
    private final AtomicCounter acceptPaused;
    /** 0 while accepting. */
    private long pausedUntilNanos;
    private String lastError;

    TcpAcceptor(
        final ServerSocketChannel server, final Selector selector, final EngineConfig config, final CountersFile counters)
    {
        this.server = server;
        this.selector = selector;
        this.maxMessageBytes = config.maxMessageBytes();
        this.maxConnections = config.maxConnections();
        this.framing = StreamFramer.framingByName(config.tcpFraming());
        this.truncateOversizeFrames = config.truncateOversizeFrames();
        this.nulTerminates = config.nulTerminates();
        this.accepted = counters.get(Counter.TCP_ACCEPTED);
        this.received = counters.get(Counter.RECEIVED_TCP);
        this.acceptPaused = counters.get(Counter.TCP_ACCEPT_PAUSED);
    }

    /**
     * Accepts what is waiting, adding each new connection to {@code connections}, registered for reads unless
     * {@code readsPaused} (the ring is full).
     */
    void accept(final List<TcpConnection> connections, final boolean readsPaused) throws IOException
    {
        for (int i = 0; i < ACCEPTS_PER_PASS; i++)
        {
            if (connections.size() >= maxConnections)
            {
                pause(UNTIL_A_CONNECTION_CLOSES);
                return;
            }
            final SocketChannel channel;
            try
            {
                channel = server.accept();
            }
            catch (final IOException e)
            {
                if (!e.toString().equals(lastError))
                {
                    lastError = e.toString();
                    LOG.warn("accept failed, pausing accepts for 100 ms (logged once): {}", lastError);
                }
                pause(System.nanoTime() + RETRY_NANOS);
                return;
            }
            if (channel == null)
            {
                return;
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            final TcpConnection connection = new TcpConnection(
                channel, new StreamFramer(maxMessageBytes, framing, truncateOversizeFrames, nulTerminates), received);
            connection.source.set(channel.getRemoteAddress());
            connection.lastReadNanos = System.nanoTime();
            connection.key = channel.register(selector, readsPaused ? 0 : SelectionKey.OP_READ, connection);
            connections.add(connection);
            accepted.incrementRelease();
        }
    }

    /** A connection closed: below the limit again, accepting resumes. */
    void onConnectionClosed()
    {
        if (pausedUntilNanos == UNTIL_A_CONNECTION_CLOSES)
        {
            resume();
        }
    }

    /** Called periodically: ends a pause after a failed accept. */
    void poll(final long nowNanos)
    {
        if (pausedUntilNanos != 0 && pausedUntilNanos != UNTIL_A_CONNECTION_CLOSES && nowNanos >= pausedUntilNanos)
        {
            resume();
        }
    }

    private void pause(final long untilNanos)
    {
        if (pausedUntilNanos == 0)
        {
            acceptPaused.incrementRelease();
            server.keyFor(selector).interestOps(0);
        }
        pausedUntilNanos = untilNanos;
    }

    private void resume()
    {
        pausedUntilNanos = 0;
        if (server.isOpen())
        {
            server.keyFor(selector).interestOps(SelectionKey.OP_ACCEPT);
        }
    }
}
