package io.ringlog.bench.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * rsyslog as the peer (Debian's 8.2302, installed by {@code bench/scripts/install-peers.sh}): {@code rsyslogd -n}
 * in the foreground with its own config, pid file and work directory in the run directory; no system socket
 * (no imuxsock/imklog), imptcp on 127.0.0.1 (octet-counted framing is auto-detected), omfile writing
 * {@code %rawmsg%\n}. The settings are the fair ones from shared/LIBRARIES.md §8: omfile {@code flushOnTXEnd} on
 * and a 1 MB {@code ioBufferSize}, main queue LinkedList of 1M with dequeue batches of 4096 and 2 workers.
 *
 * <p>"Stored" is derived from the output file's size: every message is {@link MessageFile#MESSAGE_BYTES} long,
 * so the file holds {@code size / (MESSAGE_BYTES + 1)} complete lines. Polling the size (one stat) costs the shared
 * cores nothing, unlike re-reading the file; {@link #verify} counts the newlines once, after the stop.
 */
public final class RsyslogTarget implements IngestTarget
{
    private static final long START_TIMEOUT_MS = 15_000;

    private final Path rsyslogd;
    private final Path runDir;
    private Process process;
    private int port = -1;

    public RsyslogTarget(final Path rsyslogd, final Path runDir)
    {
        this.rsyslogd = rsyslogd;
        this.runDir = runDir;
    }

    /** rsyslogd on the PATH or in /usr/sbin, or null when it is not installed. */
    public static Path find()
    {
        final String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (final String dir : path.split(":"))
        {
            if (!dir.isEmpty())
            {
                final Path p = Path.of(dir, "rsyslogd");
                if (Files.isExecutable(p))
                {
                    return p;
                }
            }
        }
        return null;
    }

    @Override
    public String system()
    {
        return "rsyslog";
    }

    @Override
    public String config()
    {
        return "imptcp → omfile, LinkedList 1M, batch 4096, 2 workers";
    }

    public Path output()
    {
        return runDir.resolve("out.log");
    }

    /** The rsyslog.conf this target runs with. */
    static String configText(final Path workDir, final int port, final Path output)
    {
        return String.join("\n",
            "# written by ringlog bench: no system socket, no kernel log; only the benchmark's TCP input",
            "global(workDirectory=\"" + workDir + "\" maxMessageSize=\"64k\")",
            "module(load=\"imptcp\")",
            "main_queue(queue.type=\"LinkedList\" queue.size=\"1000000\" queue.dequeueBatchSize=\"4096\"" +
                " queue.workerThreads=\"2\")",
            "template(name=\"rawline\" type=\"string\" string=\"%rawmsg%\\n\")",
            "input(type=\"imptcp\" address=\"127.0.0.1\" port=\"" + port + "\")",
            "# only the benchmark's messages go to the file, not rsyslogd's own start/stop notices",
            "if $inputname == \"imptcp\" then {",
            "  action(type=\"omfile\" file=\"" + output + "\" template=\"rawline\" flushOnTXEnd=\"on\"" +
                " ioBufferSize=\"1m\")",
            "}",
            "");
    }

    @Override
    public void start() throws IOException, InterruptedException
    {
        final Path work = runDir.resolve("work");
        Files.createDirectories(work);
        port = ServerProcess.freePort();
        final Path conf = runDir.resolve("rsyslog.conf");
        Files.writeString(conf, configText(work, port, output()));
        process = new ProcessBuilder(List.of(rsyslogd.toString(), "-n", "-f", conf.toString(),
            "-i", runDir.resolve("rsyslogd.pid").toString()))
            .directory(runDir.toFile())
            .redirectOutput(runDir.resolve("rsyslogd.out").toFile())
            .redirectError(runDir.resolve("rsyslogd.err").toFile())
            .start();
        try
        {
            ServerProcess.awaitListening(process, port, START_TIMEOUT_MS);
        }
        catch (final IOException e)
        {
            ServerProcess.kill(process);
            throw new IOException(e.getMessage() + "; stderr: " + Files.readString(runDir.resolve("rsyslogd.err")));
        }
    }

    @Override
    public int tcpPort()
    {
        return port;
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
        return Files.exists(out) ? Files.size(out) / (MessageFile.MESSAGE_BYTES + 1) : 0;
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
        final boolean exact = size == lines * (MessageFile.MESSAGE_BYTES + 1L);
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
