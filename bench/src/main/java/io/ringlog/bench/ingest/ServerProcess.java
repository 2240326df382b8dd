package io.ringlog.bench.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Process plumbing shared by the targets: free ports, waiting for a listener, SIGTERM with a bound, cleanup. */
public final class ServerProcess
{
    private ServerProcess()
    {
    }

    /** A port that was free a moment ago on 127.0.0.1 (the peer binds it right after; a clash fails the start). */
    static int freePort() throws IOException
    {
        try (ServerSocket s = new ServerSocket())
        {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    /** A UDP port that was free a moment ago on 127.0.0.1. */
    static int freeUdpPort() throws IOException
    {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress("127.0.0.1", 0)))
        {
            return s.getLocalPort();
        }
    }

    /** Connects (and closes) until the port accepts, the process dies, or {@code timeoutMs} passes. */
    static void awaitListening(final Process process, final int port, final long timeoutMs)
        throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline)
        {
            if (!process.isAlive())
            {
                throw new IOException("server exited with " + process.exitValue() + " before listening on " + port);
            }
            try (Socket s = new Socket())
            {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (final IOException notYet)
            {
                Thread.sleep(20);
            }
        }
        throw new IOException("server not listening on 127.0.0.1:" + port + " after " + timeoutMs + " ms");
    }

    /** SIGTERM, wait up to {@code timeoutS}; kill -9 and fail if it does not stop. */
    static int terminate(final Process process, final long timeoutS) throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(timeoutS, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("pid " + process.pid() + " did not stop within " + timeoutS +
                " s of SIGTERM");
        }
        return process.exitValue();
    }

    static void kill(final Process process)
    {
        if (process != null && process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(10, TimeUnit.SECONDS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void deleteTree(final Path dir)
    {
        if (dir == null || !Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
