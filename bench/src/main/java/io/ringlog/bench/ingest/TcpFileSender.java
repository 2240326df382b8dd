package io.ringlog.bench.ingest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.StandardOpenOption;

/**
 * Sends a whole {@link MessageFile} over one TCP connection to 127.0.0.1 with {@code FileChannel.transferTo}
 * (sendfile(2) on Linux): the kernel copies page-cache pages to the socket, so the sender is not the bottleneck
 * and its cost does not depend on the message count.
 *
 * <p>Runs on its own thread so the caller can poll the receiver meanwhile; {@link #firstByteNanos()} is the
 * {@code System.nanoTime()} taken just before the first byte was handed to the kernel.
 */
public final class TcpFileSender implements Runnable
{
    private final MessageFile file;
    private final int port;
    private volatile long firstByteNanos;
    private volatile long lastByteNanos;
    private volatile Throwable failure;
    private volatile long sentBytes;

    public TcpFileSender(final MessageFile file, final int port)
    {
        this.file = file;
        this.port = port;
    }

    @Override
    public void run()
    {
        try (FileChannel in = FileChannel.open(file.path(), StandardOpenOption.READ);
            SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", port)))
        {
            socket.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            final long size = in.size();
            long position = 0;
            firstByteNanos = System.nanoTime();
            // bounded: each call moves at least one byte or throws; a stall shows up as the caller's timeout
            while (position < size)
            {
                position += in.transferTo(position, size - position, socket);
                sentBytes = position;
            }
            lastByteNanos = System.nanoTime();
        }
        catch (final IOException | RuntimeException e)
        {
            failure = e;
        }
    }

    /** Starts sending on a new daemon thread named {@code ingest-sender}. */
    public Thread start()
    {
        final Thread t = new Thread(this, "ingest-sender");
        t.setDaemon(true);
        t.start();
        return t;
    }

    public long firstByteNanos()
    {
        return firstByteNanos;
    }

    public long lastByteNanos()
    {
        return lastByteNanos;
    }

    public long sentBytes()
    {
        return sentBytes;
    }

    public Throwable failure()
    {
        return failure;
    }
}
