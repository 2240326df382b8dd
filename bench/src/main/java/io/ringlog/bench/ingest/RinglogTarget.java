package io.ringlog.bench.ingest;

import io.ringlog.engine.config.EngineConfig;
import io.ringlog.engine.config.WaitStrategies;
import io.ringlog.engine.counters.Counter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ringlog engine as a user runs it: {@code java -jar ringlogd.jar --tcp-port 0 --udp-port -1 --journal DIR}
 * in a process of its own (so CPU and RSS are the whole engine's), with a fresh journal per run. "Stored" is the
 * engine's {@code journaled} counter, which the writer publishes at the end of each batch it has appended.
 */
public final class RinglogTarget implements IngestTarget
{
    private static final Pattern LISTENING =
        Pattern.compile("ringlogd listening on tcp://[^ ]+:(\\d+)(?: udp://[^ ]+:(\\d+))?");
    private static final long START_TIMEOUT_MS = 30_000;

    private final Path engineJar;
    private final Path runDir;
    private final String waitStrategy;
    private final int parsers;
    private final List<String> extraArgs;
    private final boolean udp;
    private Process process;
    private int port = -1;
    private int udpPort = -1;
    private CountersView counters;
    private String firstLine;

    /**
     * @param waitStrategy {@code --wait-strategy}, or null for the engine's default.
     * @param parsers      {@code --parsers}, or 0 for the engine's default.
     */
    public RinglogTarget(
        final Path engineJar, final Path runDir, final String waitStrategy, final int parsers,
        final List<String> extraArgs)
    {
        this(engineJar, runDir, waitStrategy, parsers, extraArgs, false);
    }

    /** @param udp also listen on a UDP port (any free one; see {@link #udpPort()}). */
    public RinglogTarget(
        final Path engineJar, final Path runDir, final String waitStrategy, final int parsers,
        final List<String> extraArgs, final boolean udp)
    {
        this.udp = udp;
        this.engineJar = engineJar;
        this.runDir = runDir;
        this.waitStrategy = waitStrategy;
        this.parsers = parsers;
        this.extraArgs = extraArgs;
    }

    @Override
    public String system()
    {
        return "ringlog";
    }

    @Override
    public String config()
    {
        final String ws = waitStrategy == null ? WaitStrategies.DEFAULT + " (default)" : waitStrategy;
        final int p = parsers <= 0 ? EngineConfig.DEFAULT_PARSERS : parsers;
        final int config = extraArgs.indexOf("--config");
        return ws + ", " + p + (p == 1 ? " parser" : " parsers") +
            (config >= 0 ? ", " + Path.of(extraArgs.get(config + 1)).getFileName() : "");
    }

    public Path journal()
    {
        return runDir.resolve("journal");
    }

    @Override
    public void start() throws IOException, InterruptedException
    {
        Files.createDirectories(runDir);
        final List<String> cmd = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", engineJar.toString(),
            "--tcp-port", "0", "--udp-port", udp ? "0" : "-1", "--journal", journal().toString()));
        if (waitStrategy != null)
        {
            cmd.add("--wait-strategy");
            cmd.add(waitStrategy);
        }
        if (parsers > 0)
        {
            cmd.add("--parsers");
            cmd.add(Integer.toString(parsers));
        }
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).directory(runDir.toFile())
            .redirectError(runDir.resolve("ringlogd.err").toFile()).start();
        final BufferedReader out =
            new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        firstLine = readFirstLine(out);
        final Matcher m = firstLine == null ? null : LISTENING.matcher(firstLine);
        if (m == null || !m.find())
        {
            ServerProcess.kill(process);
            throw new IOException("ringlogd did not start: first line " + firstLine + "; stderr: " +
                Files.readString(runDir.resolve("ringlogd.err")));
        }
        port = Integer.parseInt(m.group(1));
        udpPort = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        counters = CountersView.open(journal());
    }

    /** Reads the first stdout line with a bound, then keeps draining stdout so the pipe never fills. */
    private String readFirstLine(final BufferedReader out) throws InterruptedException
    {
        final CompletableFuture<String> first = new CompletableFuture<>();
        final Thread reader = new Thread(() ->
        {
            try
            {
                first.complete(out.readLine());
                while (out.readLine() != null)
                {
                    // drain
                }
            }
            catch (final IOException e)
            {
                first.complete(null);
            }
        }, "ringlogd-stdout");
        reader.setDaemon(true);
        reader.start();
        try
        {
            return first.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final ExecutionException | TimeoutException e)
        {
            return null;
        }
    }

    public String firstLine()
    {
        return firstLine;
    }

    @Override
    public int tcpPort()
    {
        return port;
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

    /** A counter of the running engine (after {@link #start()}). */
    public long counter(final Counter counter)
    {
        return counters.get(counter);
    }

    @Override
    public long stored()
    {
        return counters.get(Counter.JOURNALED);
    }

    @Override
    public int stop() throws InterruptedException
    {
        return ServerProcess.terminate(process, 60);
    }

    @Override
    public Verification verify(final long expected) throws IOException
    {
        final long journaled = counters.get(Counter.JOURNALED);
        final long received = counters.get(Counter.RECEIVED_TCP) + counters.get(Counter.RECEIVED_UDP);
        final long dropped = counters.get(Counter.DROPPED_RING_FULL) + counters.get(Counter.DROPPED_OVERFLOW_BUDGET) +
            counters.get(Counter.DROPPED_JOURNAL_ERROR) + counters.get(Counter.DROPPED_DISK_FULL);
        final String detail = "received " + received + ", journaled " + journaled + ", filtered " +
            counters.get(Counter.FILTERED) + ", dropped " + dropped + ", unparsed " + counters.get(Counter.UNPARSED) +
            ", framing errors " + counters.get(Counter.TCP_FRAMING_ERRORS) + ", backpressure pauses " +
            counters.get(Counter.TCP_BACKPRESSURE);
        return new Verification(journaled, received, dropped, detail);
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
        ServerProcess.deleteTree(journal());
    }
}
