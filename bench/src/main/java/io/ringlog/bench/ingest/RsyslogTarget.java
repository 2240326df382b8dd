package io.ringlog.bench.ingest;

import io.ringlog.bench.load.Transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * rsyslog as a peer (Debian's 8.2302, installed by {@code bench/scripts/install-peers.sh}): {@code rsyslogd -n}
 * with no system socket (no imuxsock/imklog), imptcp on 127.0.0.1 (octet counting or LF framing, detected per
 * connection), imudp too for the UDP transport, and omfile writing {@code %rawmsg%\n}. The settings are the fair
 * ones from shared/LIBRARIES.md §8: omfile {@code flushOnTXEnd} on and a 1 MB {@code ioBufferSize}, main queue
 * LinkedList of 1M with dequeue batches of 4096 and 2 workers; imudp with an 8 MB receive buffer.
 */
public final class RsyslogTarget extends PeerTarget
{
    private final Path rsyslogd;

    /** The ingest benchmark's target: octet-counted TCP, {@link MessageFile#MESSAGE_BYTES}-byte messages. */
    public RsyslogTarget(final Path rsyslogd, final Path runDir)
    {
        this(rsyslogd, runDir, Transport.TCP_OCTET, MessageFile.MESSAGE_BYTES);
    }

    public RsyslogTarget(final Path rsyslogd, final Path runDir, final Transport transport, final int messageBytes)
    {
        super(runDir, transport, messageBytes);
        this.rsyslogd = rsyslogd;
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
        return (transport() == Transport.UDP ? "imudp" : "imptcp") +
            " → omfile, LinkedList 1M, batch 4096, 2 workers";
    }

    @Override
    String configText(final Path workDir, final Transport transport, final int tcpPort, final int udpPort,
        final Path output)
    {
        return String.join("\n",
            "# written by ringlog bench: no system socket, no kernel log; only the benchmark's inputs",
            "global(workDirectory=\"" + workDir + "\" maxMessageSize=\"64k\")",
            "module(load=\"imptcp\")",
            udpPort < 0 ? "" : "module(load=\"imudp\")",
            "main_queue(queue.type=\"LinkedList\" queue.size=\"1000000\" queue.dequeueBatchSize=\"4096\"" +
                " queue.workerThreads=\"2\")",
            "template(name=\"rawline\" type=\"string\" string=\"%rawmsg%\\n\")",
            "input(type=\"imptcp\" address=\"127.0.0.1\" port=\"" + tcpPort + "\")",
            udpPort < 0 ? "" :
                "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + udpPort + "\" rcvbufSize=\"8m\")",
            "# only the benchmark's messages go to the file, not rsyslogd's own start/stop notices",
            "if $inputname == \"imptcp\" or $inputname == \"imudp\" then {",
            "  action(type=\"omfile\" file=\"" + output + "\" template=\"rawline\" flushOnTXEnd=\"on\"" +
                " ioBufferSize=\"1m\")",
            "}",
            "");
    }

    @Override
    List<String> command(final Path conf)
    {
        return List.of(rsyslogd.toString(), "-n", "-f", conf.toString(),
            "-i", runDir().resolve("rsyslogd.pid").toString());
    }
}
