package io.ringlog.bench.ingest;

import io.ringlog.bench.load.Transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * What the two peers (rsyslog, syslog-ng) have in common as benchmark targets: a daemon run in the foreground with
 * its own config, pid and state files in the run directory, listening on 127.0.0.1 only (a TCP port always, so
 * the rig can tell when it is up; a UDP port too when the transport is UDP), writing each message's raw bytes as
 * one line of {@link #output()}.
 *
 * <p>"Stored" is derived from the output file's size: every message is {@code messageBytes} long, so the file
 * holds {@code size / (messageBytes + 1)} complete lines. Polling the size (one stat) costs the shared cores
 * nothing, unlike re-reading the file; {@link #verify} counts the newlines once, after the stop.
 */
public abstract class PeerTarget implements IngestTarget
{
    private static final long START_TIMEOUT_MS = 15_000;

    private final Path runDir;
    private final Transport transport;
    private final int lineBytes;
    private Process process;
    private int tcpPort = -1;
    private int udpPort = -1;

    PeerTarget(final Path runDir, final Transport transport, final int messageBytes)
    {
        this.runDir = runDir;
        this.transport = transport;
        this.lineBytes = messageBytes + 1;
    }

    /** The daemon's config: listen on 127.0.0.1 {@code tcpPort} (and {@code udpPort} unless -1), raw lines out. */
    abstract String configText(Path workDir, Transport transport, int tcpPort, int udpPort, Path output);

    /** The command line that runs the daemon in the foreground with {@code conf}. */
    abstract List<String> command(Path conf);

    /** Extra environment for the daemon (e.g. where an unpacked package's libraries are). */
    Map<String, String> environment()
    {
        return Map.of();
    }

    public Transport transport()
    {
        return transport;
    }

    /** The file the peer writes, one raw message a line. */
    public Path output()
    {
        return runDir.resolve("out.log");
    }

    @Override
    public void start() throws IOException, InterruptedException
    {
        final Path work = runDir.resolve("work");
        Files.createDirectories(work);
        tcpPort = ServerProcess.freePort();
        udpPort = transport == Transport.UDP ? ServerProcess.freeUdpPort() : -1;
        final Path conf = runDir.resolve(system() + ".conf");
        Files.writeString(conf, configText(work, transport, tcpPort, udpPort, output()));
        final ProcessBuilder pb = new ProcessBuilder(command(conf))
            .directory(runDir.toFile())
            .redirectOutput(runDir.resolve(system() + ".out").toFile())
            .redirectError(runDir.resolve(system() + ".err").toFile());
        pb.environment().putAll(environment());
        process = pb.start();
        try
        {
            ServerProcess.awaitListening(process, tcpPort, START_TIMEOUT_MS);
        }
        catch (final IOException e)
        {
            ServerProcess.kill(process);
            throw new IOException(system() + ": " + e.getMessage() + "; stderr: " +
                Files.readString(runDir.resolve(system() + ".err")));
        }
    }

    @Override
    public int tcpPort()
    {
        return tcpPort;
    }

    @Override
    public int udpPort()
    {
        return udpPort;
    }

    @Override
    public long pid()
    {
        return process.pid();
    }

    @Override
    public long stored() throws IOException
    {
        final Path out = output();
        return Files.exists(out) ? Files.size(out) / lineBytes : 0;
    }

    @Override
    public int stop() throws InterruptedException
    {
        return ServerProcess.terminate(process, 60);
    }

    @Override
    public Verification verify(final long expected) throws IOException
    {
        final long lines = countLines(output());
        final long size = Files.exists(output()) ? Files.size(output()) : 0;
        final boolean exact = size == lines * lineBytes;
        return new Verification(lines, -1, -1,
            "lines " + lines + ", bytes " + size + (exact ? " (every line complete)" : " (line lengths differ)"));
    }

    static long countLines(final Path file) throws IOException
    {
        if (!Files.exists(file))
        {
            return 0;
        }
        long lines = 0;
        final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ))
        {
            while (ch.read(buf) > 0)
            {
                final byte[] a = buf.array();
                final int n = buf.position();
                for (int i = 0; i < n; i++)
                {
                    if (a[i] == '\n')
                    {
                        lines++;
                    }
                }
                buf.clear();
            }
        }
        return lines;
    }

    @Override
    public Path runDir()
    {
        return runDir;
    }

    @Override
    public void close()
    {
        ServerProcess.kill(process);
        ServerProcess.deleteTree(output());
    }
}
