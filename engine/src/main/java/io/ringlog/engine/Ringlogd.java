package io.ringlog.engine;

import io.ringlog.engine.config.ConfigException;
import io.ringlog.engine.config.ConfigFile;
import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.pipeline.Engine;
import io.ringlog.engine.pipeline.EngineStartException;
import org.agrona.concurrent.OffsetEpochNanoClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ringlogd}: the engine's command line. Reads the optional config file, lets flags override it, validates
 * everything, starts the engine, prints one line saying where it listens, and runs until SIGTERM or Ctrl-C, then
 * stops gracefully and exits 0. Start-up problems are one line on stderr and exit 2 (configuration) or 1.
 */
@Command(name = "ringlogd", mixinStandardHelpOptions = true, version = "ringlogd 0.1.0",
    description = "ringlog engine: receives syslog over UDP and TCP, parses, filters and journals every message.",
    sortOptions = false)
public final class Ringlogd implements Callable<Integer>
{
    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (see engine/ringlogd.yaml).")
    private Path configFile;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default 127.0.0.1).")
    private String bind;

    @Option(names = "--tcp-port", paramLabel = "N", description = "TCP port; 0 = any free port, -1 = off (default 5514).")
    private Integer tcpPort;

    @Option(names = "--udp-port", paramLabel = "N", description = "UDP port; 0 = any free port, -1 = off (default 5514).")
    private Integer udpPort;

    @Option(names = "--journal", paramLabel = "DIR", description = "Journal directory (default ./journal).")
    private String journal;

    @Option(names = "--parsers", paramLabel = "N", description = "Parser threads (default 1).")
    private Integer parsers;

    @Option(names = "--ring-size", paramLabel = "N", description = "Ring slots, a power of two (default 65536).")
    private Integer ringSize;

    @Option(names = "--wait-strategy", paramLabel = "NAME",
        description = "handoff, backoff, phased, blocking, lite-blocking, sleeping, yielding or busy-spin " +
            "(default handoff).")
    private String waitStrategy;

    @Option(names = "--min-severity", paramLabel = "LEVEL",
        description = "Journal only this severity or more severe: emerg..debug or 0..7 (default debug).")
    private String minSeverity;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "Any config key (as in ringlogd.yaml, e.g. journal.prefetchBytes=0); repeatable; applied after " +
            "the file and before the flags above.")
    private List<String> sets = new ArrayList<>();

    private final CountDownLatch stop = new CountDownLatch(1);

    public static void main(final String[] args)
    {
        final CommandLine cl = new CommandLine(new Ringlogd());
        cl.setExecutionExceptionHandler((ex, line, parsed) ->
        {
            line.getErr().println("ringlogd: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        System.exit(cl.execute(args));
    }

    /** The effective configuration: defaults, then the file, then flags; validated. */
    EngineConfig config()
    {
        final EngineConfig config = new EngineConfig();
        if (configFile != null)
        {
            ConfigFile.load(configFile, config);
        }
        for (final String kv : sets)
        {
            final int eq = kv.indexOf('=');
            if (eq <= 0)
            {
                throw new ConfigException("--set " + kv + ": expected KEY=VALUE");
            }
            config.set(kv.substring(0, eq), kv.substring(eq + 1), "--set " + kv.substring(0, eq));
        }
        override(config, "listen.bind", bind, "--bind");
        override(config, "listen.tcpPort", tcpPort, "--tcp-port");
        override(config, "listen.udpPort", udpPort, "--udp-port");
        override(config, "journal.dir", journal, "--journal");
        override(config, "ring.parsers", parsers, "--parsers");
        override(config, "ring.size", ringSize, "--ring-size");
        override(config, "ring.waitStrategy", waitStrategy, "--wait-strategy");
        override(config, "logic.minSeverity", minSeverity, "--min-severity");
        return config.validate();
    }

    private static void override(final EngineConfig config, final String key, final Object value, final String flag)
    {
        if (value != null)
        {
            config.set(key, value.toString(), flag);
        }
    }

    @Override
    public Integer call()
    {
        final EngineConfig config;
        try
        {
            config = config();
        }
        catch (final ConfigException e)
        {
            System.err.println("ringlogd: " + e.getMessage());
            return 2;
        }
        final Engine engine;
        try
        {
            engine = Engine.start(config, new OffsetEpochNanoClock());
        }
        catch (final EngineStartException e)
        {
            System.err.println("ringlogd: " + e.getMessage());
            return 1;
        }
        Signals.onStop(stop::countDown);
        System.out.println(engine.describe());
        System.out.flush();
        try
        {
            stop.await();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        engine.close();
        System.err.println("ringlogd: stopped; journal closed");
        return 0;
    }
}
