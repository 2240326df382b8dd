package io.ringlog.bench.ingest;

import io.ringlog.bench.load.Transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * syslog-ng as a peer (Debian's 3.38, unpacked by {@code bench/scripts/install-peers.sh} into
 * {@code ~/.cache/ringlog-peers/syslog-ng} because its package conflicts with rsyslog's):
 * {@code syslog-ng -F --no-caps} with its own config, pid, persist and control files in the run directory.
 *
 * <p>Inputs on 127.0.0.1: octet-counted TCP through the {@code syslog()} driver (3.38 has no
 * {@code transport(auto)}), LF-framed TCP through {@code network(flags(syslog-protocol))}, UDP through
 * {@code syslog(transport(udp))}. Output: {@code ${RAWMSG}\n} ({@code flags(store-raw-message)}), the same raw
 * line rsyslog writes. The settings are the fair ones from shared/LIBRARIES.md §8: {@code flush-lines(100000)},
 * {@code log-fifo-size(1000000)}, {@code log-fetch-limit(1000)}, flow control; syslog-ng divides
 * {@code log-iw-size} among {@code max-connections}, so 64 connections get 640,000, i.e. 10,000 each as §8's
 * measured setup with the default 10 connections and a window of 100,000.
 */
public final class SyslogNgTarget extends PeerTarget
{
    private static final int MAX_CONNECTIONS = 64;

    private final Path root;

    /**
     * @param root where the package is unpacked ({@code root/usr/sbin/syslog-ng}); {@code /} for a system install.
     */
    public SyslogNgTarget(final Path root, final Path runDir, final Transport transport, final int messageBytes)
    {
        super(runDir, transport, messageBytes);
        this.root = root;
    }

    /**
     * The unpacked package under {@code $RINGLOG_PEERS_DIR/syslog-ng} or {@code ~/.cache/ringlog-peers/syslog-ng},
     * else a system install ({@code /}), else null.
     */
    public static Path find()
    {
        final List<Path> candidates = new ArrayList<>();
        final String peers = System.getenv("RINGLOG_PEERS_DIR");
        if (peers != null && !peers.isEmpty())
        {
            candidates.add(Path.of(peers, "syslog-ng"));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".cache", "ringlog-peers", "syslog-ng"));
        candidates.add(Path.of("/"));
        for (final Path root : candidates)
        {
            if (Files.isExecutable(root.resolve("usr/sbin/syslog-ng")))
            {
                return root;
            }
        }
        return null;
    }

    @Override
    public String system()
    {
        return "syslog-ng";
    }

    @Override
    public String config()
    {
        return (transport() == Transport.TCP_LF ? "network()" : "syslog()") +
            " → file, flush-lines 100000, fifo 1M, flow control";
    }

    @Override
    String configText(final Path workDir, final Transport transport, final int tcpPort, final int udpPort,
        final Path output)
    {
        final String tcpWindow = " max-connections(" + MAX_CONNECTIONS + ") log-iw-size(" + MAX_CONNECTIONS * 10_000 +
            ") log-fetch-limit(1000)";
        final String tcp = transport == Transport.TCP_LF ?
            "network(ip(\"127.0.0.1\") port(" + tcpPort + ") transport(\"tcp\")" + tcpWindow +
                " flags(syslog-protocol, store-raw-message));" :
            "syslog(ip(\"127.0.0.1\") port(" + tcpPort + ") transport(\"tcp\")" + tcpWindow +
                " flags(store-raw-message));";
        final String udp = udpPort < 0 ? "" : "  syslog(ip(\"127.0.0.1\") port(" + udpPort + ") transport(\"udp\")" +
            " so-rcvbuf(8388608) log-fetch-limit(1000) flags(store-raw-message));\n";
        return "@version: 3.38\n" +
            "# written by ringlog bench: no system sources; only the benchmark's inputs\n" +
            "options { flush-lines(100000); log-fifo-size(1000000); keep-hostname(yes); chain-hostnames(no);" +
            " use-dns(no); use-fqdn(no); dns-cache(no); stats-freq(0); };\n" +
            "source s_bench {\n  " + tcp + "\n" + udp + "};\n" +
            "destination d_out { file(\"" + output + "\" template(\"${RAWMSG}\\n\") flush-lines(100000)" +
            " log-fifo-size(1000000)); };\n" +
            "log { source(s_bench); destination(d_out); flags(flow-control); };\n";
    }

    @Override
    List<String> command(final Path conf)
    {
        final List<String> cmd = new ArrayList<>(List.of(root.resolve("usr/sbin/syslog-ng").toString(),
            "-F", "--no-caps", "-f", conf.toString(),
            "-p", runDir().resolve("syslog-ng.pid").toAbsolutePath().toString(),
            "-R", runDir().resolve("syslog-ng.persist").toAbsolutePath().toString(),
            "-c", runDir().resolve("syslog-ng.ctl").toAbsolutePath().toString()));
        final Path modules = moduleDir();
        if (modules != null)
        {
            cmd.add("--module-path=" + modules);
        }
        return cmd;
    }

    @Override
    Map<String, String> environment()
    {
        if (root.getNameCount() == 0)
        {
            return Map.of();
        }
        return Map.of("LD_LIBRARY_PATH", root.resolve("usr/lib/syslog-ng") + ":" +
            root.resolve("usr/lib/x86_64-linux-gnu") + ":" + root.resolve("lib/x86_64-linux-gnu"));
    }

    /** {@code root/usr/lib/syslog-ng/3.38} of an unpacked package; null for a system install (built-in path). */
    private Path moduleDir()
    {
        if (root.getNameCount() == 0)
        {
            return null;
        }
        try (Stream<Path> dirs = Files.list(root.resolve("usr/lib/syslog-ng")))
        {
            return dirs.filter(p -> Files.isRegularFile(p.resolve("libafsocket.so"))).findFirst().orElse(null);
        }
        catch (final IOException e)
        {
            return null;
        }
    }
}
