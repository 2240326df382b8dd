package io.ringlog.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * A receiver that reads and throws away, on 127.0.0.1: one TCP listener (any number of connections) and one UDP
 * socket, served by one thread with a selector. It counts TCP bytes and UDP datagrams, so the generator can be
 * measured on its own (what it sends is then limited by the generator and the kernel, not by a syslog server).
 */
public final class DiscardReceiver implements AutoCloseable
{
    private final Selector selector;
    private final ServerSocketChannel server;
    private final DatagramChannel udp;
    private final Thread thread;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private volatile long tcpBytes;
    private volatile long udpDatagrams;
    private volatile long udpBytes;
    private volatile boolean running = true;

    public DiscardReceiver() throws IOException
    {
        selector = Selector.open();
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        server.configureBlocking(false).register(selector, SelectionKey.OP_ACCEPT);
        udp = DatagramChannel.open();
        udp.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
        udp.bind(new InetSocketAddress("127.0.0.1", 0));
        udp.configureBlocking(false).register(selector, SelectionKey.OP_READ);
        thread = new Thread(this::serve, "discard-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress tcpAddress() throws IOException
    {
        return (InetSocketAddress)server.getLocalAddress();
    }

    public InetSocketAddress udpAddress() throws IOException
    {
        return (InetSocketAddress)udp.getLocalAddress();
    }

    public InetSocketAddress address(final Transport transport) throws IOException
    {
        return transport.tcp() ? tcpAddress() : udpAddress();
    }

    public long tcpBytes()
    {
        return tcpBytes;
    }

    public long udpDatagrams()
    {
        return udpDatagrams;
    }

    public long udpBytes()
    {
        return udpBytes;
    }

    private void serve()
    {
        try
        {
            while (running)
            {
                selector.select(100);
                final Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext())
                {
                    final SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isAcceptable())
                    {
                        final SocketChannel ch = server.accept();
                        if (ch != null)
                        {
                            ch.configureBlocking(false).register(selector, SelectionKey.OP_READ);
                        }
                    }
                    else if (key.channel() == udp)
                    {
                        drainUdp();
                    }
                    else
                    {
                        drainTcp(key);
                    }
                }
            }
        }
        catch (final IOException e)
        {
            if (running)
            {
                System.err.println("discard receiver: " + e);
            }
        }
    }

    private void drainUdp() throws IOException
    {
        // bounded: at most 10,000 datagrams per wake-up, then back to the selector
        for (int i = 0; i < 10_000; i++)
        {
            buffer.clear();
            if (udp.receive(buffer) == null)
            {
                return;
            }
            udpBytes += buffer.position();
            udpDatagrams++;
        }
    }

    private void drainTcp(final SelectionKey key) throws IOException
    {
        final SocketChannel ch = (SocketChannel)key.channel();
        buffer.clear();
        final int n;
        try
        {
            n = ch.read(buffer);
        }
        catch (final IOException reset)
        {
            key.cancel();
            ch.close();
            return;
        }
        if (n < 0)
        {
            key.cancel();
            ch.close();
        }
        else
        {
            tcpBytes += n;
        }
    }

    /** Waits until {@code tcpBytes() >= bytes} or {@code timeoutMs} passes; returns the last count. */
    public long awaitTcpBytes(final long bytes, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (tcpBytes < bytes && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(1);
        }
        return tcpBytes;
    }

    /** Waits until {@code udpDatagrams() >= datagrams} or nothing arrived for {@code quietMs}; returns the count. */
    public long awaitUdpDatagrams(final long datagrams, final long quietMs) throws InterruptedException
    {
        long last = -1;
        long lastChange = System.currentTimeMillis();
        while (udpDatagrams < datagrams && System.currentTimeMillis() - lastChange < quietMs)
        {
            if (udpDatagrams != last)
            {
                last = udpDatagrams;
                lastChange = System.currentTimeMillis();
            }
            Thread.sleep(1);
        }
        return udpDatagrams;
    }

    @Override
    public void close() throws IOException, InterruptedException
    {
        running = false;
        selector.wakeup();
        thread.join(5_000);
        for (final SelectionKey key : selector.keys())
        {
            key.channel().close();
        }
        selector.close();
    }
}
