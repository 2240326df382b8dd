package io.ringlog.bench;

import io.ringlog.bench.ingest.ServerProcess;
import io.ringlog.bench.ingest.Targets;
import io.ringlog.bench.ingest.ThroughputResult;
import io.ringlog.bench.latency.LatencyResult;
import io.ringlog.bench.latency.LatencyRig;
import io.ringlog.bench.latency.LatencySpec;
import io.ringlog.bench.load.SyslogFormat;
import io.ringlog.bench.load.Transport;
import io.ringlog.bench.report.BenchReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The whole bench in one command: sustained throughput of every system (as fast as possible over one TCP
 * connection, zero loss checked), then open-loop latency at fixed rates and at half of each system's own maximum,
 * then a long ringlog run whose GC count is reported; all of it written as {@code report.md} with SVG charts plus
 * one {@code .hgrm}/{@code .hlog} pair per latency run.
 *
 * <pre>
 * bench/scripts/install-peers.sh
 * java -jar bench/target/ringlog-bench.jar suite --out bench/results
 * </pre>
 * Every process (sender, servers, the follower) shares the machine's cores; the report says so.
 */
@Command(name = "BenchSuite", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Throughput, latency and GC of ringlog and its peers, written as a Markdown report with charts.")
public final class BenchSuite implements Callable<Integer>
{
    @Option(names = "--out", description = "Report directory (default ${DEFAULT-VALUE}).")
    Path out = Path.of("bench/results");

    @Option(names = "--systems", split = ",", description = "Default: ringlog and every installed peer.")
    List<String> systems;

    @Option(names = "--throughput-messages", description = "Timed messages per run (default ${DEFAULT-VALUE}).")
    long throughputMessages = 2_000_000;

    @Option(names = "--throughput-warmup", description = "Untimed messages first (default ${DEFAULT-VALUE}).")
    long throughputWarmup = 500_000;

    @Option(names = "--throughput-runs", description = "Runs per system, alternating (default ${DEFAULT-VALUE}).")
    int throughputRuns = 3;

    @Option(names = "--rates", split = ",", description = "Fixed rates, msg/s (default ${DEFAULT-VALUE}).")
    List<Integer> rates = List.of(10_000, 100_000, 300_000);

    @Option(names = "--half-max", negatable = true, description = "Also run each system at 50%% of its own " +
        "median max (default ${DEFAULT-VALUE}).")
    boolean halfMax = true;

    @Option(names = "--seconds", description = "Measured seconds per latency run (default ${DEFAULT-VALUE}).")
    int seconds = 10;

    @Option(names = "--warmup-seconds", description = "Unrecorded seconds first (default ${DEFAULT-VALUE}).")
    int warmupSeconds = 2;

    @Option(names = "--gc-seconds", description = "ringlog at --gc-rate for this long, GCs counted; 0 = skip " +
        "(default ${DEFAULT-VALUE}).")
    int gcSeconds = 60;

    @Option(names = "--gc-rate", description = "Rate of the GC run (default ${DEFAULT-VALUE}).")
    int gcRate = 100_000;

    @Option(names = "--sync-rate", description = "ringlog with journal.durability=sync beside page-cache at this " +
        "rate; 0 = skip (default ${DEFAULT-VALUE}).")
    int syncRate = 100_000;

    @Option(names = "--engine-jar", description = "Default: ${DEFAULT-VALUE}.")
    Path engineJar = Path.of("engine/target/ringlogd.jar");

    @Option(names = "--engine-arg", description = "Extra ringlogd argument (repeatable).")
    List<String> engineArgs = new ArrayList<>();

    @Option(names = "--work-dir", description = "Stores and message files (default: a new temp dir).")
    Path workDir;

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new BenchSuite()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final Path work = workDir != null ? Files.createDirectories(workDir) :
            Files.createTempDirectory("ringlog-bench");
        final List<String> chosen = new ArrayList<>();
        for (final String s : systems != null ? systems : Targets.SYSTEMS)
        {
            final String why = Targets.unavailable(s, engineJar);
            if (why == null)
            {
                chosen.add(s);
            }
            else
            {
                System.err.println("BenchSuite: leaving out " + s + ": " + why);
            }
        }
        Files.createDirectories(out);
        final List<ThroughputResult> throughput = new ArrayList<>();
        for (int run = 1; run <= throughputRuns; run++)
        {
            for (final String system : chosen)
            {
                final ThroughputResult t = io.ringlog.bench.IngestBench.throughput(system, throughputMessages,
                    throughputWarmup, work.resolve("throughput"), engineJar, engineArgs);
                System.out.println("throughput run " + run + ": " + t);
                throughput.add(t);
            }
        }
        final List<BenchReport.Section> sections = new ArrayList<>();
        final LatencySpec base = new LatencySpec("ringlog", Transport.TCP_OCTET, SyslogFormat.RFC5424, 1, 1_000,
            seconds, warmupSeconds, 200, work.resolve("latency"), engineJar, engineArgs);
        for (final int rate : rates)
        {
            final List<LatencyResult> results = new ArrayList<>();
            for (final String system : chosen)
            {
                results.add(latency(base.withSystem(system).withRate(rate), "latency-" + rate + "-" + system));
            }
            sections.add(new BenchReport.Section(String.format(Locale.ROOT, "%,d msg/s", rate), Integer.toString(rate),
                results));
        }
        if (halfMax)
        {
            final List<LatencyResult> results = new ArrayList<>();
            for (final String system : chosen)
            {
                final double max = BenchReport.medianRate(throughput, system);
                if (!Double.isNaN(max))
                {
                    final int rate = Math.max(1_000, (int)(max / 2));
                    results.add(latency(base.withSystem(system).withRate(rate), "latency-half-max-" + system));
                }
            }
            sections.add(new BenchReport.Section("50% of each system's own max", "half-max", results));
        }
        if (syncRate > 0 && chosen.contains("ringlog"))
        {
            final List<String> syncArgs = new ArrayList<>(engineArgs);
            syncArgs.add("--set");
            syncArgs.add("journal.durability=sync");
            final LatencySpec pageCache = base.withRate(syncRate);
            final LatencySpec sync = new LatencySpec("ringlog", Transport.TCP_OCTET, SyslogFormat.RFC5424, 1,
                syncRate, seconds, warmupSeconds, 200, work.resolve("latency"), engineJar, syncArgs);
            sections.add(new BenchReport.Section(String.format(Locale.ROOT, "%,d msg/s, journal.durability " +
                "page-cache vs sync", syncRate), "durability", List.of(latency(pageCache, "latency-durability-" +
                "page-cache"), latency(sync, "latency-durability-sync")), List.of("ringlog (page-cache)",
                "ringlog (sync)")));
        }
        LatencyResult gc = null;
        if (gcSeconds > 0 && chosen.contains("ringlog"))
        {
            // without the service-time interval log: encoding an interval allocates ~13 KB (HdrHistogram's
            // log writer), a bench feature that would otherwise be what this run counts
            final List<String> gcArgs = new ArrayList<>(engineArgs);
            gcArgs.add("--set");
            gcArgs.add("stats.serviceTimeIntervalMs=0");
            gc = LatencyRig.run(new LatencySpec("ringlog", Transport.TCP_OCTET, SyslogFormat.RFC5424, 1, gcRate,
                gcSeconds, warmupSeconds, 200, work.resolve("latency"), engineJar, gcArgs));
            System.out.print(gc.summary());
        }
        final Path report = new BenchReport(header(chosen), throughput, sections, gc).write(out);
        if (workDir == null)
        {
            ServerProcess.deleteTree(work);
        }
        System.out.println("BenchSuite: wrote " + report);
        return 0;
    }

    private LatencyResult latency(final LatencySpec spec, final String name) throws Exception
    {
        final LatencyResult r = LatencyRig.run(spec);
        System.out.print(r.summary());
        LatencyResult.write(r, out.resolve(name));
        return r;
    }

    private String header(final List<String> chosen) throws Exception
    {
        final StringBuilder md = new StringBuilder("# ringlog bench report\n\n");
        md.append("Generated ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .substring(0, 16)).append(" UTC by `java -jar bench/target/ringlog-bench.jar suite")
            .append(" --out ").append(out).append(' ').append(String.join(" ", argsEcho())).append("`.\n\n");
        md.append(Machine.describe(workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"))));
        md.append("- systems: ").append(String.join(", ", chosen)).append(" (peers from Debian 12 packages, run in " +
            "the foreground on 127.0.0.1 with the settings in shared/LIBRARIES.md §8; ringlog on its defaults")
            .append(engineArgs.isEmpty() ? "" : " plus `" + String.join(" ", engineArgs) + "`").append(")\n");
        md.append("- **the load generator, the servers and the follower that records latency all share the same " +
            "cores**; nothing else was meant to run, but the machine is a shared VM\n");
        md.append(String.format(Locale.ROOT, "- throughput: %d runs per system (alternating), each %,d timed + %,d " +
            "warm-up messages of 200 B, octet-counted RFC 5424 over one TCP connection (sendfile), timed from the " +
            "first byte to the last message stored, then every message counted in the store%n", throughputRuns,
            throughputMessages, throughputWarmup));
        md.append(String.format(Locale.ROOT, "- latency: open loop at a fixed rate over one TCP connection, each " +
            "message stamped with its sequence number and *scheduled* send time (no coordinated omission); recorded " +
            "when the message is visible in the store (ringlog: a Chronicle tailer on the journal; peers: their " +
            "output file), %d s measured after %d s of warm-up; missing and duplicated messages are counted. The " +
            "rig's own floor at 100k msg/s is a p99 of about 450 µs (a trivial receiver, issue 5).%n",
            seconds, warmupSeconds));
        md.append("- CPU is the server's utime + stime per million messages; peak RSS is its `VmHWM`.\n");
        return md.toString();
    }

    private List<String> argsEcho()
    {
        final List<String> a = new ArrayList<>();
        a.add("--throughput-runs " + throughputRuns);
        a.add("--seconds " + seconds);
        a.add("--rates " + rates.toString().replaceAll("[\\[\\] ]", ""));
        a.add("--gc-seconds " + gcSeconds);
        a.add("--sync-rate " + syncRate);
        return a;
    }
}
