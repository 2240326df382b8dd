package io.ringlog.bench;

import io.ringlog.bench.ingest.IngestRun;
import io.ringlog.bench.ingest.IngestTarget;
import io.ringlog.bench.ingest.MessageFile;
import io.ringlog.bench.ingest.ReportTable;
import io.ringlog.bench.ingest.RinglogTarget;
import io.ringlog.bench.ingest.RunResult;
import io.ringlog.bench.ingest.ServerProcess;
import io.ringlog.bench.ingest.Targets;
import io.ringlog.bench.ingest.ThroughputResult;
import io.ringlog.bench.load.Transport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Whole-engine ingest throughput, ringlog against rsyslog and syslog-ng, each a separate process on 127.0.0.1:
 * <pre>
 * bench/scripts/install-peers.sh      # once, for rsyslog and syslog-ng
 * java -cp bench/target/benchmarks.jar io.ringlog.bench.IngestBench --messages 2000000 --peers rsyslog,syslog-ng \
 *     --out bench/results/ingest.md
 * </pre>
 * Each run starts the server fresh, sends an untimed warm-up file, then the timed file of {@code --messages}
 * octet-counted RFC 5424 messages (200 B each) over one TCP connection with sendfile, and times first byte sent
 * to last message stored (ringlog: the {@code journaled} counter; a peer: its output file's size), polling every
 * 1 ms. Runs are sequential and interleaved between systems; the sender and the server share the machine's cores.
 *
 * <p>{@code --wait-strategy} and {@code --parsers} take comma-separated lists and run ringlog once per combination
 * (the wait-strategy sweep); {@code --idle-seconds} also measures each server's CPU while idle after a run.
 */
@Command(name = "IngestBench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Ingest throughput of ringlogd (and rsyslog) over one loopback TCP connection.")
public final class IngestBench implements Callable<Integer>
{
    @Option(names = "--messages", description = "Messages in each timed run (default ${DEFAULT-VALUE}).")
    long messages = 2_000_000;

    @Option(names = "--warmup", description = "Untimed messages sent first in each run; -1 = messages/4.")
    long warmup = -1;

    @Option(names = "--runs", description = "Timed runs per system and configuration (default ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--peers", split = ",",
        description = "Peers to compare: rsyslog, syslog-ng, none (default rsyslog,syslog-ng).")
    List<String> peers = new ArrayList<>(List.of("rsyslog", "syslog-ng"));

    @Option(names = "--wait-strategy", split = ",", description = "ringlogd --wait-strategy values (default: the engine's).")
    List<String> waitStrategies = new ArrayList<>();

    @Option(names = "--parsers", split = ",", description = "ringlogd --parsers values (default: the engine's).")
    List<Integer> parsers = new ArrayList<>();

    @Option(names = "--engine-config", split = ",",
        description = "ringlogd --config files, one ringlog configuration each (e.g. durability page-cache vs sync).")
    List<Path> engineConfigs = new ArrayList<>();

    @Option(names = "--idle-seconds", description = "Also measure idle CPU for this long after each run (default 0 = no).")
    int idleSeconds;

    @Option(names = "--engine-jar", description = "ringlogd.jar (default: -Dringlogd.jar or engine/target/ringlogd.jar).")
    Path engineJar = Path.of(System.getProperty("ringlogd.jar", "engine/target/ringlogd.jar"));

    @Option(names = "--work-dir", description = "Where message files and journals go (default: a new dir in java.io.tmpdir).")
    Path workDir;

    @Option(names = "--timeout-s", description = "Longest one send may take until stored; 0 = 30 s + 100 µs a message.")
    long timeoutS;

    @Option(names = "--out", description = "Also write the Markdown report here.")
    Path out;

    private String[] args = new String[0];

    public static void main(final String[] args)
    {
        final IngestBench bench = new IngestBench();
        bench.args = args;
        System.exit(new CommandLine(bench).execute(args));
    }

    /** One extra-argument list per --engine-config file, or one empty list. */
    private List<List<String>> configArgs()
    {
        final List<List<String>> out = new ArrayList<>();
        for (final Path config : engineConfigs)
        {
            out.add(List.of("--config", config.toAbsolutePath().toString()));
        }
        if (out.isEmpty())
        {
            out.add(List.of());
        }
        return out;
    }

    @Override
    public Integer call() throws Exception
    {
        final List<RunResult> results = runAll();
        final String report = report(results);
        System.out.println(report);
        if (out != null)
        {
            if (out.toAbsolutePath().getParent() != null)
            {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, report);
            System.out.println("written to " + out);
        }
        for (final RunResult r : results)
        {
            if (!r.ok())
            {
                return 1;
            }
        }
        return 0;
    }

    /** Every run, in the order they ran: for each run index, each ringlog configuration, then each peer. */
    public List<RunResult> runAll() throws IOException, InterruptedException
    {
        if (!Files.isRegularFile(engineJar))
        {
            throw new IllegalArgumentException(engineJar.toAbsolutePath() + " not found: run `mvn -B -q -DskipTests package`");
        }
        final List<String> available = new ArrayList<>();
        for (final String peer : peers)
        {
            if (!"none".equals(peer))
            {
                final String why = Targets.unavailable(peer, engineJar);
                if (why == null)
                {
                    available.add(peer);
                }
                else
                {
                    System.err.println("IngestBench: " + peer + " left out: " + why);
                }
            }
        }
        final Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("ringlog-ingest");
        final long warm = warmup < 0 ? messages / 4 : warmup;
        final MessageFile warmFile = warm == 0 ? null : MessageFile.generate(dir.resolve("warmup.syslog"), warm, 0);
        final MessageFile timedFile = MessageFile.generate(dir.resolve("timed.syslog"), messages, warm);
        final long timeoutMs = timeoutS > 0 ? timeoutS * 1000 : 30_000 + messages / 10;
        final IngestRun run = new IngestRun(warmFile, timedFile, idleSeconds, timeoutMs);
        final List<String> strategies = waitStrategies.isEmpty() ? listOfNull() : waitStrategies;
        final List<Integer> parserCounts = parsers.isEmpty() ? List.of(0) : parsers;
        final List<RunResult> results = new ArrayList<>();
        try
        {
            for (int r = 1; r <= runs; r++)
            {
                for (final String ws : strategies)
                {
                    for (final int p : parserCounts)
                    {
                        for (final List<String> extra : configArgs())
                        {
                            final Path runDir = dir.resolve("ringlog-" + ws + "-" + p + "-" + extra.size() + "-" +
                                (extra.isEmpty() ? "" : Path.of(extra.get(1)).getFileName()) + "-run" + r);
                            results.add(runOne(run, new RinglogTarget(engineJar.toAbsolutePath(), runDir, ws, p,
                                extra), r));
                        }
                    }
                }
                for (final String peer : available)
                {
                    results.add(runOne(run, Targets.create(peer, Transport.TCP_OCTET, MessageFile.MESSAGE_BYTES,
                        dir.resolve(peer + "-run" + r), engineJar, List.of()), r));
                }
            }
        }
        finally
        {
            if (warmFile != null)
            {
                Files.deleteIfExists(warmFile.path());
            }
            Files.deleteIfExists(timedFile.path());
            if (workDir == null && isEmpty(dir))
            {
                Files.deleteIfExists(dir);
            }
        }
        return results;
    }

    /**
     * One as-fast-as-possible run of {@code system} (ringlog, rsyslog or syslog-ng) for an orchestrator: a fresh
     * server, {@code warmup} untimed messages, then {@code messages} timed ones over one TCP connection (sendfile),
     * and the loss check. Over TCP with flow control a clean run is the system's sustained zero-loss rate.
     *
     * @param workDir    where the message files and the store go (created; the store is deleted afterwards).
     * @param engineArgs extra ringlogd arguments (ringlog only).
     */
    public static ThroughputResult throughput(final String system, final long messages, final long warmup,
        final Path workDir, final Path engineJar, final List<String> engineArgs)
        throws IOException, InterruptedException
    {
        final Path dir = Files.createDirectories(workDir);
        final MessageFile warmFile = warmup == 0 ? null : MessageFile.generate(dir.resolve("warmup.syslog"), warmup, 0);
        final MessageFile timedFile = MessageFile.generate(dir.resolve("timed.syslog"), messages, warmup);
        try
        {
            final IngestRun run = new IngestRun(warmFile, timedFile, 0, 30_000 + messages / 10);
            final IngestTarget target = Targets.create(system, Transport.TCP_OCTET, MessageFile.MESSAGE_BYTES,
                Files.createTempDirectory(dir, system + "-"), engineJar, engineArgs);
            return ThroughputResult.of(runOne(run, target, 1));
        }
        finally
        {
            if (warmFile != null)
            {
                Files.deleteIfExists(warmFile.path());
            }
            Files.deleteIfExists(timedFile.path());
        }
    }

    private static boolean isEmpty(final Path dir) throws IOException
    {
        try (java.util.stream.Stream<Path> entries = Files.list(dir))
        {
            return entries.findAny().isEmpty();
        }
    }

    private static List<String> listOfNull()
    {
        final List<String> l = new ArrayList<>();
        l.add(null);
        return l;
    }

    /** Runs one target; deletes its run directory when the run was clean, else keeps its logs and says where. */
    private static RunResult runOne(final IngestRun run, final IngestTarget target, final int r)
        throws IOException, InterruptedException
    {
        final RunResult result;
        try (target)
        {
            result = run.run(target, r);
        }
        System.err.printf("%s (%s) run %d: %s msgs/s, CPU %.2f s, peak RSS %d MB, loss %d%s%n",
            result.system(), result.config(), r, (long)result.msgsPerSec(), result.cpuSeconds(),
            result.peakRssBytes() >> 20, result.loss(), result.error() == null ? "" : ", " + result.error());
        if (result.ok())
        {
            ServerProcess.deleteTree(target.runDir());
        }
        else
        {
            System.err.println("  kept logs of the failed run in " + target.runDir());
        }
        return result;
    }

    /** The Markdown report: what ran where, the table, the ratio, and each run's accounting. */
    public String report(final List<RunResult> results) throws IOException
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("## Ingest throughput, one loopback TCP connection (").append(Instant.now()).append(")\n\n");
        sb.append(Machine.describe(workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"))));
        sb.append("- command: `java -cp bench/target/benchmarks.jar io.ringlog.bench.IngestBench ")
            .append(String.join(" ", args)).append("`\n");
        sb.append("- per run: fresh server process and store; untimed warm-up of ")
            .append(warmup < 0 ? messages / 4 : warmup).append(" messages, then ").append(messages)
            .append(" timed messages (200 B RFC 5424, octet-counted) sent with sendfile over one new connection; ")
            .append("msgs/s = messages / (first byte sent → last message stored, polled every 1 ms)\n");
        sb.append("- the sender, the poller and the server share the same cores; runs are sequential\n\n");
        sb.append(ReportTable.table(results)).append('\n');
        final String ratio = ReportTable.ratio(results);
        if (ratio != null)
        {
            sb.append(ratio).append("\n\n");
        }
        sb.append("Per run:\n").append(ReportTable.details(results));
        return sb.toString();
    }
}
